// The runner: files -> documents -> extract -> enrich -> dedup -> cluster -> store, one article at a time.
// A bad item is reported and skipped; each stored article is committed atomically with its story.
import { assignStory, DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from '../cluster/index.js';
import { contentHash } from '../dedup/index.js';
import { InputError, type EnrichedArticle, type RawDocument, type StoredArticle } from '../domain/index.js';
import { enrichArticle, inferFromStory } from '../enrich/index.js';
import { extractArticle } from '../extract/index.js';
import { listInputFiles, readInputFile } from '../ingest/index.js';
import type { DateUpdate, StoryStore } from '../store/index.js';

export interface IngestSummary {
  added: number;
  /** Best-effort results: stored, with a note on what was guessed or cut. */
  warnings: Array<{ origin: string; message: string }>;
  duplicates: number;
  failed: InputError[];
  /** Ids of the articles added, in order. */
  addedIds: string[];
}

export function emptySummary(): IngestSummary {
  return { added: 0, warnings: [], duplicates: 0, failed: [], addedIds: [] };
}

export interface IngestProgress {
  onStart?(totalFiles: number): void;
  onFile?(file: string, done: number): void;
  onError?(error: InputError): void;
  onWarning?(origin: string, message: string): void;
}

export interface IngestOptions {
  cluster?: ClusterConfig;
  progress?: IngestProgress;
  now?: () => Date;
}

/** Candidate retrieval bounds: the cost per article stays flat as the store grows. */
const CANDIDATE_LIMIT = 200;
const COMMON_ENTITY_SHARE = 0.2;
const MIN_COMMON_ENTITY_FREQUENCY = 50;

export async function ingestPaths(paths: string[], store: StoryStore, options: IngestOptions = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  const listed = await listInputFiles(paths);
  options.progress?.onStart?.(listed.length);
  let done = 0;
  for (const item of listed) {
    if ('error' in item) {
      record(summary, item.error, options);
    } else {
      for (const read of await readInputFile(item.file)) {
        if (read.ok) ingestDocument(read.doc, store, summary, options);
        else record(summary, read.error, options);
      }
    }
    options.progress?.onFile?.('file' in item ? item.file : item.error.origin, ++done);
  }
  return summary;
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
    for (const read of await readInputFile(item.file)) {
      if (!read.ok) {
        result.failed.push(read.error);
        continue;
      }
      try {
        result.analyses.push(analyzeDocument(read.doc, options));
        for (const message of read.doc.warnings ?? []) result.warnings.push({ origin: read.doc.origin, message });
      } catch (err) {
        result.failed.push(asInputError(err, read.doc.origin));
      }
    }
  }
  return result;
}

/** Adds one document; used by the file runner and by callers that already hold documents. */
export function ingestDocument(doc: RawDocument, store: StoryStore, summary: IngestSummary, options: IngestOptions = {}): void {
  try {
    storeAnalyzed(doc, analyzeDocument(doc, options), store, summary, options);
  } catch (err) {
    record(summary, asInputError(err, doc.origin), options);
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

/** Stores an analysed document in its story, or counts it as a duplicate. */
export function storeAnalyzed(doc: RawDocument, enriched: EnrichedArticle, store: StoryStore, summary: IngestSummary, options: IngestOptions = {}): void {
  const hash = contentHash(enriched.text);
  if (store.hasContentHash(hash)) {
    summary.duplicates++;
    return;
  }
  const stored = placeInStory(enriched, hash, store, options);
  for (const message of doc.warnings ?? []) {
    summary.warnings.push({ origin: doc.origin, message });
    options.progress?.onWarning?.(doc.origin, message);
  }
  summary.added++;
  summary.addedIds.push(stored.id);
}

function record(summary: IngestSummary, error: InputError, options: IngestOptions): void {
  summary.failed.push(error);
  options.progress?.onError?.(error);
}

function placeInStory(article: EnrichedArticle, hash: string, store: StoryStore, options: IngestOptions): StoredArticle {
  const entityNames = article.entities.map((e) => e.name);
  const statsBefore = store.corpusStats(entityNames, article.terms);
  const maxEntityFrequency = Math.max(MIN_COMMON_ENTITY_FREQUENCY, Math.floor(statsBefore.articleCount * COMMON_ENTITY_SHARE));
  const candidates = store.findCandidates({ entities: entityNames, maxEntityFrequency, limit: CANDIDATE_LIMIT });
  // The new article counts in the statistics it is judged by, as it will once stored.
  const stats = {
    articleCount: statsBefore.articleCount + 1,
    entityFrequency: bump(statsBefore.entityFrequency, entityNames),
    termFrequency: bump(statsBefore.termFrequency, [...new Set(article.terms)]),
  };
  const assignment = assignStory(article, candidates, stats, options.cluster ?? DEFAULT_CLUSTER_CONFIG);
  const id = `a${hash.slice(0, 12)}`;
  const stored: StoredArticle = {
    ...article,
    id,
    contentHash: hash,
    storyId: assignment.storyId ?? `s${hash.slice(0, 10)}`,
    duplicateOf: null,
    ingestedAt: (options.now?.() ?? new Date()).toISOString(),
  };
  const storyIds = assignment.storyId ? [assignment.storyId, ...assignment.mergeStoryIds] : [];
  const members = [...storyIds.flatMap((s) => store.storyArticles(s)), stored];
  const dateUpdates = datesFromStory(members);
  store.addArticle(stored, { newStory: !assignment.storyId, mergeStoryIds: assignment.mergeStoryIds, dateUpdates });
  return stored;
}

function bump(counts: Map<string, number>, keys: string[]): Map<string, number> {
  const out = new Map(counts);
  for (const k of new Set(keys)) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

/** Articles that name no year get their dates, and so their publication month, from their story. */
function datesFromStory(members: StoredArticle[]): DateUpdate[] {
  const context = members.filter((m) => m.published && m.publishedSource !== 'story').map((m) => m.published!.start);
  const updates: DateUpdate[] = [];
  for (const member of members) {
    if (member.published || member.unresolvedDates.length === 0) continue;
    const inferred = inferFromStory(member.unresolvedDates, context);
    if (!inferred) continue;
    updates.push({
      id: member.id,
      published: inferred.published,
      publishedSource: 'story',
      dates: [...member.dates, ...inferred.resolved].sort((a, b) => a.offset - b.offset),
      unresolvedDates: inferred.stillUnresolved,
    });
  }
  return updates;
}
