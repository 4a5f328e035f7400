// Story titles for the stored summaries: the timeline stage decides a story's title (its most
// central original's headline) and the store keeps it. Every write leaves its story's title undecided;
// the stage decides the titles of the stories a batch changed once, before the batch commits (in its
// transaction): deciding at every article re-read the whole story each time and tripled an ingest.
// A large story keeps its title until it has grown by a tenth (TITLE_REGROWTH).
import type { StorySummary } from '../domain/index.js';
import type { StoryStore, StorySummaryRow } from '../store/index.js';
import { storyTitle } from '../timeline/index.js';

/**
 * A story's title is decided again from all its articles once it has grown by this share since the
 * last decision; until then the last title stands. Each story is then read whole about 1 / 0.1 + 1 =
 * 11 times over its life, whatever its size (re-reading it at every batch cost each article as much
 * as its story is large: ingest slowed from 5.5 to 11.5 ms per article between 10k and 30k articles).
 */
export const TITLE_REGROWTH = 0.1;

/** The titles this process decided, by store, with the story's size then. */
const decidedTitles = new WeakMap<StoryStore, Map<string, { title: string; members: number }>>();

/** Titles every story whose title is undecided; call inside an open batch. */
export async function decideStoryTitles(store: StoryStore): Promise<void> {
  const BATCH = 200;
  let decided = decidedTitles.get(store);
  if (!decided) decidedTitles.set(store, (decided = new Map()));
  for (let rows = await store.storiesWithoutTitle(BATCH); rows.length; rows = await store.storiesWithoutTitle(BATCH)) {
    for (const { id, members } of rows) {
      const last = decided.get(id);
      let title = last?.title;
      if (!last || members >= last.members * (1 + TITLE_REGROWTH)) {
        title = storyTitle(await store.storyArticles(id));
        decided.set(id, { title, members });
      }
      await store.setStoryTitle(id, title!);
    }
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
