// Pairwise article similarity. Within a language: TF-IDF cosine of the stemmed body terms and of the
// headline's character 4-grams. Across languages, where words differ, language-independent evidence:
// canonical entities (a shared distinctive person or organisation is required: places alone are
// shared by too much unrelated news) and the months of the developments both report.
import type { ArticleFeatures, EntityType, SimilarityBreakdown } from '../domain/index.js';
import type { CorpusStats } from '../store/story-store.js';
import { articleFeatures, type FeatureInput } from './features.js';

export type { SimilarityBreakdown };

/** A term's inverse document frequency in the corpus a comparison is made in. */
export type Idf = (term: string) => number;

/**
 * A side of a comparison: its features weighted by the corpus. Term weights are aligned with the
 * features' term lists (compact enough to cache thousands); the first side of a comparison also gets
 * a look-up by term, made when first needed.
 */
export interface SimilarityProfile {
  features: ArticleFeatures;
  body: Float64Array;
  bodyNorm: number;
  title: Float64Array;
  titleNorm: number;
  entities: Map<string, { weight: number; type: EntityType; distinctive: boolean }>;
  entityNorm: number;
  /** Distinctive entities, counted once. */
  distinctiveEntities: number;
  bodyByTerm?: Map<string, number>;
  titleByTerm?: Map<string, number>;
}

/** Weights of the within-language blend: body terms carry most, the headline the rest. */
const BODY_WEIGHT = 0.8;
/** Reports this far apart are rarely one story: their similarity is damped. */
const MAX_GAP_DAYS = 400;
/** Places are shared by much unrelated news; people and organisations identify a story better. */
const TYPE_WEIGHT: Record<EntityType, number> = { person: 1, organization: 0.8, place: 0.5 };
/** Shared distinctive entities needed for full entity evidence across languages. */
const FULL_ENTITY_EVIDENCE = 4;
/** An entity in more than this share of articles (and more than the minimum) is not distinctive. */
const DISTINCTIVE_SHARE = 0.05;
const MIN_DISTINCTIVE_DF = 10;
/** Weight of shared dated developments across languages, and how many shared months count in full. */
const DATE_WEIGHT = 0.15;
const FULL_DATE_EVIDENCE = 2;
const SHARED_TERMS_SHOWN = 8;
/** Weight of shared facts across languages, and how many shared items (entities, figures, days) they need. */
const FACT_WEIGHT = 0.8;
const MIN_SHARED_FACTS = 4;
/**
 * Sentence embeddings (optional) across languages: a cosine at the floor is no evidence, at the
 * ceiling full evidence. Set for multilingual paraphrase models, where reports of one story in two
 * languages sit around 0.7-0.9 and unrelated news below 0.5; they count only where the articles share
 * entities (assign.ts), so topical likeness alone joins nothing.
 */
const EMBEDDING_FLOOR = 0.5;
const EMBEDDING_CEILING = 0.9;
const EMBEDDING_WEIGHT = 0.8;

export function articleSimilarity(a: FeatureInput, b: FeatureInput, stats: CorpusStats): SimilarityBreakdown {
  const idf = corpusIdf(stats);
  return compareProfiles(similarityProfile(articleFeatures(a), stats, idf), similarityProfile(articleFeatures(b), stats, idf));
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
  const body = weighted(features.terms, features.termCounts, idf);
  const title = weighted(features.titleTerms, features.titleCounts, idf);
  return {
    features,
    body,
    bodyNorm: norm(body),
    title,
    titleNorm: norm(title),
    entities,
    entityNorm: norm(entityEntries.map((e) => e.weight)),
    distinctiveEntities: entityEntries.filter((e) => e.distinctive).length,
  };
}

