export { analyzePaths, emptySummary, ingestPaths, ingestDocument, type AnalyzeResult, type IngestSummary, type IngestProgress, type IngestOptions } from './ingest.js';
export { ingestBatch, type BatchResult } from './ingest-batch.js';
