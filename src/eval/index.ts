export { evalExtraction, evalToolOutputs, extractBody, type ExtractionEval } from './run-extraction.js';
export { evalDates, extractPublicationDay, type DatesEval } from './run-dates.js';
export { scorePage, scoreCorpus, shingles, benchmarkTokens } from './extraction-score.js';
export { evalSegments, type SegmentsEval } from './run-segments.js';
export { evalAnalysis, evalLanguageId, type AnalysisEval, type LanguageIdEval } from './run-analysis.js';
export { evalSimilarity, profilePairs, ratingPearson, readPairs, sameStoryAuc, type RatedPair, type SimilarityEval } from './run-similarity.js';
export { analyseItems, baselineRows, clusterAnalysed, evalClustering, readClusteringItems, scoreRows, type AnalysedItem, type ClusteredRow, type ClusteringEval, type ClusteringItem, type ClusteringScores } from './run-clustering.js';
export { foldOf, FOLDS } from './folds.js';
export { countDocumentFrequencies } from './corpus-stats.js';
