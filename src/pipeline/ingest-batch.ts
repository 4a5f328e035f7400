// All-or-nothing ingest of documents that arrive together (an HTTP batch): every document is
// analysed first, and only when all of them are usable articles is any of them stored.
import type { InputError, RawDocument } from '../domain/index.js';
import type { StoryStore } from '../store/index.js';
import { storeErrorOf } from '../store/index.js';
import { backfillStoryTitles, decideStoryTitles } from './story-titles.js';
import { analyzeDocument, asInputError, backfillFeatures, commitOrStop, emptySummary, storeAnalyzed, type IngestOptions, type IngestSummary } from './ingest.js';

export type BatchResult = { ok: true; summary: IngestSummary } | { ok: false; failed: InputError[] };

export async function ingestBatch(docs: RawDocument[], store: StoryStore, options: IngestOptions = {}): Promise<BatchResult> {
  const analyzed = [];
  const failed: InputError[] = [];
  for (const doc of docs) {
    try {
      analyzed.push({ doc, enriched: analyzeDocument(doc, options) });
    } catch (err) {
      failed.push(asInputError(err, doc.origin));
    }
  }
  if (failed.length) return { ok: false, failed };
  const summary = emptySummary();
  await backfillFeatures(store);
  await backfillStoryTitles(store);
  // One commit for the whole request.
  await store.beginBatch();
  try {
    for (const { doc, enriched } of analyzed) await storeAnalyzed(doc, enriched, store, summary, options);
    await decideStoryTitles(store);
  } catch (err) {
    throw storeErrorOf(err) ?? err;
  } finally {
    await commitOrStop({ commit: () => store.commitBatch() });
  }
  return { ok: true, summary };
}
