// Pairwise article similarity from language-independent evidence (canonical entities) and,
// within a language, TF-IDF term overlap. Across languages, the articles must share a person or an
// organisation: places alone are shared by too much unrelated news.
import type { EnrichedArticle, EntityType } from '../domain/index.js';
import type { CorpusStats } from '../store/story-store.js';

export interface SimilarityBreakdown {
  score: number;
  entityScore: number;
  termScore: number;
  dateScore: number;
  sharedEntities: string[];
}

export type SimilarityInput = Pick<EnrichedArticle, 'entities' | 'terms' | 'language' | 'published' | 'dates'>;

/** Reports more than this far apart are rarely one story: their similarity is damped. */
const MAX_GAP_DAYS = 400;
/** Places are shared by much unrelated news; people and organisations identify a story better. */
const TYPE_WEIGHT: Record<EntityType, number> = { person: 1, organization: 0.8, place: 0.5 };
const ENTITY_WEIGHT_SAME_LANGUAGE = 0.5;
/** Shared distinctive entities needed for full entity evidence. */
const FULL_ENTITY_EVIDENCE = 4;
/** An entity in more than this share of articles (and more than the minimum) is not distinctive. */
const DISTINCTIVE_SHARE = 0.05;
const MIN_DISTINCTIVE_DF = 10;
/** Weight of shared dated developments, and how many shared months count in full. */
const DATE_WEIGHT = 0.15;
const FULL_DATE_EVIDENCE = 2;

export function articleSimilarity(a: SimilarityInput, b: SimilarityInput, stats: CorpusStats): SimilarityBreakdown {
  const n = Math.max(stats.articleCount, 1);
  const idf = (df: number | undefined) => Math.log((n + 1) / ((df ?? 0) + 1)) + 1;
  const entityVector = (x: SimilarityInput) =>
    new Map(x.entities.map((e) => [e.name, TYPE_WEIGHT[e.type] * (1 + Math.log(e.mentions)) * idf(stats.entityFrequency.get(e.name))]));
  const termVector = (x: SimilarityInput) => {
    const tf = new Map<string, number>();
    for (const t of x.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    return new Map([...tf].map(([t, c]) => [t, (1 + Math.log(c)) * idf(stats.termFrequency.get(t))]));
  };
  const ea = entityVector(a);
  const eb = entityVector(b);
  // Only distinctive shared entities count as evidence: half the news names the United States.
  const distinctiveLimit = Math.max(MIN_DISTINCTIVE_DF, DISTINCTIVE_SHARE * n);
  const isDistinctive = (name: string) => (stats.entityFrequency.get(name) ?? 0) <= distinctiveLimit;
  const shared = a.entities.filter((e) => eb.has(e.name));
  const coverage = Math.min(1, shared.filter((e) => isDistinctive(e.name)).length / FULL_ENTITY_EVIDENCE);
  const sameLanguage = a.language === b.language;
  let entityScore: number;
  let termScore = 0;
  let score: number;
  if (sameLanguage) {
    // Weighted overlap: a long report naming many more people still matches the short one it extends.
    entityScore = weightedOverlap(ea, eb) * coverage;
    termScore = cosine(termVector(a), termVector(b));
    score = ENTITY_WEIGHT_SAME_LANGUAGE * entityScore + (1 - ENTITY_WEIGHT_SAME_LANGUAGE) * termScore;
  } else {
    // Across languages entities are the only evidence: symmetric, and it must include a
    // distinctive person or organisation.
    entityScore = cosine(ea, eb) * coverage;
    score = shared.some((e) => e.type !== 'place' && isDistinctive(e.name)) ? entityScore : 0;
  }
  // Reporting the same dated developments (the summit in September 2023) is language-independent evidence.
  const dateScore = Math.min(1, sharedEventMonths(a, b) / FULL_DATE_EVIDENCE);
  score += DATE_WEIGHT * dateScore;
  if (a.published && b.published) {
    const gap = Math.abs(Date.parse(a.published.start) - Date.parse(b.published.start)) / 86_400_000;
    if (gap > MAX_GAP_DAYS) score *= 0.5;
  }
  const weight = (name: string) => ea.get(name)! + eb.get(name)!;
  const sharedEntities = shared.map((e) => e.name).sort((x, y) => weight(y) - weight(x));
  return { score, entityScore, termScore, dateScore, sharedEntities };
}

/** Months in which both articles date a development (day or month precision, not references). */
function sharedEventMonths(a: SimilarityInput, b: SimilarityInput): number {
  const months = (x: SimilarityInput) =>
    new Set(x.dates.filter((d) => !d.reference && d.precision !== 'year').map((d) => d.start.slice(0, 7)));
  const mb = months(b);
  let shared = 0;
  for (const m of months(a)) if (mb.has(m)) shared++;
  return shared;
}

function weightedOverlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let totalA = 0;
  let totalB = 0;
  for (const [k, v] of a) {
    totalA += v;
    const w = b.get(k);
    if (w !== undefined) shared += Math.min(v, w);
  }
  for (const v of b.values()) totalB += v;
  const smaller = Math.min(totalA, totalB);
  return smaller > 0 ? shared / smaller : 0;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
