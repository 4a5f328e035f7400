import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { storedArticle, testIndex } from '../../../test/helpers/articles.js';
import { tempDir } from '../../../test/helpers/cli.js';
import type { StoredArticle } from '../../domain/index.js';
import { buildStoryView, storyTitle, summarizeStory } from '../../timeline/index.js';
import type { AddArticleOptions } from '../story-store.js';
import { SqliteStoryStore } from './sqlite-story-store.js';

const day = (start: string) => ({ start, precision: 'day' as const });
const newStore = () => new SqliteStoryStore(join(tempDir(), 'summaries.db'));

async function add(store: SqliteStoryStore, a: StoredArticle, options: Partial<AddArticleOptions> = {}): Promise<void> {
  await store.addArticle(a, { newStory: false, dateUpdates: [], index: testIndex(), ...options });
}

/** The stored summary of every story equals what the story view summarizes from its articles (the title is what the stage passed in). */
async function assertSummariesMatchViews(store: SqliteStoryStore): Promise<void> {
  for (const { title: _stored, ...row } of (await store.listStorySummaries())) {
    const { title: _decided, ...counts } = summarizeStory(buildStoryView(row.id, (await store.storyArticles(row.id))));
    assert.deepEqual(row, counts, row.id);
  }
}

test('summaries follow added articles and copies: counts, events, languages, dates and the title passed in', async () => {
  const store = newStore();
  await add(store, storedArticle('a1', { title: 'Putin to visit', published: day('2024-06-10') }), { newStory: true, storyTitle: 'Putin to visit' });
  await add(store, storedArticle('a2', { contentHash: 'h2', title: 'Putin arrives', language: 'vi', eventId: 'e2', published: { start: '2024-06-01', precision: 'month' } }), { storyTitle: 'Putin arrives' });
  await add(store, storedArticle('a3', { contentHash: 'h3', eventId: 'e2', duplicateOf: 'a2', language: 'fr', published: day('2024-07-01') }), { storyTitle: 'Putin arrives' });
  const [row] = await store.listStorySummaries();
  assert.deepEqual(row, { id: 's1', title: 'Putin arrives', articleCount: 2, copyCount: 1, eventCount: 2, languages: ['en', 'vi'], firstDate: '2024-06', lastDate: '2024-06-10' });
  await assertSummariesMatchViews(store);
  await store.close();
});

test('a merge leaves one summary, under the surviving story, counting the merged articles', async () => {
  const store = newStore();
  await add(store, storedArticle('a1', { storyId: 'sA', published: day('2024-06-10') }), { newStory: true });
  await add(store, storedArticle('a2', { contentHash: 'h2', storyId: 'sB', eventId: 'e2', language: 'de', published: day('2024-06-12') }), { newStory: true });
  await add(store, storedArticle('a3', { contentHash: 'h3', storyId: 'sC', eventId: 'e3', published: day('2024-06-14') }), { newStory: true, mergeStoryIds: ['sA', 'sB'], storyTitle: 'Merged' });
  assert.deepEqual((await store.listStorySummaries()).map((s) => [s.id, s.articleCount, s.eventCount, s.languages, s.firstDate, s.lastDate]), [['sC', 3, 3, ['en', 'de'], '2024-06-10', '2024-06-14']]);
  assert.deepEqual((await store.findStorySummaries({ language: 'de', limit: 10 })).map((s) => s.id), ['sC'], 'the merged languages moved with it');
  assert.equal((await store.resolveStoryId('sA')), 'sC');
  await assertSummariesMatchViews(store);
  await store.close();
});

test('a date update moves the summary dates and the list order', async () => {
  const store = newStore();
  await add(store, storedArticle('a1', { storyId: 's1', published: day('2024-06-10') }), { newStory: true });
  await add(store, storedArticle('a2', { contentHash: 'h2', storyId: 's2', eventId: 'e2', published: null }), { newStory: true });
  assert.deepEqual((await store.findStorySummaries({ limit: 10 })).map((s) => [s.id, s.lastDate]), [['s1', '2024-06-10'], ['s2', null]], 'undated last');
  const update = { id: 'a2', published: day('2024-07-01'), publishedSource: 'story' as const, dates: [], unresolvedDates: [], features: testIndex().features };
  await add(store, storedArticle('a3', { contentHash: 'h3', storyId: 's2', eventId: 'e3', published: day('2024-06-30') }), { dateUpdates: [update] });
  assert.deepEqual((await store.findStorySummaries({ limit: 10 })).map((s) => [s.id, s.firstDate, s.lastDate]), [['s2', '2024-06-30', '2024-07-01'], ['s1', '2024-06-10', '2024-06-10']]);
  await assertSummariesMatchViews(store);
  await store.close();
});

