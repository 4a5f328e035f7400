// GET /api/stories through app.request() (no port): pages read from the stored summaries are what
// the story views summarize, disjoint and complete across cursors, filtered in the store; titles
// are the ones the timeline stage decides (at ingest, or at the read for stories stored before).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createApp } from '../src/api/index.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { buildStoryView, storyCoverage, summarizeStory } from '../src/timeline/index.js';
import { storedArticle, testIndex } from './helpers/articles.js';
import { SEEDS_DIR, tempDb } from './helpers/cli.js';

async function getJson(app: ReturnType<typeof createApp>, path: string) {
  const res = await app.request(path);
  assert.equal(res.status, 200, path);
  return res.json() as Promise<any>;
}

/** What the list showed before summaries were stored: each story's view, summarized (with its outlets counted). */
async function fromViews(store: SqliteStoryStore, id: string) {
  const view = buildStoryView(id, (await store.storyArticles(id)));
  return { ...summarizeStory(view), outletCount: view.outlets.length, coverage: storyCoverage(view) };
}

/** A listed story without what depends on its page and the store's newest day (test/api-triage.test.ts checks those). */
function ownFields({ pageCoverage: _scale, recent: _recent, ...own }: any) {
  return own;
}

test('pages follow cursors through every story once, in list order, each story as its view summarizes it', async () => {
  const store = new SqliteStoryStore(tempDb());
  for (let i = 0; i < 11; i++) {
    const storyId = `s${String(i).padStart(2, '0')}`;
    // Two articles a story, some on the same last day (the id breaks the tie), one undated story.
    const published = i === 10 ? null : { start: `2024-05-${String(10 + (i % 4)).padStart(2, '0')}`, precision: 'day' as const };
    await store.addArticle(storedArticle(`a${i}`, { contentHash: `h${i}`, storyId, eventId: `e${i}`, title: `Report ${i}`, published: published && { ...published, start: '2024-05-01' } }), { newStory: true, dateUpdates: [], index: testIndex() });
    await store.addArticle(storedArticle(`b${i}`, { contentHash: `k${i}`, storyId, eventId: `f${i}`, title: `Follow-up ${i}`, language: i % 2 ? 'de' : 'en', published }), { newStory: false, dateUpdates: [], index: testIndex() });
  }
  const app = createApp({ store });
  const pages: any[][] = [];
  let cursor: string | null = null;
  do {
    const body: any = await getJson(app, `/api/stories?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(body.stories.map(ownFields));
    cursor = body.nextCursor;
  } while (cursor);
  assert.deepEqual(pages.map((p) => p.length), [4, 4, 3]);
  const listed = pages.flat();
  const expected = (await Promise.all((await store.listStoryIds()).map((id) => fromViews(store, id)))).sort((a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || a.id.localeCompare(b.id));
  assert.deepEqual(listed, expected, 'no story twice, none missing; undated last');
  assert.equal(listed.at(-1)?.id, 's10');
  const german = (await getJson(app, '/api/stories?lang=de&limit=100')).stories.map((s: { id: string }) => s.id);
  assert.deepEqual(german, expected.filter((s) => s.languages.includes('de')).map((s) => s.id));
  assert.deepEqual((await getJson(app, '/api/stories?q=follow+up+7')).stories.map((s: { id: string }) => s.id), ['s07']);
  await store.close();
});

test('the ingest stores the title the story view shows; a story without one gets it from the stage at the read', async () => {
  const store = new SqliteStoryStore(tempDb());
  await ingestPaths([SEEDS_DIR], store);
  const app = createApp({ store });
  const [stored] = await store.listStorySummaries();
  assert.equal(stored!.title, buildStoryView(stored!.id, (await store.storyArticles(stored!.id))).title, 'decided at the write');
  const { stories } = await getJson(app, '/api/stories');
  assert.deepEqual(stories.map(ownFields), [await fromViews(store, stored!.id)]);
  await store.addArticle(storedArticle('x1', { storyId: 'untitled', eventId: 'x', title: 'Lone report', published: { start: '2030-01-01', precision: 'day' } }), { newStory: true, dateUpdates: [], index: testIndex() });
  assert.deepEqual((await store.storiesWithoutTitle(5)).map((s) => s.id), ['untitled']);
  assert.equal((await getJson(app, '/api/stories?limit=1')).stories[0].title, 'Lone report');
  await store.close();
});
