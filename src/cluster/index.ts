export { assignStory, DEFAULT_CLUSTER_CONFIG, type Assignment, type ClusterConfig, type ScoredMember } from './assign.js';
export { articleSimilarity, compareProfiles, similarityProfile, type SimilarityBreakdown, type SimilarityInput, type SimilarityProfile } from './similarity.js';
export { indexKeys, queryKeys } from './candidate-keys.js';
