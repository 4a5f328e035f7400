// Pairwise article similarity: the evidence two articles give (pair-evidence.ts) turned into the
// probability that they report one story by the fitted model (same-story-model.ts), one model for
// pairs in one language and one for pairs across languages. Sentence embeddings, where a local
// model made them, add cross-language evidence on top.
import type { ArticleFeatures, EntityType, SimilarityBreakdown } from '../domain/index.js';
import type { CorpusStats } from '../store/story-store.js';
import { articleFeatures, type FeatureInput } from './features.js';
import { stopTerms } from './stop-terms.js';
import { byTerm, pairEvidence, skeletonKey, type EvidenceSide } from './pair-evidence.js';
import { loadSameStoryModel, sameStoryProbability, type SameStoryModel } from './same-story-model.js';

export type { SimilarityBreakdown };

/** A term's inverse document frequency in the corpus a comparison is made in. */
export type Idf = (term: string) => number;

/**
 * A side of a comparison: its features weighted by the corpus. Term weights are aligned with the
 * features' term lists (compact enough to cache thousands); look-ups by term are made when first needed.
 */
export interface SimilarityProfile extends EvidenceSide {
  features: ArticleFeatures;
}

/** Places are shared by much unrelated news; people and organisations identify a story better. */
const TYPE_WEIGHT: Record<EntityType, number> = { person: 1, organization: 0.8, place: 0.5 };
/** An entity in more than this share of articles (and more than the minimum) is not distinctive. */
const DISTINCTIVE_SHARE = 0.05;
const MIN_DISTINCTIVE_DF = 10;
const SHARED_TERMS_SHOWN = 8;
/**
 * Sentence embeddings (optional) across languages: a cosine at the floor is no evidence, at the
 * ceiling certainty, read as a same-story probability. Set for multilingual paraphrase models, where
 * reports of one story in two languages sit around 0.7-0.9 and unrelated news below 0.5 (published
 * ranges: no such model can be had here to fit them); they count only where the articles share
 * entities, so topical likeness alone joins nothing.
 */
const EMBEDDING_FLOOR = 0.5;
const EMBEDDING_CEILING = 0.9;

export function articleSimilarity(a: FeatureInput, b: FeatureInput, stats: CorpusStats, model = loadSameStoryModel()): SimilarityBreakdown {
  const idf = corpusIdf(stats);
  return compareProfiles(similarityProfile(articleFeatures(a), stats, idf), similarityProfile(articleFeatures(b), stats, idf), true, model);
}

/** IDF over the corpus, remembered per term: one comparison round looks the same terms up many times. */
export function corpusIdf(stats: CorpusStats): Idf {
  const n = Math.max(stats.articleCount, 1);
  const memo = new Map<string, number>();
  return (term) => {
    let w = memo.get(term);
    if (w === undefined) {
      w = idfOf(n, stats.termFrequency.get(term));
      memo.set(term, w);
    }
    return w;
  };
}

function idfOf(n: number, df: number | undefined): number {
  return Math.log((n + 1) / ((df ?? 0) + 1)) + 1;
}

export function similarityProfile(features: ArticleFeatures, stats: CorpusStats, idf: Idf = corpusIdf(stats)): SimilarityProfile {
  const n = Math.max(stats.articleCount, 1);
  const distinctiveLimit = Math.max(MIN_DISTINCTIVE_DF, DISTINCTIVE_SHARE * n);
  const entities = new Map<string, { weight: number; type: EntityType; distinctive: boolean }>();
  for (const e of features.entities) {
    const df = stats.entityFrequency.get(e.name);
    entities.set(e.name, { weight: TYPE_WEIGHT[e.type] * (1 + Math.log(e.mentions)) * idfOf(n, df), type: e.type, distinctive: (df ?? 0) <= distinctiveLimit });
  }
  const entityEntries = [...entities.values()];
  const body = weighted(features.terms, features.termCounts, idf, stopTerms(features.language));
  const title = weighted(features.titleTerms, features.titleCounts, idf);
  const skeletons = skeletonWeights(features, idf);
  return {
    features,
    language: features.language,
    publishedDay: features.publishedDay,
    terms: features.terms,
    body,
    bodyNorm: norm(body),
    titleTerms: features.titleTerms,
    title,
    titleNorm: norm(title),
    entities,
    entityNorm: norm(entityEntries.map((e) => e.weight)),
    distinctiveEntities: entityEntries.filter((e) => e.distinctive).length,
    facts: features.facts,
    months: features.months,
    skeletonKeys: skeletons.keys,
    skeletonWeights: skeletons.weights,
    skeletonNorm: norm(skeletons.weights),
  };
}

