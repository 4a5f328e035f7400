export { assignStory, clusterConfig, DEFAULT_CLUSTER_CONFIG, type Assignment, type ClusterConfig, type ScoredMember } from './assign.js';
export { articleSimilarity, compareProfiles, corpusIdf, similarityProfile, type Idf, type SimilarityBreakdown, type SimilarityProfile } from './similarity.js';
export { articleFeatures, documentTerms, type FeatureInput } from './features.js';
export { articleKeys } from './candidate-keys.js';
export { candidateQuery, candidatesFromIndex, decidePlacement, type CandidateLookup, type CandidateQuery, type KeyIndex, type PlacementInput } from './placement.js';
export { explainPlacement } from './explain-placement.js';
export { consonantSkeleton, pairEvidence, EVIDENCE_NAMES, type PairEvidence } from './pair-evidence.js';
export { loadSameStoryModel, modelInputs, sameStoryProbability, MODEL_INPUTS, SameStoryModelSchema, type LogisticModel, type ModelInput, type SameStoryModel } from './same-story-model.js';
