export { analyzeDocument, analyzePaths, backfillFeatures, emptySummary, storeAnalyzed, ingestPaths, ingestDocument, ingestOne, type AnalyzeResult, type IngestSummary, type IngestProgress, type IngestOptions } from './ingest.js';
export { ingestBatch, type AnalyzeAll, type BatchResult } from './ingest-batch.js';
export { AnalysisPool, PoolBusyError, type AnalysisPoolOptions } from './analysis-pool.js';
export { BatchedWrites, DEFAULT_BATCH_LIMITS, type BatchLimits } from './batched-writes.js';
export { buildSelectionTimeline, periodEnd, periodStart, SelectionError, selectionTitle, type SelectionTimeline, type TimelineSelection } from './topic-timeline.js';
export { backfillStoryTitles, decideStoryTitles, listedSummary } from './story-titles.js';
export { runWorker, type WorkerOptions } from './worker.js';
