export { ingestPaths, ingestDocument, type IngestSummary, type IngestProgress, type IngestOptions } from './ingest.js';
