// The simplest honest baselines, run on the same data as Storyline: TF-IDF cosine of plain words
// (stop words of the article's language removed, IDF over the evaluated file) for pair similarity,
// and a single-pass clusterer on it (an article joins the most similar story centroid active within
// 30 days when the cosine reaches 0.2, else starts a story: the baseline the benchmark READMEs name).
import { toUnitLength, type SparseVector } from '../lib/sparse-vector.js';
import { stopWords } from '../lib/stop-words.js';

const stopSets = new Map<string, Set<string>>();

export interface BaselineDoc {
  lang: string;
  title: string;
  text: string;
}

type Vector = SparseVector;

function words(doc: BaselineDoc): string[] {
  let stop = stopSets.get(doc.lang);
  if (!stop) stopSets.set(doc.lang, (stop = new Set(stopWords(doc.lang))));
  return `${doc.title}\n${doc.text}`
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 1 && !stop.has(w));
}

/** Unit TF-IDF vectors (raw counts times smoothed IDF over the given documents). */
export function tfidfVectors(docs: BaselineDoc[]): Vector[] {
  const counted = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of words(d)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counted) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length;
  return counted.map((tf) => {
    const v: Vector = new Map();
    for (const [w, c] of tf) v.set(w, c * (Math.log((n + 1) / (df.get(w)! + 1)) + 1));
    return toUnitLength(v);
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small) dot += w * (large.get(k) ?? 0);
  return dot;
}

export interface SinglePassOptions {
  threshold: number;
  windowDays: number;
}

/** Story index of each document, processed in date order (ISO dates). */
export function singlePassClusters(docs: Array<BaselineDoc & { date: string }>, options: SinglePassOptions = { threshold: 0.2, windowDays: 30 }): number[] {
  const vectors = tfidfVectors(docs);
  const order = docs.map((_, i) => i).sort((a, b) => docs[a]!.date.localeCompare(docs[b]!.date) || a - b);
  const stories: Array<{ sum: Vector; last: number }> = [];
  const out = new Array<number>(docs.length);
  for (const i of order) {
    const day = Date.parse(docs[i]!.date.slice(0, 10)) / 86_400_000;
    let best = -1;
    let bestScore = options.threshold;
    stories.forEach((s, k) => {
      if (day - s.last > options.windowDays) return;
      const score = cosine(vectors[i]!, toUnitLength(new Map(s.sum)));
      if (score >= bestScore) [best, bestScore] = [k, score];
    });
    if (best < 0) {
      best = stories.length;
      stories.push({ sum: new Map(), last: day });
    }
    const story = stories[best]!;
    for (const [k, w] of vectors[i]!) story.sum.set(k, (story.sum.get(k) ?? 0) + w);
    story.last = Math.max(story.last, day);
    out[i] = best;
  }
  return out;
}
