// The runner: files -> documents -> extract -> enrich -> dedup -> cluster -> store, one article at a time.
// A bad item is reported and skipped; each stored article is committed atomically with its story;
// a failing store stops the run (StoreError), keeping what was committed.
import { createHash } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { articleFeatures, articleKeys, candidatesFromIndex, decidePlacement, documentTerms, DEFAULT_CLUSTER_CONFIG, explainPlacement, type Assignment, type ClusterConfig } from '../cluster/index.js';
import { contentHash, findSameLanguageCopy, findTranslatedCopy, lshBuckets, minhashSignature } from '../dedup/index.js';
import { ArticleExistsError, InputError, type CopyDecision, type EnrichedArticle, type RawDocument, type StoredArticle } from '../domain/index.js';
import { datesFromStory, embeddingText, enrichArticle, type SentenceEmbedder } from '../enrich/index.js';
import { extractArticle } from '../extract/index.js';
import { listInputFiles, readInputFile, type IngestItem } from '../ingest/index.js';
import { epochDay } from '../time/index.js';
import { storeErrorOf, type CorpusStats, type StoryStore } from '../store/index.js';
import { BatchedWrites, DEFAULT_BATCH_LIMITS } from './batched-writes.js';
import { backfillStoryTitles } from './story-titles.js';
import { recordAlertMatches } from './alert-matching.js';

export interface IngestSummary {
  added: number;
  /** Best-effort results: stored, with a note on what was guessed or cut. */
  warnings: Array<{ origin: string; message: string }>;
  /** Items already stored (the same text from the same place): nothing added. */
  duplicates: number;
  /** Of `added`, syndicated copies (stored, linked to their original, not counted as coverage). */
  copies: number;
  failed: InputError[];
  /** Ids of the articles added, in order. */
  addedIds: string[];
  /** Alert matches recorded for the added articles. */
  alertMatches: number;
}

export function emptySummary(): IngestSummary {
  return { added: 0, warnings: [], duplicates: 0, copies: 0, failed: [], addedIds: [], alertMatches: 0 };
}

export interface IngestProgress {
  onStart?(totalFiles: number): void;
  onFile?(file: string, done: number): void;
  onError?(error: InputError): void;
  onWarning?(origin: string, message: string): void;
}

export interface IngestOptions {
  cluster?: ClusterConfig;
  /** A local sentence-embedding model (`--embeddings`): its vectors add cross-language evidence. */
  embedder?: SentenceEmbedder;
  progress?: IngestProgress;
  now?: () => Date;
  /** The summary to fill as the run goes (ingestPaths): a caller keeps the counts of a run a StoreError stops. */
  summary?: IngestSummary;
  /** Called once a batch has committed, with its documents (stored, or found already stored). */
  onCommitted?(docs: RawDocument[]): Promise<void>;
  /** Called when a document is refused as not a usable article. */
  onRefused?(doc: RawDocument, error: InputError): Promise<void>;
  /** Articles per batch (default DEFAULT_BATCH_LIMITS.articles): 1 commits each article as it is stored. */
  batchArticles?: number;
}

export async function ingestPaths(paths: string[], store: StoryStore, options: IngestOptions = {}): Promise<IngestSummary> {
  await backfillBeforeIngest(store);
  const listed = await listInputFiles(paths);
  options.progress?.onStart?.(listed.length);
  return ingestItems(fileItems(listed, options), store, options);
}

/** Rows written by older versions get what later articles are compared by (features, story titles). */
export async function backfillBeforeIngest(store: StoryStore): Promise<void> {
  await orStop(async () => {
    await backfillFeatures(store);
    await backfillStoryTitles(store);
  });
}

/** The documents of the listed files, as they are read; progress counts each file once it is consumed. */
async function* fileItems(listed: Awaited<ReturnType<typeof listInputFiles>>, options: IngestOptions): AsyncGenerator<IngestItem> {
  let done = 0;
  for (const item of listed) {
    if ('error' in item) yield { kind: 'error', error: item.error };
    // Documents are consumed as the file is read: memory stays flat whatever its size.
    else yield* readInputFile(item);
    options.progress?.onFile?.('file' in item ? item.file : item.error.origin, ++done);
  }
}

/**
 * Analyses and stores documents as they come (from files, the web, a WARC), in batches, each followed
 * by the alert matches of its articles. A bad item is reported and the rest go on.
 */