test('pages are disjoint and complete in list order, with every filter', async () => {
  const store = newStore();
  const languages = ['en', 'de', 'vi'];
  for (let i = 0; i < 23; i++) {
    // Several stories share a last date: the id orders them.
    const published = day(`2024-06-${String(10 + (i % 7)).padStart(2, '0')}`);
    const title = i % 2 ? `Harbour strike day ${i}` : `Election count ${i}`;
    await add(store, storedArticle(`a${i}`, { contentHash: `h${i}`, storyId: `s${String(i).padStart(2, '0')}`, eventId: `e${i}`, title, language: languages[i % 3]!, published }), { newStory: true, storyTitle: title });
  }
  const all = await store.listStorySummaries();
  const listOrder = [...all].sort((a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || a.id.localeCompare(b.id)).map((s) => s.id);
  const walk = async (query: { words?: string[]; language?: string; from?: string; to?: string }) => {
    const seen: string[] = [];
    let after: { lastDate: string; id: string } | undefined;
    for (;;) {
      const page = await store.findStorySummaries({ ...query, ...(after ? { after } : {}), limit: 4 });
      seen.push(...page.map((s) => s.id));
      if (page.length < 4) return seen;
      const last = page.at(-1)!;
      after = { lastDate: last.lastDate ?? '', id: last.id };
    }
  };
  assert.deepEqual(await walk({}), listOrder);
  const expect = (keep: (s: (typeof all)[number]) => boolean) => listOrder.filter((id) => keep(all.find((s) => s.id === id)!));
  assert.deepEqual(await walk({ language: 'de' }), expect((s) => s.languages.includes('de')));
  assert.deepEqual(await walk({ words: ['harb', 'STRIKE'] }), expect((s) => s.title!.startsWith('Harbour')));
  assert.deepEqual(await walk({ from: '2024-06-12', to: '2024-06-13' }), expect((s) => s.lastDate! >= '2024-06-12' && s.lastDate! <= '2024-06-13'));
  assert.deepEqual(await walk({ language: 'en', words: ['election'], from: '2024-06-14' }), expect((s) => s.languages.includes('en') && s.title!.startsWith('Election') && s.lastDate! >= '2024-06-14'));
  assert.deepEqual((await store.findStorySummaries({ words: ['*'], limit: 5 })), [], 'no word to match');
  await store.close();
});

test('a store from before summaries gets them on opening, titles left to the timeline stage', async () => {
  const path = join(tempDir(), 'old.db');
  const store = new SqliteStoryStore(path);
  await add(store, storedArticle('a1', { title: 'First report', published: day('2024-06-10') }), { newStory: true, storyTitle: 'First report' });
  await add(store, storedArticle('a2', { contentHash: 'h2', eventId: 'e2', title: 'Second report', language: 'vi', published: day('2024-06-12') }));
  await store.close();
  const db = new Database(path);
  db.exec('DROP TABLE story_summaries; DROP TABLE story_languages; DROP INDEX articles_story_summary; DROP INDEX articles_seq_story; DELETE FROM schema_migrations WHERE version = 8;');
  db.close();
  const reopened = new SqliteStoryStore(path);
  assert.deepEqual((await reopened.storiesWithoutTitle(10)).map((s) => s.id), ['s1']);
  await assertSummariesMatchViews(reopened);
  await reopened.setStoryTitle('s1', storyTitle(await reopened.storyArticles('s1')));
  assert.deepEqual((await reopened.storiesWithoutTitle(10)).map((s) => s.id), []);
  assert.equal((await reopened.listStorySummaries())[0]!.title, buildStoryView('s1', (await reopened.storyArticles('s1'))).title);
  await reopened.close();
});
