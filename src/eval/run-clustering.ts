// `storyline eval clustering FILE.jsonl`: one article a line {id, lang, title, text, date, cluster}
// (optional `event`, the gold development, and `copy_of`, the gold original of a syndicated copy).
// Runs the real pipeline (extract, enrich, dedup, cluster, store) on a fresh temporary store, in
// date order, and scores the stories found against the gold clusters, beside the TF-IDF single-pass
// baseline on the same articles. Analysis is kept apart from clustering so that a fit can cluster
// the same analysed articles under many settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { EnrichedArticle, RawDocument } from '../domain/index.js';
import { analyzeDocument, BatchedWrites, emptySummary, storeAnalyzed, type IngestOptions } from '../pipeline/index.js';
import { SqliteStoryStore } from '../store/index.js';
import { articleFeatures } from '../cluster/index.js';
import { embeddingText } from '../enrich/index.js';
import { pairCounts, scoreClusters, type ClusterScores } from './cluster-metrics.js';
import { readJsonl } from './read-jsonl.js';
import { singlePassClusters } from './tfidf-baseline.js';

const ItemSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  lang: z.string().min(2),
  title: z.string(),
  text: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  cluster: z.union([z.string(), z.number()]).transform(String),
  event: z.union([z.string(), z.number()]).transform(String).optional(),
  copy_of: z.union([z.string(), z.number()]).transform(String).optional(),
  source: z.string().optional(),
  url: z.string().optional(),
});
export type ClusteringItem = z.infer<typeof ItemSchema>;

type PairScores = { pairs_gold: number; precision: number; recall: number; f1: number };

export interface ClusteringScores extends ClusterScores {
  /** Pairs of articles in one language (pooled over languages), and pairs across languages. */
  within_language: PairScores;
  cross_language: PairScores;
}

export interface ClusteringEval extends ClusteringScores {
  per_language: Record<string, ClusterScores>;
  /** Gold developments, when the file labels them: pairwise over articles of the same gold story. */
  events: PairScores | null;
  /** Syndicated copies, when the file labels them: linked to their original (or its copy chain). */
  copies: { gold: number; found: number; correct: number; precision: number; recall: number } | null;
  /** The TF-IDF single-pass clusterer on the same articles. */
  baseline_single_pass: ClusteringScores;
  failed: number;
  articles_per_second: number;
  peak_rss_mb: number;
  per_article: Array<{ id: string; lang: string; gold: string; found: string; duplicate_of: string | null }>;
}

export function readClusteringItems(file: string): ClusteringItem[] {
  return readJsonl(file, ItemSchema, 'a clustering item');
}

/** An item with its analysis, ready to be clustered (the analysis is the costly part). */
export interface AnalysedItem {
  item: ClusteringItem;
  doc: RawDocument;
  /** null when the item is not a usable article (it is counted as failed). */
  enriched: EnrichedArticle | null;
  embedding?: number[];
}

/** A clustered item: its gold labels and what the pipeline made of it. */
export interface ClusteredRow {
  item: ClusteringItem;
  gold: string;
  found: string;
  foundEvent: string;
  duplicateOf: string | null;
}

export async function analyseItems(file: string, items: ClusteringItem[], options: Pick<IngestOptions, 'embedder'> = {}): Promise<AnalysedItem[]> {
  const out: AnalysedItem[] = [];
  for (const item of [...items].sort((a, b) => a.date.localeCompare(b.date))) {
    const doc: RawDocument = {
      origin: `${file}:${item.id}`,
      format: 'text',
      body: item.text,
      ...(item.url ? { url: item.url } : {}),
      hints: { id: item.id, title: item.title, published: item.date, language: item.lang, ...(item.source ? { source: item.source } : {}) },
    };
    let enriched: EnrichedArticle | null = null;
    try {
      enriched = analyzeDocument(doc);
    } catch {
      // Not an article: counted as failed, scored as a story of its own.
    }
    const embedding = enriched && options.embedder ? (await options.embedder.embed([embeddingText(enriched)]))[0] : undefined;
    out.push({ item, doc, enriched, ...(embedding ? { embedding } : {}) });
  }
  return out;
}