export async function ingestItems(items: AsyncIterable<IngestItem>, store: StoryStore, options: IngestOptions = {}): Promise<IngestSummary> {
  const summary = options.summary ?? emptySummary();
  // Documents are analysed (the most of an ingest's work) before their batch takes the store's write
  // lock, and stored together: another process writing the same store gets its turns meanwhile.
  const pending: AnalysedDocument[] = [];
  let firstPendingAt = 0;
  for await (const read of items) {
    if (read.kind === 'error') record(summary, read.error, options);
    else if (read.kind === 'warning') warn(summary, read.origin, read.message, options);
    else {
      const analysed = await analyseForStore(read.doc, summary, options);
      if (!analysed) continue;
      if (pending.length === 0) firstPendingAt = Date.now();
      pending.push(analysed);
      if (pending.length >= (options.batchArticles ?? DEFAULT_BATCH_LIMITS.articles) || Date.now() - firstPendingAt >= DEFAULT_BATCH_LIMITS.milliseconds) {
        await storeBatch(pending.splice(0), store, summary, options);
      }
    }
  }
  await storeBatch(pending, store, summary, options);
  return summary;
}

/** A document analysed (and embedded) with no write open: what its batch then stores. */
interface AnalysedDocument {
  doc: RawDocument;
  enriched: EnrichedArticle;
  embedding?: number[];
}

/** Extraction, enrichment and the optional embedding of one document; null (recorded) when it is not a usable article. */
async function analyseForStore(doc: RawDocument, summary: IngestSummary, options: IngestOptions): Promise<AnalysedDocument | null> {
  try {
    const enriched = analyzeDocument(doc, options);
    const embedding = options.embedder ? (await options.embedder.embed([embeddingText(enriched)]))[0] : undefined;
    return { doc, enriched, ...(embedding ? { embedding } : {}) };
  } catch (err) {
    skipOrStop(err, doc.origin, summary, options);
    await options.onRefused?.(doc, asInputError(err, doc.origin));
    return null;
  }
}

/** Adds one document outside any batch (a worker's job): analysed, then stored in a transaction of its own. */
export async function ingestOne(doc: RawDocument, store: StoryStore, summary: IngestSummary, options: IngestOptions = {}): Promise<void> {
  const analysed = await analyseForStore(doc, summary, options);
  if (analysed) await storeOne(analysed, store, summary, options);
}

/** Stores one analysed document (`before` opens its batch); a failure skips it as bad input, or stops the run when the database's. */
async function storeOne(analysed: AnalysedDocument, store: StoryStore, summary: IngestSummary, options: IngestOptions, before?: () => Promise<void>): Promise<void> {
  try {
    await before?.();
    await storeAnalyzed(analysed.doc, analysed.enriched, store, summary, options, analysed.embedding);
  } catch (err) {
    skipOrStop(err, analysed.doc.origin, summary, options);
  }
}

/** Stores analysed documents as one batch: one durable commit, their stories' titles decided in it. */
async function storeBatch(analysed: AnalysedDocument[], store: StoryStore, summary: IngestSummary, options: IngestOptions): Promise<void> {
  if (analysed.length === 0) return;
  const batch = new BatchedWrites(store, { articles: Infinity, milliseconds: Infinity });
  const before = { added: summary.added, copies: summary.copies, ids: summary.addedIds.length };
  let stopped: unknown = null;
  try {
    for (const document of analysed) await storeOne(document, store, summary, options, () => batch.next());
  } catch (err) {
    stopped = err;
    throw err;
  } finally {
    // Whatever was added stays, also when something unexpected stops the run.
    await commitOrStop(batch).catch((err: unknown) => {
      // Nothing of the batch was stored: the summary counts only what was committed.
      summary.added = before.added;
      summary.copies = before.copies;
      summary.addedIds.length = before.ids;
      // The error that stopped the batch is the one to report (a disk full rolls the batch back, then the commit fails too).
      throw stopped ?? err;
    });
  }
  // Alerts are matched as soon as the batch is durable: a crash can only lose the matches of the last batch.
  await orStop(async () => {
    summary.alertMatches += await recordAlertMatches(store, summary.addedIds.slice(before.ids), options.now?.() ?? new Date());
  });
  await options.onCommitted?.(analysed.map((a) => a.doc));
}

export interface AnalyzeResult {
  analyses: EnrichedArticle[];
  failed: InputError[];
  warnings: Array<{ origin: string; message: string }>;
}

