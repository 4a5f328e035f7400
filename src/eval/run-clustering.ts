// `storyline eval clustering FILE.jsonl`: one article a line {id, lang, title, text, date, cluster}
// (optional `event`, the gold development, and `copy_of`, the gold original of a syndicated copy).
// Runs the real pipeline (extract, enrich, dedup, cluster, store) on a fresh temporary store, in
// date order, and scores the stories found against the gold clusters.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { BatchedWrites, emptySummary, ingestOne, type IngestOptions } from '../pipeline/index.js';
import { SqliteStoryStore } from '../store/index.js';
import { pairCounts, scoreClusters, type ClusterScores } from './cluster-metrics.js';
import { readJsonl } from './read-jsonl.js';

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
type Item = z.infer<typeof ItemSchema>;

export interface ClusteringEval extends ClusterScores {
  /** Pairs of articles in two different languages: is a story found across languages? */
  /** Pairs of articles in one language (pooled over languages), and pairs across languages. */
  within_language: { pairs_gold: number; precision: number; recall: number; f1: number };
  cross_language: { pairs_gold: number; precision: number; recall: number; f1: number };
  per_language: Record<string, ClusterScores>;
  /** Gold developments, when the file labels them: pairwise over articles of the same gold story. */
  events: { pairs_gold: number; precision: number; recall: number; f1: number } | null;
  /** Syndicated copies, when the file labels them: linked to their original (or its copy chain). */
  copies: { gold: number; found: number; correct: number; precision: number; recall: number } | null;
  failed: number;
  articles_per_second: number;
  peak_rss_mb: number;
  per_article: Array<{ id: string; lang: string; gold: string; found: string; duplicate_of: string | null }>;
}

export function readClusteringItems(file: string): Item[] {
  return readJsonl(file, ItemSchema, 'a clustering item');
}

export async function evalClustering(file: string, options: Pick<IngestOptions, 'embedder'> = {}): Promise<ClusteringEval> {
  const items = readClusteringItems(file).sort((a, b) => a.date.localeCompare(b.date));
  const dir = mkdtempSync(join(tmpdir(), 'storyline-eval-clustering-'));
  const store = new SqliteStoryStore(join(dir, 'eval.db'));
  const summary = emptySummary();
  const articleOf = new Map<string, string>();
  const started = process.hrtime.bigint();
  const batch = new BatchedWrites(store);
  try {
    for (const item of items) {
      const before = summary.addedIds.length;
      batch.next();
      await ingestOne(
        {
          origin: `${file}:${item.id}`,
          format: 'text',
          body: item.text,
          ...(item.url ? { url: item.url } : {}),
          hints: { id: item.id, title: item.title, published: item.date, language: item.lang, ...(item.source ? { source: item.source } : {}) },
        },
        store,
        summary,
        options,
      );
      if (summary.addedIds.length > before) articleOf.set(item.id, summary.addedIds[before]!);
    }
    batch.commit();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rows = items.map((item) => {
      const stored = articleOf.has(item.id) ? store.getArticle(articleOf.get(item.id)!) : null;
      const storyId = stored?.storyId ? (store.resolveStoryId(stored.storyId) ?? stored.storyId) : `unstored:${item.id}`;
      return { item, gold: item.cluster, found: storyId, event: item.event, foundEvent: stored?.eventId ?? `unstored:${item.id}`, duplicateOf: stored?.duplicateOf ?? null };
    });
    const perLanguage: Record<string, ClusterScores> = {};
    for (const lang of [...new Set(items.map((i) => i.lang))].sort()) perLanguage[lang] = scoreClusters(rows.filter((r) => r.item.lang === lang));
    const hasEvents = items.some((i) => i.event);
    const idOfArticle = new Map([...articleOf].map(([itemId, articleId]) => [articleId, itemId]));
    const goldCopies = rows.filter((r) => r.item.copy_of);
    const foundCopies = rows.filter((r) => r.duplicateOf);
    const hasCopies = goldCopies.length > 0;
    // A copy is right when it points at its gold original, or at what that original copies.
    const rootOf = (id: string): string => {
      const item = items.find((i) => i.id === id);
      return item?.copy_of ? rootOf(item.copy_of) : id;
    };
    const correct = foundCopies.filter((r) => r.item.copy_of && rootOf(idOfArticle.get(r.duplicateOf!) ?? '') === rootOf(r.item.copy_of)).length;
    return {
      ...scoreClusters(rows),
      within_language: pairCounts(rows, (a, b) => a.item.lang === b.item.lang),
      cross_language: pairCounts(rows, (a, b) => a.item.lang !== b.item.lang),
      per_language: perLanguage,
      events: hasEvents
        ? pairCounts(
            rows.map((r) => ({ ...r, gold: `${r.gold}/${r.event ?? r.item.id}`, found: r.foundEvent })),
            (a, b) => a.item.cluster === b.item.cluster,
          )
        : null,
      copies: hasCopies
        ? { gold: goldCopies.length, found: foundCopies.length, correct, precision: foundCopies.length ? correct / foundCopies.length : 1, recall: correct / goldCopies.length }
        : null,
      failed: summary.failed.length,
      articles_per_second: items.length / seconds,
      peak_rss_mb: process.resourceUsage().maxRSS / 1024,
      per_article: rows.map((r) => ({ id: r.item.id, lang: r.item.lang, gold: r.gold, found: r.found, duplicate_of: r.duplicateOf ? (idOfArticle.get(r.duplicateOf) ?? r.duplicateOf) : null })),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