/** Clusters analysed items (in date order) into a fresh temporary store. */
export async function clusterAnalysed(analysed: AnalysedItem[], options: Pick<IngestOptions, 'cluster'> = {}): Promise<{ rows: ClusteredRow[]; failed: number; articleOf: Map<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-eval-clustering-'));
  const store = new SqliteStoryStore(join(dir, 'eval.db'));
  const summary = emptySummary();
  const articleOf = new Map<string, string>();
  const batch = new BatchedWrites(store);
  let failed = 0;
  try {
    for (const a of analysed) {
      if (!a.enriched) {
        failed++;
        continue;
      }
      const before = summary.addedIds.length;
      await batch.next();
      await storeAnalyzed(a.doc, a.enriched, store, summary, options, a.embedding);
      if (summary.addedIds.length > before) articleOf.set(a.item.id, summary.addedIds[before]!);
    }
    await batch.commit();
    const rows: ClusteredRow[] = [];
    for (const { item } of analysed) {
      const stored = articleOf.has(item.id) ? await store.getArticle(articleOf.get(item.id)!) : null;
      const storyId = stored?.storyId ? ((await store.resolveStoryId(stored.storyId)) ?? stored.storyId) : `unstored:${item.id}`;
      rows.push({ item, gold: item.cluster, found: storyId, foundEvent: stored?.eventId ?? `unstored:${item.id}`, duplicateOf: stored?.duplicateOf ?? null });
    }
    return { rows, failed, articleOf };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairwise, B-cubed, within- and cross-language scores of clustered rows. */
export function scoreRows(rows: Array<{ item: ClusteringItem; gold: string; found: string }>): ClusteringScores {
  return {
    ...scoreClusters(rows),
    within_language: pairCounts(rows, (a, b) => a.item.lang === b.item.lang),
    cross_language: pairCounts(rows, (a, b) => a.item.lang !== b.item.lang),
  };
}

/** The TF-IDF single-pass baseline's stories for the items. */
export function baselineRows(items: ClusteringItem[]): Array<{ item: ClusteringItem; gold: string; found: string }> {
  const found = singlePassClusters(items);
  return items.map((item, i) => ({ item, gold: item.cluster, found: `b${found[i]}` }));
}

export async function evalClustering(file: string, options: Pick<IngestOptions, 'embedder' | 'cluster'> = {}): Promise<ClusteringEval> {
  const items = readClusteringItems(file);
  const started = process.hrtime.bigint();
  const analysed = await analyseItems(file, items, options);
  const { rows, failed, articleOf } = await clusterAnalysed(analysed, options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perLanguage: Record<string, ClusterScores> = {};
  for (const lang of [...new Set(items.map((i) => i.lang))].sort()) perLanguage[lang] = scoreClusters(rows.filter((r) => r.item.lang === lang));
  const hasEvents = items.some((i) => i.event);
  const idOfArticle = new Map([...articleOf].map(([itemId, articleId]) => [articleId, itemId]));
  const goldCopies = rows.filter((r) => r.item.copy_of);
  const foundCopies = rows.filter((r) => r.duplicateOf);
  // A copy is right when it points at its gold original, or at what that original copies.
  const rootOf = (id: string): string => {
    const item = items.find((i) => i.id === id);
    return item?.copy_of ? rootOf(item.copy_of) : id;
  };
  const correct = foundCopies.filter((r) => r.item.copy_of && rootOf(idOfArticle.get(r.duplicateOf!) ?? '') === rootOf(r.item.copy_of)).length;
  return {
    ...scoreRows(rows),
    per_language: perLanguage,
    events: hasEvents
      ? pairCounts(
          rows.map((r) => ({ ...r, gold: `${r.gold}/${r.item.event ?? r.item.id}`, found: r.foundEvent })),
          (a, b) => a.item.cluster === b.item.cluster,
        )
      : null,
    copies: goldCopies.length
      ? { gold: goldCopies.length, found: foundCopies.length, correct, precision: foundCopies.length ? correct / foundCopies.length : 1, recall: correct / goldCopies.length }
      : null,
    baseline_single_pass: scoreRows(baselineRows(items)),
    failed,
    articles_per_second: items.length / seconds,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    per_article: rows.map((r) => ({ id: r.item.id, lang: r.item.lang, gold: r.gold, found: r.found, duplicate_of: r.duplicateOf ? (idOfArticle.get(r.duplicateOf) ?? r.duplicateOf) : null })),
  };
}