/** Extraction and enrichment of every document in the files, storing nothing (`storyline analyze`). */
export async function analyzePaths(paths: string[], options: Pick<IngestOptions, 'now'> = {}): Promise<AnalyzeResult> {
  const result: AnalyzeResult = { analyses: [], failed: [], warnings: [] };
  for (const item of await listInputFiles(paths)) {
    if ('error' in item) {
      result.failed.push(item.error);
      continue;
    }
    for await (const read of readInputFile(item)) {
      if (read.kind === 'error') {
        result.failed.push(read.error);
        continue;
      }
      if (read.kind === 'warning') {
        result.warnings.push({ origin: read.origin, message: read.message });
        continue;
      }
      const analysis = analyzeOrRefuse(read.doc, options);
      if (analysis instanceof InputError) {
        result.failed.push(analysis);
        continue;
      }
      result.analyses.push(analysis);
      for (const message of read.doc.warnings ?? []) result.warnings.push({ origin: read.doc.origin, message });
    }
  }
  return result;
}

/** Articles stored before comparison features were kept get them, so that they can be candidates again. */
export async function backfillFeatures(store: StoryStore): Promise<void> {
  const BATCH = 500;
  for (let rows = await store.articlesWithoutFeatures(BATCH); rows.length; rows = await store.articlesWithoutFeatures(BATCH)) {
    await store.beginBatch();
    for (const a of rows) await store.setFeatures(a.id, articleFeatures(a));
    await store.commitBatch();
  }
}

/** Adds one document; used by the file runner and by callers that already hold documents. */
export async function ingestDocument(doc: RawDocument, store: StoryStore, summary: IngestSummary, options: IngestOptions = {}): Promise<void> {
  try {
    await storeAnalyzed(doc, analyzeDocument(doc, options), store, summary, options);
  } catch (err) {
    skipOrStop(err, doc.origin, summary, options);
  }
}

/** The database failing stops the run (it is not this document's fault, and every later one would fail too); anything else skips the document as bad input. */
function skipOrStop(err: unknown, origin: string, summary: IngestSummary, options: IngestOptions): void {
  const storeError = storeErrorOf(err);
  if (storeError) throw storeError;
  record(summary, asInputError(err, origin), options);
}

/** Commits the open batch; a database that refuses the commit is a StoreError. */
export async function commitOrStop(batch: { commit(): Promise<void> }): Promise<void> {
  await orStop(() => batch.commit());
}

/** Runs store work whose failure is the database's: it stops the run as a StoreError. */
async function orStop(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    throw storeErrorOf(err) ?? err;
  }
}

/** An error met while processing one document, as the InputError that skips it. */
export function asInputError(err: unknown, origin: string): InputError {
  return err instanceof InputError ? err : new InputError(origin, `could not be processed (${(err as Error).message})`, { cause: err });
}

/** Extraction and enrichment of one document; throws an InputError when it is not a usable article. */
export function analyzeDocument(doc: RawDocument, options: Pick<IngestOptions, 'now'> = {}): EnrichedArticle {
  const today = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  return enrichArticle(extractArticle(doc), { today });
}

/** `analyzeDocument`, with the reason a document is not a usable article returned rather than thrown. */
export function analyzeOrRefuse(doc: RawDocument, options: Pick<IngestOptions, 'now'> = {}): EnrichedArticle | InputError {
  try {
    return analyzeDocument(doc, options);
  } catch (err) {
    return asInputError(err, doc.origin);
  }
}

/** Stores an analysed document in its story (or as a copy of an original), or counts it as already stored. */
export async function storeAnalyzed(doc: RawDocument, enriched: EnrichedArticle, store: StoryStore, summary: IngestSummary, options: IngestOptions = {}, embedding?: number[]): Promise<void> {
  const stored = await placeInStory(enriched, sourceKeyOf(doc), store, options, embedding);
  if (!stored) {
    summary.duplicates++;
    return;
  }
  for (const message of doc.warnings ?? []) warn(summary, doc.origin, message, options);
  summary.added++;
  if (stored.duplicateOf) summary.copies++;
  summary.addedIds.push(stored.id);
}

/** Where a document came from, as part of its identity: its supplied id, URL, or resolved file path and line. */
export function sourceKeyOf(doc: RawDocument): string {
  if (doc.hints.id) return `id:${doc.hints.id}`;
  if (doc.url) return `url:${doc.url}`;
  if (doc.path) return `file:${resolvePath(doc.path)}${doc.origin.startsWith(doc.path) ? doc.origin.slice(doc.path.length) : ''}`;
  return `origin:${doc.origin}`;
}

function warn(summary: IngestSummary, origin: string, message: string, options: IngestOptions): void {
  summary.warnings.push({ origin, message });
  options.progress?.onWarning?.(origin, message);
}

function record(summary: IngestSummary, error: InputError, options: IngestOptions): void {
  summary.failed.push(error);
  options.progress?.onError?.(error);
}