/** TF-IDF weights (sublinear) of the skeleton keys of the article's longer terms, aligned with the keys (compact enough to cache thousands). */
function skeletonWeights(features: ArticleFeatures, idf: Idf): { keys: string[]; weights: Float64Array } {
  const counts = new Map<string, number>();
  for (let i = 0; i < features.terms.length; i++) {
    const key = skeletonKey(features.terms[i]!);
    if (key) counts.set(key, (counts.get(key) ?? 0) + features.termCounts[i]!);
  }
  const keys = [...counts.keys()];
  const weights = new Float64Array(keys.length);
  keys.forEach((k, i) => (weights[i] = (1 + Math.log(counts.get(k)!)) * idf(k)));
  return { keys, weights };
}

/**
 * Compares two profiles; the shared terms that weigh most are listed only when `explain` asks (they
 * cost a sort). `toJoin` (clustering): across languages words and names must agree before a story is
 * joined: cognates and shared vocabulary alone match any two long reports on the same kind of news,
 * and names alone (the names model) any two reports on one country. Without a shared person or
 * organisation the pair scores 0 and its words are not compared, unless a sentence embedding (content,
 * not names) decides.
 */
export function compareProfiles(a: SimilarityProfile, b: SimilarityProfile, explain = true, model: SameStoryModel = loadSameStoryModel(), toJoin = false): SimilarityBreakdown {
  const sameLanguage = a.language === b.language;
  const { evidence, sharedEntities, sharedMonths, gapDays } = pairEvidence(a, b, toJoin && !(a.features.embedding && b.features.embedding));
  const comparedBy = sameLanguage ? 'within' : a.skeletonNorm > 0 && b.skeletonNorm > 0 ? 'across' : 'acrossScripts';
  let score = sameStoryProbability(model[comparedBy], evidence);
  const embeddingScore = a.features.embedding && b.features.embedding ? dot(a.features.embedding, b.features.embedding) : null;
  const byEmbedding = !sameLanguage && embeddingScore !== null && sharedEntities.length > 0 && embeddingEvidence(embeddingScore) >= score;
  if (byEmbedding) score = embeddingEvidence(embeddingScore);
  else if (toJoin && !sameLanguage && !evidence.namedActor) score = 0;
  return {
    score,
    evidence: { ...evidence },
    comparedBy,
    lexicalScore: evidence.body,
    bodyScore: evidence.body,
    titleScore: evidence.title,
    entityScore: evidence.entities,
    dateScore: evidence.months,
    embeddingScore,
    sharedEntities: sharedEntities.sort((x, y) => y.weight - x.weight).map((e) => e.name),
    sharedTerms: explain ? topSharedTerms((a.bodyByTerm ??= byTerm(a.terms, a.body)), b.terms, b.body) : [],
    sharedMonths,
    gapDays,
  };
}

/** A sentence-embedding cosine as a same-story probability (0 at the floor, 1 at the ceiling). */
function embeddingEvidence(cosine: number): number {
  return Math.min(1, Math.max(0, (cosine - EMBEDDING_FLOOR) / (EMBEDDING_CEILING - EMBEDDING_FLOOR)));
}

/** Dot product of two unit vectors (their cosine); vectors of different models (lengths) do not compare. */
function dot(a: number[], b: number[]): number | null {
  if (a.length !== b.length) return null;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** TF-IDF weights (sublinear term frequency) aligned with the terms. */
function weighted(terms: string[], counts: number[], idf: Idf, stop?: ReadonlySet<string>): Float64Array {
  const out = new Float64Array(terms.length);
  for (let i = 0; i < terms.length; i++) out[i] = stop?.has(terms[i]!) ? 0 : (1 + Math.log(counts[i]!)) * idf(terms[i]!);
  return out;
}

function norm(values: Iterable<number>): number {
  let s = 0;
  for (const x of values) s += x * x;
  return Math.sqrt(s);
}

function topSharedTerms(a: Map<string, number>, bTerms: string[], b: Float64Array): string[] {
  const shared: Array<[string, number]> = [];
  for (let i = 0; i < bTerms.length; i++) {
    const w = a.get(bTerms[i]!);
    if (w !== undefined) shared.push([bTerms[i]!, w * b[i]!]);
  }
  return shared
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, SHARED_TERMS_SHOWN)
    .map(([k]) => k);
}
