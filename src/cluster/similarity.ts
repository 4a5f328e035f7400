// Pairwise article similarity from language-independent evidence (canonical entities) and,
// within a language, TF-IDF term overlap. Across languages, the articles must share a person or an
// organisation: places alone are shared by too much unrelated news.
import type { EnrichedArticle, EntityType } from '../domain/index.js';
import type { CorpusStats } from '../store/story-store.js';

export interface SimilarityBreakdown {
  score: number;
  entityScore: number;
  termScore: number;
  sharedEntities: string[];
}

export type SimilarityInput = Pick<EnrichedArticle, 'entities' | 'terms' | 'language' | 'published'>;

/** Reports more than this far apart are rarely one story: their similarity is damped. */
const MAX_GAP_DAYS = 400;
/** Places are shared by much unrelated news; people and organisations identify a story better. */
const TYPE_WEIGHT: Record<EntityType, number> = { person: 1, organization: 0.8, place: 0.5 };
const ENTITY_WEIGHT_SAME_LANGUAGE = 0.5;
/** Shared canonical entities needed for full cross-language evidence. */
const CROSS_LANGUAGE_FULL_EVIDENCE = 4;

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
  const entityScore = cosine(ea, eb);
  const sameLanguage = a.language === b.language;
  const termScore = sameLanguage ? cosine(termVector(a), termVector(b)) : 0;
  const sharedCount = [...ea.keys()].filter((k) => eb.has(k)).length;
  const sharesActor = a.entities.some((e) => e.type !== 'place' && eb.has(e.name));
  // Across languages entities are the only evidence, and two shared names (a country and its
  // leader) say little: agreement counts in full only when it spans several entities.
  let score = sameLanguage
    ? ENTITY_WEIGHT_SAME_LANGUAGE * entityScore + (1 - ENTITY_WEIGHT_SAME_LANGUAGE) * termScore
    : sharesActor
      ? entityScore * Math.min(1, sharedCount / CROSS_LANGUAGE_FULL_EVIDENCE)
      : 0;
  if (a.published && b.published) {
    const gap = Math.abs(Date.parse(a.published.start) - Date.parse(b.published.start)) / 86_400_000;
    if (gap > MAX_GAP_DAYS) score *= 0.5;
  }
  const sharedEntities = [...ea.keys()].filter((k) => eb.has(k)).sort((x, y) => (eb.get(y)! + ea.get(y)!) - (eb.get(x)! + ea.get(x)!));
  return { score, entityScore, termScore, sharedEntities };
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
