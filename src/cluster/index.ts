export { assignStory, DEFAULT_CLUSTER_CONFIG, type Assignment, type ClusterConfig } from './assign.js';
export { articleSimilarity, type SimilarityBreakdown, type SimilarityInput } from './similarity.js';
