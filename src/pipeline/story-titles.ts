// Story titles for the stored summaries: the timeline stage decides a story's title (its most
// central original's headline) and the store keeps it. Every write leaves its story's title undecided;
// the stage decides the titles of the stories a batch changed once, before the batch commits (in its
// transaction): deciding at every article re-read the whole story each time and tripled an ingest.
import type { StorySummary } from '../domain/index.js';
import type { StoryStore, StorySummaryRow } from '../store/index.js';
import { storyTitle } from '../timeline/index.js';

/** Titles every story whose title is undecided; call inside an open batch. */
export async function decideStoryTitles(store: StoryStore): Promise<void> {
  const BATCH = 200;
  for (let ids = await store.storiesWithoutTitle(BATCH); ids.length; ids = await store.storiesWithoutTitle(BATCH)) {
    for (const id of ids) await store.setStoryTitle(id, storyTitle(await store.storyArticles(id)));
  }
}

/** Stories written outside a batch, or stored before summaries were kept, get their titles (run before every ingest). */
export async function backfillStoryTitles(store: StoryStore): Promise<void> {
  await store.beginBatch();
  await decideStoryTitles(store);
  await store.commitBatch();
}

/**
 * A stored summary as the story list shows it (timeline summarizeStory's fields). A story written
 * since its batch began, or outside one, or stored before summaries were kept, has no title until
 * the ingest decides it: the timeline stage decides it here meanwhile, for the listed stories alone.
 */
export async function listedSummary(store: StoryStore, s: StorySummaryRow): Promise<StorySummary> {
  const { id, title, articleCount, copyCount, eventCount, languages, firstDate, lastDate } = s;
  return { id, title: title ?? storyTitle(await store.storyArticles(id)), articleCount, copyCount, eventCount, languages, firstDate, lastDate };
}
