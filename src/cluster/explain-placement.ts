// What `storyline why` prints: the decision taken for an article and the evidence behind it.
import type { Assignment, ClusterConfig } from './assign.js';
import type { CopyDecision, Placement, StoredArticle } from '../domain/index.js';

export function explainPlacement(article: StoredArticle, assignment: Assignment | null, original: CopyDecision | null, config: ClusterConfig): Placement {
  const best = assignment?.bestMatch ?? null;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const rounded = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) as T;
  return {
    decision: original ? 'copy' : assignment?.storyId ? 'joined' : 'new-story',
    storyScore: round(assignment?.score ?? 0),
    joinThreshold:
      !best || best.candidate.features.language === article.language
        ? config.joinThreshold
        : best.similarity.comparedBy === 'acrossScripts'
          ? config.crossScriptJoinThreshold
          : config.crossLanguageJoinThreshold,
    articlesCompared: assignment?.articlesCompared ?? 0,
    storiesCompared: assignment?.storiesCompared ?? 0,
    bestMatch: best
      ? {
          articleId: best.candidate.id,
          title: best.candidate.title,
          storyId: best.candidate.storyId,
          ...rounded(best.similarity),
        }
      : null,
    runnerUp: assignment?.runnerUp ? { storyId: assignment.runnerUp.storyId, score: round(assignment.runnerUp.score) } : null,
    mergedStories: original ? [] : (assignment?.mergeStoryIds ?? []),
    event: { id: article.eventId!, joined: original !== null || assignment?.eventId != null, withArticle: original?.id ?? assignment?.eventMember ?? null },
    copy: original ? { of: original.id, method: original.method, similarity: round(original.similarity) } : null,
  };
}
