// Pairwise article similarity. Within a language: TF-IDF cosine of the stemmed body terms and of the
// headline's character 4-grams. Across languages, where words differ, language-independent evidence:
// canonical entities (a shared distinctive person or organisation is required: places alone are
// shared by too much unrelated news) and the months of the developments both report.
import type { EnrichedArticle, EntityType, SimilarityBreakdown } from '../domain/index.js';
import type { CorpusStats } from '../store/story-store.js';
import { reportedFacts } from '../lib/reported-facts.js';
import { epochDay } from '../time/index.js';

export type { SimilarityBreakdown };

export type SimilarityInput = Pick<EnrichedArticle, 'text' | 'titleTerms' | 'entities' | 'terms' | 'language' | 'published' | 'publishedSource' | 'dates'>;

/**
 * What an article brings to a comparison that no corpus statistic changes: its sublinear term
 * frequencies, entities, months and facts. Worked out once per article, however often it is compared.
 */
export interface ArticleFeatures {
  language: string;
  publishedDay: number | null;
  body: Map<string, number>;
  title: Map<string, number>;
  entities: Array<{ name: string; type: EntityType; weight: number }>;
  months: Set<string>;
  /** Language-independent content (reportedFacts): figures and the days of dated developments. */
  facts: Set<string>;
}

/** A term's inverse document frequency in the corpus a comparison is made in. */
export type Idf = (term: string) => number;

/** A side of a comparison: its features weighted by the corpus (TF-IDF terms, entity weights). */
export interface SimilarityProfile {
  features: ArticleFeatures;
  body: Map<string, number>;
  bodyNorm: number;
  title: Map<string, number>;
  titleNorm: number;
  entities: Map<string, { weight: number; type: EntityType; distinctive: boolean }>;
  entityNorm: number;
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

export function articleSimilarity(a: SimilarityInput, b: SimilarityInput, stats: CorpusStats): SimilarityBreakdown {
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

export function articleFeatures(x: SimilarityInput): ArticleFeatures {
  return {
    language: x.language,
    // A date guessed from the developments an article reports is no evidence of when it appeared.
    publishedDay: x.publishedSource !== 'inferred' ? epochDay(x.published?.start) : null,
    body: sublinearTf(x.terms),
    title: sublinearTf(x.titleTerms),
    entities: x.entities.map((e) => ({ name: e.name, type: e.type, weight: TYPE_WEIGHT[e.type] * (1 + Math.log(e.mentions)) })),
    months: new Set(x.dates.filter((d) => !d.reference && d.precision !== 'year').map((d) => d.start.slice(0, 7))),
    facts: reportedFacts(x),
  };
}

export function similarityProfile(features: ArticleFeatures, stats: CorpusStats, idf: Idf = corpusIdf(stats)): SimilarityProfile {
  const n = Math.max(stats.articleCount, 1);
  const distinctiveLimit = Math.max(MIN_DISTINCTIVE_DF, DISTINCTIVE_SHARE * n);
  const entities = new Map<string, { weight: number; type: EntityType; distinctive: boolean }>();
  for (const e of features.entities) {
    const df = stats.entityFrequency.get(e.name);
    entities.set(e.name, { weight: e.weight * idfOf(n, df), type: e.type, distinctive: (df ?? 0) <= distinctiveLimit });
  }
  const body = weighted(features.body, idf);
  const title = weighted(features.title, idf);
  return {
    features,
    body,
    bodyNorm: norm(body.values()),
    title,
    titleNorm: norm(title.values()),
    entities,
    entityNorm: norm([...entities.values()].map((e) => e.weight)),
  };
}

export function compareProfiles(a: SimilarityProfile, b: SimilarityProfile): SimilarityBreakdown {
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
  let bodyScore = 0;
  let titleScore = 0;
  let lexicalScore = 0;
  let score: number;
  if (sameLanguage) {
    // Square roots spread the low cosines where most same-story pairs of differently told reports sit.
    bodyScore = Math.sqrt(cosine(a.body, a.bodyNorm, b.body, b.bodyNorm));
    titleScore = Math.sqrt(cosine(a.title, a.titleNorm, b.title, b.titleNorm));
    lexicalScore = BODY_WEIGHT * bodyScore + (1 - BODY_WEIGHT) * titleScore;
    score = lexicalScore;
  } else {
    const byEntities = distinctiveShared.some((e) => e.type !== 'place') ? entityScore : 0;
    // Without a shared person or organisation, the same places, figures and dates can still tell one
    // story told in two languages (a bridge, its ship and its death toll).
    score = Math.max(byEntities, FACT_WEIGHT * factOverlap(a, b, distinctiveShared.length));
  }
  const sharedMonths = [...fa.months].filter((m) => fb.months.has(m)).sort();
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
    sharedEntities: shared.sort((x, y) => y.weight - x.weight).map((e) => e.name),
    sharedTerms: sameLanguage ? topSharedTerms(a.body, b.body) : [],
    sharedMonths,
    gapDays,
  };
}

/** Jaccard overlap of distinctive entities and facts, when enough of them are shared. */
function factOverlap(a: SimilarityProfile, b: SimilarityProfile, sharedEntities: number): number {
  let shared = sharedEntities;
  for (const f of a.features.facts) if (b.features.facts.has(f)) shared++;
  if (shared < MIN_SHARED_FACTS) return 0;
  const distinctive = (p: SimilarityProfile) => [...p.entities.values()].filter((e) => e.distinctive).length;
  const union = distinctive(a) + distinctive(b) + a.features.facts.size + b.features.facts.size - shared;
  return union > 0 ? shared / union : 0;
}

/** Sublinear term frequency (1 + log count) per term. */
function sublinearTf(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, c] of counts) counts.set(t, 1 + Math.log(c));
  return counts;
}

/** TF-IDF weights from term frequencies. */
function weighted(tf: Map<string, number>, idf: Idf): Map<string, number> {
  const out = new Map<string, number>();
  for (const [t, v] of tf) out.set(t, v * idf(t));
  return out;
}

function norm(values: Iterable<number>): number {
  let s = 0;
  for (const x of values) s += x * x;
  return Math.sqrt(s);
}

function cosine(a: Map<string, number>, na: number, b: Map<string, number>, nb: number): number {
  if (!na || !nb) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) dot += v * w;
  }
  return dot / (na * nb);
}

function topSharedTerms(a: Map<string, number>, b: Map<string, number>): string[] {
  const shared: Array<[string, number]> = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== undefined) shared.push([k, v * w]);
  }
  return shared
    .sort((x, y) => y[1] - x[1])
    .slice(0, SHARED_TERMS_SHOWN)
    .map(([k]) => k);
}
