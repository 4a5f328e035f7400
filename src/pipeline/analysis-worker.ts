// One analysis thread of an AnalysisPool: takes documents from the pool, answers with their analysis
// or the reason they are not usable articles. Nothing here touches the store.
import { parentPort } from 'node:worker_threads';
import { InputError, type RawDocument } from '../domain/index.js';
import { READY } from './analysis-pool.js';
import { analyzeDocument, asInputError } from './ingest.js';

export interface AnalysisRequest {
  id: number;
  doc: RawDocument;
  /** The server's clock, so that a document is analysed against the same "today" as on the main thread. */
  nowIso: string;
}

export type AnalysisReply = { id: number; enriched: ReturnType<typeof analyzeDocument> } | { id: number; refused: { origin: string; reason: string } };

function analyse({ id, doc, nowIso }: AnalysisRequest): AnalysisReply {
  try {
    return { id, enriched: analyzeDocument(doc, { now: () => new Date(nowIso) }) };
  } catch (err) {
    const refused: InputError = asInputError(err, doc.origin);
    return { id, refused: { origin: refused.origin, reason: refused.reason } };
  }
}

parentPort?.on('message', (request: AnalysisRequest) => parentPort!.postMessage(analyse(request)));
parentPort?.postMessage(READY);