/**
 * Stores the article in its story (or as a copy of an original); null when it is already stored.
 * The stages decide (dedup: a copy; cluster: a placement); this reads their look-ups and stores the
 * result, under the store's placement locks on the article's query keys: the look-ups, the decision
 * and the write go together, so a concurrent writer's related article is either seen or waits.
 */
async function placeInStory(article: EnrichedArticle, sourceKey: string, store: StoryStore, options: IngestOptions, embedding?: number[]): Promise<StoredArticle | null> {
  const textHash = contentHash(article.text);
  const identity = createHash('sha256').update(`${textHash}\u0000${sourceKey}`).digest('hex');
  const minhash = minhashSignature(article.terms);
  const buckets = lshBuckets(minhash);
  const features = articleFeatures(article, embedding);
  const terms = documentTerms(features);
  const keys = articleKeys(features, withArticle(await store.corpusStats(), article, terms));
  return store.withPlacement(keys.query, async () => {
    const sameText = await store.findByTextHash(textHash);
    // The same text from the same place is the same article (rows stored before source keys: the same origin).
    if ((await store.hasContentHash(identity)) || sameText.some((c) => !c.sourceKey && c.origin === article.origin)) return null;
    // Read again under the locks: the decision counts what the articles it waited for added.
    const stats = withArticle(await store.corpusStats(), article, terms);
    let copy = await findSameLanguageCopy(sameText, minhash, () => store.findNearDuplicates(buckets, article.language));
    let assignment: Assignment | null = null;
    if (!copy) {
      const subject = { features, queryKeys: keys.query, day: epochDay(article.published?.start) };
      assignment = await decidePlacement(subject, stats, candidatesFromIndex(store), options.cluster ?? DEFAULT_CLUSTER_CONFIG);
      copy = findTranslatedCopy(features, assignment.scored);
    }
    const stored = storedArticle(article, identity, textHash, copy, assignment, options);
    const mergeStoryIds = copy ? [] : assignment!.mergeStoryIds;
    const joined = copy !== null || assignment!.storyId !== null;
    const storyIds = joined ? [stored.storyId!, ...mergeStoryIds] : [];
    // One look-up after another: inside a batch they share one connection.
    const undated: StoredArticle[] = [];
    for (const s of storyIds) undated.push(...(await store.undatedArticles(s)));
    const storyDates = async () => {
      const dates: string[] = [];
      for (const s of storyIds) dates.push(...(await store.publishedDates(s)));
      return dates;
    };
    try {
      await store.addArticle(stored, {
        newStory: !joined,
        mergeStoryIds,
        dateUpdates: await datesFromStory(stored, undated, storyDates),
        index: { sourceKey, keys: copy ? [] : keys.index, minhash, lshBuckets: buckets, features, documentTerms: terms },
        // Clustering's decision: an original placed in no event of its story opens one.
        opensEvent: !copy && assignment!.eventId === null,
      });
    } catch (err) {
      // Another writer stored the same article since the look-up: already stored, not a failure.
      if (err instanceof ArticleExistsError) return null;
      throw err;
    }
    return stored;
  });
}

/** The article as stored: a copy in its original's story and event, else where it was placed (or in a new story and event named after it). */
function storedArticle(article: EnrichedArticle, identity: string, textHash: string, copy: CopyDecision | null, assignment: Assignment | null, options: IngestOptions): StoredArticle {
  const stored: StoredArticle = {
    ...article,
    id: `a${identity.slice(0, 12)}`,
    contentHash: identity,
    textHash,
    storyId: copy ? copy.storyId : (assignment!.storyId ?? `s${identity.slice(0, 10)}`),
    eventId: copy ? copy.eventId : (assignment!.eventId ?? `e${identity.slice(0, 10)}`),
    duplicateOf: copy?.id ?? null,
    ingestedAt: (options.now?.() ?? new Date()).toISOString(),
    placement: null,
  };
  stored.placement = explainPlacement(stored, assignment, copy, options.cluster ?? DEFAULT_CLUSTER_CONFIG);
  return stored;
}

/** Statistics as they will be once the article is stored: it counts in what it is judged by. */
function withArticle(stats: CorpusStats, article: EnrichedArticle, documentTerms: string[]): CorpusStats {
  const entities = new Set(article.entities.map((e) => e.name));
  const terms = new Set(documentTerms);
  return {
    articleCount: stats.articleCount + 1,
    entityFrequency: { get: (k) => (stats.entityFrequency.get(k) ?? 0) + (entities.has(k) ? 1 : 0) },
    termFrequency: { get: (k) => (stats.termFrequency.get(k) ?? 0) + (terms.has(k) ? 1 : 0) },
  };
}

