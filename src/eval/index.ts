export { evalExtraction, evalToolOutputs, extractBody, type ExtractionEval } from './run-extraction.js';
export { evalDates, extractPublicationDay, type DatesEval } from './run-dates.js';
export { scorePage, scoreCorpus, shingles, benchmarkTokens } from './extraction-score.js';
export { evalSegments, type SegmentsEval } from './run-segments.js';
export { evalAnalysis, evalLanguageId, type AnalysisEval, type LanguageIdEval } from './run-analysis.js';
export { evalSimilarity, readPairs, type SimilarityEval } from './run-similarity.js';
export { evalClustering, readClusteringItems, type ClusteringEval } from './run-clustering.js';
