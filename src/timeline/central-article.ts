// The story's most central original: the report closest to all the others (TF-IDF cosine of its terms
// to the story's centroid, document frequencies counted within the story). Its headline names the
// story and its lead opens the summary: the oldest report, or the one with most names, may be an
// early side story or a long round-up that mentions everything.
import type { StoredArticle } from '../domain/index.js';
import { toUnitLength, type SparseVector } from '../lib/sparse-vector.js';

type Vector = SparseVector;

/** The most central of `articles` among those in `language` (any article when none is). */
export function mostCentralArticle(articles: StoredArticle[], language: string): StoredArticle | null {
  if (articles.length <= 1) return articles[0] ?? null;
  const df = new Map<string, number>();
  for (const a of articles) for (const t of new Set(a.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = articles.length;
  const vectors = articles.map((a) => toUnitLength(weights(a.terms, df, n)));
  const centroid: Vector = new Map();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const pool = articles.some((a) => a.language === language) ? (a: StoredArticle) => a.language === language : () => true;
  let best: StoredArticle | null = null;
  let bestScore = -Infinity;
  articles.forEach((a, i) => {
    if (!pool(a)) return;
    // Its own weight is taken out of the centroid: closeness to the others, not to itself.
    let dot = 0;
    for (const [t, w] of vectors[i]!) dot += w * (centroid.get(t)! - w);
    if (dot > bestScore) [best, bestScore] = [a, dot];
  });
  return best;
}

function weights(terms: string[], df: Map<string, number>, n: number): Vector {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const out: Vector = new Map();
  for (const [t, c] of tf) out.set(t, (1 + Math.log(c)) * Math.log((n + 1) / df.get(t)!));
  return out;
}
