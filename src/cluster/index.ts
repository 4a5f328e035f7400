export { assignStory, DEFAULT_CLUSTER_CONFIG, type Assignment, type ClusterConfig, type ScoredMember } from './assign.js';
export { articleSimilarity, compareProfiles, corpusIdf, similarityProfile, type Idf, type SimilarityBreakdown, type SimilarityProfile } from './similarity.js';
export { articleFeatures, type FeatureInput } from './features.js';
export { articleKeys } from './candidate-keys.js';
export { candidateQuery, decidePlacement, type CandidateLookup, type PlacementInput } from './placement.js';
export { explainPlacement } from './explain-placement.js';
