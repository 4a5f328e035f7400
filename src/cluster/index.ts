export { assignStory, DEFAULT_CLUSTER_CONFIG, type Assignment, type ClusterConfig, type ScoredMember } from './assign.js';
export { articleFeatures, articleSimilarity, compareProfiles, corpusIdf, similarityProfile, type ArticleFeatures, type Idf, type SimilarityBreakdown, type SimilarityInput, type SimilarityProfile } from './similarity.js';
export { indexKeys, queryKeys } from './candidate-keys.js';
