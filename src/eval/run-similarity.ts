// `storyline eval similarity FILE.jsonl`: Pearson correlation between Storyline's pair score and
// human same-story ratings (SemEval-2022 Task 8 layout: 1 = same story ... 4 = unrelated), overall
// and per language pair. Corpus statistics (IDF) come from the file's own articles.
import { z } from 'zod';
import { plainArticle, type EnrichedArticle } from '../domain/index.js';
import { enrichArticle } from '../enrich/index.js';
import { articleFeatures, compareProfiles, corpusIdf, similarityProfile } from '../cluster/index.js';
import { countDocumentFrequencies } from './corpus-stats.js';
import { pearson } from './correlation.js';
import { readJsonl } from './read-jsonl.js';

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
type Pair = z.infer<typeof PairSchema>;

export interface SimilarityEval {
  pairs: number;
  /** Pearson r between the score and -overall (higher score, more alike). */
  pearson: number;
  per_language_pair: Record<string, { pairs: number; pearson: number }>;
  /** Same-story decision (overall <= 2 vs >= 3) at the score that best separates them: a tracker's view. */
  same_story_auc: number;
}

export function readPairs(file: string): Pair[] {
  return readJsonl(file, PairSchema, 'a pair');
}

export function evalSimilarity(file: string): SimilarityEval & { per_pair: Array<{ pair_id: string; score: number; overall: number }> } {
  const pairs = readPairs(file);
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
  const stats = countDocumentFrequencies([...analysed.values()]);
  const idf = corpusIdf(stats);
  const profiles = new Map([...analysed.values()].map((a) => [a, similarityProfile(articleFeatures(a), stats, idf)]));
  const perPair = pairs.map((p, i) => ({
    pair_id: p.pair_id,
    lang: `${p.lang1}-${p.lang2}`,
    score: compareProfiles(profiles.get(sides[i]![0])!, profiles.get(sides[i]![1])!).score,
    overall: p.overall,
  }));
  const r = (rows: typeof perPair) => pearson(rows.map((x) => x.score), rows.map((x) => -x.overall));
  const perLanguagePair: SimilarityEval['per_language_pair'] = {};
  for (const lang of [...new Set(perPair.map((x) => x.lang))].sort()) {
    const rows = perPair.filter((x) => x.lang === lang);
    perLanguagePair[lang] = { pairs: rows.length, pearson: r(rows) };
  }
  return {
    pairs: pairs.length,
    pearson: r(perPair),
    per_language_pair: perLanguagePair,
    same_story_auc: auc(perPair.filter((x) => x.overall <= 2).map((x) => x.score), perPair.filter((x) => x.overall >= 3).map((x) => x.score)),
    per_pair: perPair.map(({ pair_id, score, overall }) => ({ pair_id, score, overall })),
  };
}

/** Probability that a same-story pair scores above a different-story pair (ties count half). */
function auc(positives: number[], negatives: number[]): number {
  if (!positives.length || !negatives.length) return NaN;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}
