// All-or-nothing ingest of documents that arrive together (an HTTP batch): every document is
// analysed first, and only when all of them are usable articles is any of them stored.
import { InputError, type EnrichedArticle, type RawDocument } from '../domain/index.js';
import type { StoryStore } from '../store/index.js';
import { storeErrorOf } from '../store/index.js';
import { backfillStoryTitles, decideStoryTitles } from './story-titles.js';
import { recordAlertMatches } from './alert-matching.js';
import { analyzeOrRefuse, backfillFeatures, commitOrStop, emptySummary, storeAnalyzed, type IngestOptions, type IngestSummary } from './ingest.js';

export type BatchResult = { ok: true; summary: IngestSummary } | { ok: false; failed: InputError[] };

/** Analyses documents (each one's analysis, or why it is not an article): an AnalysisPool off the caller's thread, or in place. */
export type AnalyzeAll = (docs: RawDocument[]) => Promise<Array<EnrichedArticle | InputError>>;

export async function ingestBatch(docs: RawDocument[], store: StoryStore, options: IngestOptions & { analyzeAll?: AnalyzeAll } = {}): Promise<BatchResult> {
  const results = await (options.analyzeAll ?? (async (all) => all.map((doc) => analyzeOrRefuse(doc, options))))(docs);
  const failed = results.filter((r): r is InputError => r instanceof InputError);
  if (failed.length) return { ok: false, failed };
  const analyzed = docs.map((doc, i) => ({ doc, enriched: results[i] as EnrichedArticle }));
  return inWriteTurn(store, async () => {
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
    summary.alertMatches = await recordAlertMatches(store, summary.addedIds, options.now?.() ?? new Date());
    return { ok: true, summary } as const;
  });
}

/** The last write turn taken on each store: the next one starts when it has ended. */
const lastTurn = new WeakMap<StoryStore, Promise<unknown>>();

/**
 * Batches on one store instance one after another: an instance has one open batch (one transaction),
 * so two requests served at once must not share it (the first commit would end the other's half-done
 * transaction). Other processes are kept apart by the database itself. Analysis is not in the turn.
 */
function inWriteTurn<T>(store: StoryStore, work: () => Promise<T>): Promise<T> {
  const previous = lastTurn.get(store) ?? Promise.resolve();
  const turn = previous.then(work, work);
  lastTurn.set(store, turn.catch(() => undefined));
  return turn;
}
