// Where a new original goes: the candidates it is compared with (bounded retrieval) and the story and
// event it joins or starts (assignStory). Cluster's decision, made from the article and corpus figures;
// the candidates come through a look-up, so a test can hand them in.
import type { ArticleFeatures } from '../domain/index.js';
import type { CandidateQuery, ClusterCandidate, CorpusStats } from '../store/story-store.js';
import { assignStory, DEFAULT_CLUSTER_CONFIG, type Assignment, type ClusterConfig } from './assign.js';

/** Candidate retrieval bounds: the cost per article stays flat as the store grows. */
export const CANDIDATE_LIMIT = 60;
/** Keys in more than this share of articles (and more than the minimum) retrieve nothing useful. */
export const COMMON_KEY_SHARE = 0.2;
export const MIN_COMMON_KEY_FREQUENCY = 50;
export const MAX_KEY_FREQUENCY = 5000;

export interface PlacementInput {
  features: ArticleFeatures;
  /** The keys the article searches by (`articleKeys(...).query`). */
  queryKeys: string[];
  /**
   * Its publication day (days since 1970-01-01), an inferred one included (`features.publishedDay`
   * leaves those out), so that the window still centres on it; null: no window.
   */
  day: number | null;
}

/** The store's `findCandidates`, or hand-made candidates in a test. */
export type CandidateLookup = (query: CandidateQuery) => ClusterCandidate[];

/** What the article's candidates are retrieved by, bounded by key frequency, time window and count. */
export function candidateQuery(queryKeys: string[], day: number | null, articleCount: number, windowDays = DEFAULT_CLUSTER_CONFIG.windowDays): CandidateQuery {
  return {
    keys: queryKeys,
    maxKeyFrequency: Math.min(MAX_KEY_FREQUENCY, Math.max(MIN_COMMON_KEY_FREQUENCY, Math.floor(articleCount * COMMON_KEY_SHARE))),
    fromDay: day === null ? -1e9 : day - windowDays,
    toDay: day === null ? 1e9 : day + windowDays,
    limit: CANDIDATE_LIMIT,
  };
}

/** The story (and event) the article joins, the stories it merges, or a new story: with the scores behind it. */
export function decidePlacement(article: PlacementInput, stats: CorpusStats, findCandidates: CandidateLookup, config: ClusterConfig = DEFAULT_CLUSTER_CONFIG): Assignment {
  const candidates = findCandidates(candidateQuery(article.queryKeys, article.day, stats.articleCount, config.windowDays));
  return assignStory(article.features, candidates, stats, config);
}