/** Compares two profiles; the shared terms that weigh most are listed only when `explain` asks (they cost a sort). */
export function compareProfiles(a: SimilarityProfile, b: SimilarityProfile, explain = true): SimilarityBreakdown {
  const fa = a.features;
  const fb = b.features;
  const sameLanguage = fa.language === fb.language;
  const shared: Array<{ name: string; weight: number; type: EntityType; distinctive: boolean }> = [];
  let entityDot = 0;
  for (const [name, ea] of a.entities) {
    const eb = b.entities.get(name);
    if (!eb) continue;
    entityDot += ea.weight * eb.weight;
    shared.push({ name, weight: ea.weight + eb.weight, type: ea.type, distinctive: ea.distinctive && eb.distinctive });
  }
  const distinctiveShared = shared.filter((e) => e.distinctive);
  const coverage = Math.min(1, distinctiveShared.length / FULL_ENTITY_EVIDENCE);
  const entityScore = a.entityNorm && b.entityNorm ? (entityDot / (a.entityNorm * b.entityNorm)) * coverage : 0;
  const embeddingScore = fa.embedding && fb.embedding ? dot(fa.embedding, fb.embedding) : null;
  let bodyScore = 0;
  let titleScore = 0;
  let lexicalScore = 0;
  let score: number;
  if (sameLanguage) {
    // Square roots spread the low cosines where most same-story pairs of differently told reports sit.
    bodyScore = Math.sqrt(cosine((a.bodyByTerm ??= byTerm(fa.terms, a.body)), a.bodyNorm, fb.terms, b.body, b.bodyNorm));
    titleScore = Math.sqrt(cosine((a.titleByTerm ??= byTerm(fa.titleTerms, a.title)), a.titleNorm, fb.titleTerms, b.title, b.titleNorm));
    lexicalScore = BODY_WEIGHT * bodyScore + (1 - BODY_WEIGHT) * titleScore;
    score = lexicalScore;
  } else {
    const byEntities = distinctiveShared.some((e) => e.type !== 'place') ? entityScore : 0;
    // Without a shared person or organisation, the same places, figures and dates can still tell one
    // story told in two languages (a bridge, its ship and its death toll).
    score = Math.max(byEntities, FACT_WEIGHT * factOverlap(a, b, distinctiveShared.length));
    if (embeddingScore !== null) score = Math.max(score, EMBEDDING_WEIGHT * embeddingEvidence(embeddingScore));
  }
  const sharedMonths = fa.months.filter((m) => fb.months.includes(m)).sort();
  const dateScore = Math.min(1, sharedMonths.length / FULL_DATE_EVIDENCE);
  // Reporting the same dated developments is evidence where words cannot be compared; within a
  // language the words already say it (and adding it lowered agreement with human ratings).
  if (!sameLanguage) score += DATE_WEIGHT * dateScore;
  const gapDays = fa.publishedDay !== null && fb.publishedDay !== null ? Math.abs(fa.publishedDay - fb.publishedDay) : null;
  if (gapDays !== null && gapDays > MAX_GAP_DAYS) score *= 0.5;
  return {
    score,
    lexicalScore,
    bodyScore,
    titleScore,
    entityScore,
    dateScore,
    embeddingScore,
    sharedEntities: shared.sort((x, y) => y.weight - x.weight).map((e) => e.name),
    sharedTerms: sameLanguage && explain ? topSharedTerms(a.bodyByTerm!, fb.terms, b.body) : [],
    sharedMonths,
    gapDays,
  };
}

/** Jaccard overlap of distinctive entities and facts, when enough of them are shared. */
function factOverlap(a: SimilarityProfile, b: SimilarityProfile, sharedEntities: number): number {
  let shared = sharedEntities;
  const facts = new Set(b.features.facts);
  for (const f of a.features.facts) if (facts.has(f)) shared++;
  if (shared < MIN_SHARED_FACTS) return 0;
  const union = a.distinctiveEntities + b.distinctiveEntities + a.features.facts.length + b.features.facts.length - shared;
  return union > 0 ? shared / union : 0;
}

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
function weighted(terms: string[], counts: number[], idf: Idf): Float64Array {
  const out = new Float64Array(terms.length);
  for (let i = 0; i < terms.length; i++) out[i] = (1 + Math.log(counts[i]!)) * idf(terms[i]!);
  return out;
}

function byTerm(terms: string[], weights: Float64Array): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) out.set(terms[i]!, weights[i]!);
  return out;
}

function norm(values: Iterable<number>): number {
  let s = 0;
  for (const x of values) s += x * x;
  return Math.sqrt(s);
}

function cosine(a: Map<string, number>, na: number, bTerms: string[], b: Float64Array, nb: number): number {
  if (!na || !nb) return 0;
  let dot = 0;
  for (let i = 0; i < bTerms.length; i++) {
    const w = a.get(bTerms[i]!);
    if (w !== undefined) dot += w * b[i]!;
  }
  return dot / (na * nb);
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
