// Story titles for the stored summaries: the timeline stage decides a story's title (its most
// central original's headline) and the store keeps it. Deciding at the write keeps the story list a
// read of stored rows; it costs one read of the story's articles, as dating its undated members does.
import type { StoredArticle, StorySummary } from '../domain/index.js';
import type { DateUpdate, StoryStore, StorySummaryRow } from '../store/index.js';
import { storyTitle } from '../timeline/index.js';

/** The title of `stored`'s story once it, its merged stories' articles and the date updates are in. */
export function titleAfterWrite(store: StoryStore, stored: StoredArticle, storyIds: string[], dateUpdates: DateUpdate[]): string {
  const updates = new Map(dateUpdates.map((u) => [u.id, u]));
  const members = [...storyIds.flatMap((id) => store.storyArticles(id)), stored].map((a) => {
    const update = updates.get(a.id);
    return update ? { ...a, published: update.published, publishedSource: update.publishedSource, dates: update.dates, unresolvedDates: update.unresolvedDates } : a;
  });
  return storyTitle(members);
}

/** Stories stored before summaries were kept get their titles (run before every ingest). */
export function backfillStoryTitles(store: StoryStore): void {
  const BATCH = 200;
  for (let ids = store.storiesWithoutTitle(BATCH); ids.length; ids = store.storiesWithoutTitle(BATCH)) {
    store.beginBatch();
    for (const id of ids) store.setStoryTitle(id, storyTitle(store.storyArticles(id)));
    store.commitBatch();
  }
}

/**
 * A stored summary as the story list shows it (timeline summarizeStory's fields). A story stored
 * before summaries were kept has no title until the next ingest decides it: the timeline stage
 * decides it here meanwhile, for the listed stories alone.
 */
export function listedSummary(store: StoryStore, s: StorySummaryRow): StorySummary {
  const { id, title, articleCount, copyCount, eventCount, languages, firstDate, lastDate } = s;
  return { id, title: title ?? storyTitle(store.storyArticles(id)), articleCount, copyCount, eventCount, languages, firstDate, lastDate };
}
