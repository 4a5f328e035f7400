// Where a new original goes: the candidates it is compared with (bounded retrieval) and the story and
// event it joins or starts (assignStory). Cluster's decision, made from the article and corpus figures;
// the candidates come through a look-up, so a test can hand them in.
import type { ArticleFeatures } from '../domain/index.js';
import type { ClusterCandidate, CorpusStats, StoryStore } from '../store/story-store.js';
import { assignStory, DEFAULT_CLUSTER_CONFIG, type Assignment, type ClusterConfig } from './assign.js';
import { keyFrequency } from './candidate-keys.js';

/** Candidate retrieval bounds: the cost per article stays flat as the store grows. */
export const CANDIDATE_LIMIT = 60;
/** Keys in more than this share of articles (and more than the minimum) retrieve nothing useful. */
export const COMMON_KEY_SHARE = 0.2;
export const MIN_COMMON_KEY_FREQUENCY = 50;
export const MAX_KEY_FREQUENCY = 5000;
/** One key contributes at most its 100 most recent articles in the window: the cost per article stays flat (300 made an original cost twice at 100k what it cost at 1k; the rarer keys that decide a ranking have fewer rows anyway). */
export const ROWS_PER_KEY = 100;

export interface CandidateQuery {
  /** Index keys of the new article (`articleKeys(...).query`): entities and distinctive terms. */
  keys: string[];
  /** Keys in more than this many articles are too common to retrieve by. */
  maxKeyFrequency: number;
  /** Publication window, in days since 1970-01-01; articles without a date are always in it. */
  fromDay: number;
  toDay: number;
  limit: number;
}

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

/** Candidates for a query: from a store's key index (`candidatesFromIndex`), or hand-made in a test. */
export type CandidateLookup = (query: CandidateQuery) => ClusterCandidate[] | Promise<ClusterCandidate[]>;

/** What retrieval needs of a store: its key postings, its candidates by id and its corpus figures. */
export type KeyIndex = Pick<StoryStore, 'findKeyPostings' | 'getCandidates' | 'corpusStats'>;

/**
 * Candidates from a key index, ranked by the rarity of the keys they share (a shared surname outweighs
 * a shared country: IDF over the stored corpus); keys too common to tell anything are not asked.
 */
export function candidatesFromIndex(index: KeyIndex): CandidateLookup {
  return async (query) => {
    const stats = await index.corpusStats();
    const weightOfKey = new Map<string, number>();
    for (const key of new Set(query.keys)) {
      const df = keyFrequency(stats, key);
      if (df === 0 || df > query.maxKeyFrequency) continue;
      weightOfKey.set(key, Math.log((stats.articleCount + 1) / (df + 1)) + 1);
    }
    const weight = new Map<string, number>();
    for (const [key, ids] of await index.findKeyPostings([...weightOfKey.keys()], query, ROWS_PER_KEY)) {
      for (const id of ids) weight.set(id, (weight.get(id) ?? 0) + weightOfKey.get(key)!);
    }
    const ranked = [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1)).slice(0, query.limit);
    return index.getCandidates(ranked.map(([id]) => id));
  };
}

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
export async function decidePlacement(article: PlacementInput, stats: CorpusStats, lookup: CandidateLookup, config: ClusterConfig = DEFAULT_CLUSTER_CONFIG): Promise<Assignment> {
  const candidates = await lookup(candidateQuery(article.queryKeys, article.day, stats.articleCount, config.windowDays));
  return assignStory(article.features, candidates, stats, config);
}
