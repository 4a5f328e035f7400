// Incremental assignment: a new article joins the candidate story it is most similar to, or starts one.
import type { EnrichedArticle, StoredArticle } from '../domain/index.js';
import type { CorpusStats } from '../store/story-store.js';
import { articleSimilarity, type SimilarityBreakdown } from './similarity.js';

export interface Assignment {
  storyId: string | null;
  /** Other stories this article also belongs to: they turn out to be the same story and merge into `storyId`. */
  mergeStoryIds: string[];
  score: number;
  /** The story member that matched best, and why. */
  bestMatch: { articleId: string; similarity: SimilarityBreakdown } | null;
}

export interface ClusterConfig {
  /** Minimum similarity to join a story. */
  joinThreshold: number;
  /** At least this many canonical entities must be shared. */
  minSharedEntities: number;
  /** An article this similar to two stories proves them one story. */
  mergeThreshold: number;
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = { joinThreshold: 0.3, minSharedEntities: 2, mergeThreshold: 0.35 };
/** Members of a candidate story that count toward its score. */
const TOP_MEMBERS = 3;

/**
 * A story's score blends its best-matching member with its top few, so one loose link
 * cannot chain unrelated articles into a story.
 */
export function assignStory(article: EnrichedArticle, candidates: StoredArticle[], stats: CorpusStats, config = DEFAULT_CLUSTER_CONFIG): Assignment {
  const byStory = new Map<string, Array<{ articleId: string; similarity: SimilarityBreakdown }>>();
  for (const candidate of candidates) {
    if (!candidate.storyId) continue;
    const similarity = articleSimilarity(article, candidate, stats);
    const scored = similarity.sharedEntities.length >= config.minSharedEntities ? similarity : { ...similarity, score: 0 };
    const list = byStory.get(candidate.storyId) ?? [];
    list.push({ articleId: candidate.id, similarity: scored });
    byStory.set(candidate.storyId, list);
  }
  const scored: Array<{ storyId: string; score: number; bestMatch: Assignment['bestMatch'] }> = [];
  for (const [storyId, members] of byStory) {
    members.sort((x, y) => y.similarity.score - x.similarity.score);
    const top = members.slice(0, TOP_MEMBERS);
    const mean = top.reduce((sum, m) => sum + m.similarity.score, 0) / top.length;
    scored.push({ storyId, score: (top[0]!.similarity.score + mean) / 2, bestMatch: top[0]! });
  }
  scored.sort((a, b) => b.score - a.score || a.storyId.localeCompare(b.storyId));
  const best = scored[0];
  if (!best || best.score < config.joinThreshold) {
    return { storyId: null, mergeStoryIds: [], score: best?.score ?? 0, bestMatch: best?.bestMatch ?? null };
  }
  const mergeStoryIds = best.score >= config.mergeThreshold ? scored.slice(1).filter((s) => s.score >= config.mergeThreshold).map((s) => s.storyId) : [];
  return { storyId: best.storyId, mergeStoryIds, score: best.score, bestMatch: best.bestMatch };
}
