// One analysis thread of an AnalysisPool: takes documents from the pool, answers with their analysis
// or the reason they are not usable articles. Nothing here touches the store.
import { parentPort } from 'node:worker_threads';
import { InputError, type EnrichedArticle, type RawDocument } from '../domain/index.js';
import { READY } from './analysis-pool.js';
import { analyzeOrRefuse } from './ingest.js';

export interface AnalysisRequest {
  id: number;
  doc: RawDocument;
  /** The server's clock, so that a document is analysed against the same "today" as on the main thread. */
  nowIso: string;
}

export type AnalysisReply = { id: number; enriched: EnrichedArticle } | { id: number; refused: { origin: string; reason: string } };

function analyse({ id, doc, nowIso }: AnalysisRequest): AnalysisReply {
  const analysis = analyzeOrRefuse(doc, { now: () => new Date(nowIso) });
  // An InputError crosses threads as plain fields: structured cloning keeps no class.
  return analysis instanceof InputError ? { id, refused: { origin: analysis.origin, reason: analysis.reason } } : { id, enriched: analysis };
}

parentPort?.on('message', (request: AnalysisRequest) => parentPort!.postMessage(analyse(request)));
parentPort?.postMessage(READY);
