// Articles that name no year get their dates, and so their publication month, from their story.
// The runner reads the story's undated members and dates from the store; this decides the updates.
import { articleFeatures, type FeatureInput } from '../../cluster/features.js';
import type { StoredArticle } from '../../domain/index.js';
import type { DateUpdate } from '../../store/story-store.js';
import { inferFromStory } from './infer-published.js';

/** A story member as date borrowing reads it: its yearless dates, and what its features are made of. */
export type DatingMember = FeatureInput & Pick<StoredArticle, 'id' | 'unresolvedDates'>;

/**
 * Updates for the undated members of the stories an article joins, and for the article itself when
 * it is undated, from the publication dates of members dated by themselves (the article's own
 * included). `storyDates` is read only when some member has yearless dates: most articles need none.
 */
export async function datesFromStory(article: DatingMember, storyUndated: DatingMember[], storyDates: () => string[] | Promise<string[]>): Promise<DateUpdate[]> {
  const undated = [...storyUndated, ...(article.published ? [] : [article])].filter((m) => m.unresolvedDates.length > 0);
  if (undated.length === 0) return [];
  const context = [...(await storyDates()), ...(article.published && article.publishedSource !== 'story' ? [article.published.start] : [])];
  const updates: DateUpdate[] = [];
  for (const member of undated) {
    const inferred = inferFromStory(member.unresolvedDates, context);
    if (!inferred) continue;
    const dates = [...member.dates, ...inferred.resolved].sort((a, b) => a.offset - b.offset);
    updates.push({
      id: member.id,
      published: inferred.published,
      publishedSource: 'story',
      dates,
      unresolvedDates: inferred.stillUnresolved,
      features: articleFeatures({ ...member, published: inferred.published, publishedSource: 'story', dates }),
    });
  }
  return updates;
}
