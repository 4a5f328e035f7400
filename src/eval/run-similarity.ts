// `storyline eval similarity FILE.jsonl`: Pearson correlation between Storyline's pair score and
// human same-story ratings (SemEval-2022 Task 8 layout: 1 = same story ... 4 = unrelated), overall
// and per language pair, beside plain TF-IDF cosine on the same pairs. Corpus statistics (IDF) come
// from the file's own articles.
import { z } from 'zod';
import { plainArticle, type EnrichedArticle } from '../domain/index.js';
import { enrichArticle } from '../enrich/index.js';
import { compareProfiles, loadSameStoryModel, type SameStoryModel, type SimilarityProfile } from '../cluster/index.js';
import { profileCorpus } from './corpus-stats.js';
import { pearson } from './correlation.js';
import { readJsonl } from './read-jsonl.js';
import { cosine, tfidfVectors } from './tfidf-baseline.js';

const PairSchema = z.object({
  pair_id: z.union([z.string(), z.number()]).transform(String),
  lang1: z.string(),
  lang2: z.string(),
  title1: z.string().default(''),
  text1: z.string(),
  title2: z.string().default(''),
  text2: z.string(),
  overall: z.number(),
});
export type RatedPair = z.infer<typeof PairSchema>;

export interface SimilarityEval {
  pairs: number;
  /** Pearson r between the score and -overall (higher score, more alike). */
  pearson: number;
  per_language_pair: Record<string, { pairs: number; pearson: number }>;
  /** Same-story decision (overall <= 2 vs >= 3): the probability that a same-story pair outscores a different one. */
  same_story_auc: number;
  /** Plain TF-IDF cosine of the two texts on the same pairs. */
  baseline_tfidf: { pearson: number; same_story_auc: number };
}

export function readPairs(file: string): RatedPair[] {
  return readJsonl(file, PairSchema, 'a pair');
}

/** Each rated pair with both sides analysed and weighted by the file's corpus statistics. */
export function profilePairs(pairs: RatedPair[]): Array<{ pair: RatedPair; a: SimilarityProfile; b: SimilarityProfile }> {
  const analysed = new Map<string, EnrichedArticle>();
  const analyse = (lang: string, title: string, text: string): EnrichedArticle => {
    const key = `${lang}\u0000${title}\u0000${text}`;
    let a = analysed.get(key);
    if (!a) {
      a = enrichArticle(plainArticle({ origin: `pair article ${analysed.size + 1}`, title, text, declaredLanguage: lang }));
      analysed.set(key, a);
    }
    return a;
  };
  const sides = pairs.map((p) => [analyse(p.lang1, p.title1, p.text1), analyse(p.lang2, p.title2, p.text2)] as const);
  const articles = [...analysed.values()];
  const profiled = profileCorpus(articles);
  const profiles = new Map(articles.map((a, i) => [a, profiled[i]!]));
  return pairs.map((pair, i) => ({ pair, a: profiles.get(sides[i]![0])!, b: profiles.get(sides[i]![1])! }));
}

export function evalSimilarity(file: string, model: SameStoryModel = loadSameStoryModel()): SimilarityEval & { per_pair: Array<{ pair_id: string; score: number; overall: number }> } {
  const pairs = readPairs(file);
  const perPair = profilePairs(pairs).map(({ pair, a, b }) => ({
    pair_id: pair.pair_id,
    lang: `${pair.lang1}-${pair.lang2}`,
    score: compareProfiles(a, b, false, model).score,
    overall: pair.overall,
  }));
  const perLanguagePair: SimilarityEval['per_language_pair'] = {};
  for (const lang of [...new Set(perPair.map((x) => x.lang))].sort()) {
    const rows = perPair.filter((x) => x.lang === lang);
    perLanguagePair[lang] = { pairs: rows.length, pearson: ratingPearson(rows) };
  }
  return {
    pairs: pairs.length,
    pearson: ratingPearson(perPair),
    per_language_pair: perLanguagePair,
    same_story_auc: sameStoryAuc(perPair),
    baseline_tfidf: tfidfBaseline(pairs),
    per_pair: perPair.map(({ pair_id, score, overall }) => ({ pair_id, score, overall })),
  };
}

/** Pearson r between scores and ratings (higher score, lower rating: more alike). */
export function ratingPearson(rows: Array<{ score: number; overall: number }>): number {
  return pearson(rows.map((x) => x.score), rows.map((x) => -x.overall));
}

/** AUC of the same-story decision: rated same (overall <= 2) against different (>= 3). */
export function sameStoryAuc(rows: Array<{ score: number; overall: number }>): number {
  return auc(rows.filter((x) => x.overall <= 2).map((x) => x.score), rows.filter((x) => x.overall >= 3).map((x) => x.score));
}

function tfidfBaseline(pairs: RatedPair[]): { pearson: number; same_story_auc: number } {
  const docs = pairs.flatMap((p) => [
    { lang: p.lang1, title: p.title1, text: p.text1 },
    { lang: p.lang2, title: p.title2, text: p.text2 },
  ]);
  const vectors = tfidfVectors(docs);
  const rows = pairs.map((p, i) => ({ score: cosine(vectors[2 * i]!, vectors[2 * i + 1]!), overall: p.overall }));
  return { pearson: ratingPearson(rows), same_story_auc: sameStoryAuc(rows) };
}

/** Probability that a same-story pair scores above a different-story pair (ties count half). */
function auc(positives: number[], negatives: number[]): number {
  if (!positives.length || !negatives.length) return NaN;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}
