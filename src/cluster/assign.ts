// Incremental assignment: a new article joins the candidate story it is most similar to, or starts one.
import type { EnrichedArticle, StoredArticle } from '../domain/index.js';
import type { CorpusStats } from '../store/story-store.js';
import { articleSimilarity, type SimilarityBreakdown } from './similarity.js';

export interface Assignment {
  storyId: string | null;
  score: number;
  /** The story member that matched best, and why. */
  bestMatch: { articleId: string; similarity: SimilarityBreakdown } | null;
}

export interface ClusterConfig {
  /** Minimum similarity to join a story. */
  joinThreshold: number;
  /** At least this many canonical entities must be shared. */
  minSharedEntities: number;
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = { joinThreshold: 0.3, minSharedEntities: 2 };

/** Stories are scored by their best-matching member (single link over retrieved candidates). */
export function assignStory(article: EnrichedArticle, candidates: StoredArticle[], stats: CorpusStats, config = DEFAULT_CLUSTER_CONFIG): Assignment {
  let best: Assignment = { storyId: null, score: 0, bestMatch: null };
  for (const candidate of candidates) {
    if (!candidate.storyId) continue;
    const similarity = articleSimilarity(article, candidate, stats);
    if (similarity.sharedEntities.length < config.minSharedEntities) continue;
    if (similarity.score > best.score) {
      best = { storyId: candidate.storyId, score: similarity.score, bestMatch: { articleId: candidate.id, similarity } };
    }
  }
  return best.score >= config.joinThreshold ? best : { ...best, storyId: null };
}
