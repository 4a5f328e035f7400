import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { storedArticle, testIndex } from '../../../test/helpers/articles.js';
import { tempDir } from '../../../test/helpers/cli.js';
import type { StoredArticle } from '../../domain/index.js';
import { buildStoryView, storyTitle, summarizeStory } from '../../timeline/index.js';
import type { AddArticleOptions, StoryListQuery } from '../story-store.js';
import { SqliteStoryStore } from './sqlite-story-store.js';
import { StorySummaries } from './story-summaries.js';

const day = (start: string) => ({ start, precision: 'day' as const });

async function add(store: SqliteStoryStore, a: StoredArticle, options: Partial<AddArticleOptions> = {}): Promise<void> {
  await store.addArticle(a, { newStory: false, dateUpdates: [], index: testIndex(), ...options });
}

/** The stored summary of every story equals what the story view summarizes from its articles (the title is what the stage passed in). */
async function assertSummariesMatchViews(store: SqliteStoryStore): Promise<void> {
  for (const { title: _stored, ...row } of (await store.listStorySummaries())) {
    const view = buildStoryView(row.id, await store.storyArticles(row.id));
    const { title: _decided, ...counts } = summarizeStory(view);
    assert.deepEqual(row, { ...counts, outletCount: view.outlets.length }, row.id);
  }
}

// Summaries on every backend: story-store-behaviour.ts. Here what only SQLite has: migration 8's backfill.
test('a store from before summaries gets them on opening, titles left to the timeline stage', async () => {
  const path = join(tempDir(), 'old.db');
  const store = new SqliteStoryStore(path);
  await add(store, storedArticle('a1', { title: 'First report', published: day('2024-06-10') }), { newStory: true, storyTitle: 'First report' });
  await add(store, storedArticle('a2', { contentHash: 'h2', eventId: 'e2', title: 'Second report', language: 'vi', source: 'BBC', published: day('2024-06-12') }));
  await add(store, storedArticle('a3', { contentHash: 'h3', eventId: 'e2', duplicateOf: 'a2', source: 'AFP', published: day('2024-06-13') }));
  await add(store, storedArticle('a4', { contentHash: 'h4', eventId: 'e4', source: null, published: day('2024-06-14') }));
  await store.close();
  const db = new Database(path);
  // Migration 10 (outlets) builds on 8: both run again.
  db.exec('DROP TABLE story_summaries; DROP TABLE story_languages; DROP TABLE story_outlets; DROP INDEX articles_story_summary; DROP INDEX articles_seq_story; DROP INDEX articles_story_outlets; DELETE FROM schema_migrations WHERE version IN (8, 10);');
  db.close();
  const reopened = new SqliteStoryStore(path);
  assert.deepEqual((await reopened.storiesWithoutTitle(10)).map((s) => s.id), ['s1']);
  await assertSummariesMatchViews(reopened);
  assert.equal((await reopened.listStorySummaries())[0]!.outletCount, 2, 'back-filled: Outlet and BBC, not the copy from AFP nor the article without an outlet');
  assert.deepEqual((await reopened.findStorySummaries({ sort: 'outlets', outlet: 'bbc', limit: 5 })).map((s) => s.id), ['s1']);
  await reopened.setStoryTitle('s1', storyTitle(await reopened.storyArticles('s1')));
  assert.deepEqual((await reopened.storiesWithoutTitle(10)).map((s) => s.id), []);
  assert.equal((await reopened.listStorySummaries())[0]!.title, buildStoryView('s1', (await reopened.storyArticles('s1'))).title);
  await reopened.close();
});

test('the size and outlets orders, alone or under a language or outlet filter, walk one index range from the cursor, never sort', async () => {
  const path = join(tempDir(), 'orders.db');
  await new SqliteStoryStore(path).close();
  const db = new Database(path, { readonly: true });
  const planOf = (query: StoryListQuery) => {
    let sql = '';
    new StorySummaries((text) => {
      sql = text;
      return db.prepare(text);
    }).page(query);
    const params = { limit: query.limit, after0: 3, after1: '2024-06-10', afterId: 's1', language: 'en', outlet: 'bbc', minArticles: 2 };
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));
    // The page's own plan: what follows is the listed languages' subquery, per row of the page.
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(used) as Array<{ detail: string }>).map((r) => r.detail).join('; ').split('; CORRELATED SCALAR SUBQUERY')[0]!;
  };
  const after = { key: [3, '2024-06-10'], id: 's1' };
  const cases: Array<[StoryListQuery, RegExp]> = [
    [{ sort: 'size', after, limit: 20 }, /SEARCH s USING INDEX story_summaries_size \(article_count<\?\)/],
    [{ sort: 'outlets', after, limit: 20 }, /SEARCH s USING INDEX story_summaries_outlets \(outlet_count<\?\)/],
    [{ sort: 'size', minArticles: 2, limit: 20 }, /SEARCH s USING INDEX story_summaries_size \(article_count>\?\)/],
    [{ sort: 'size', language: 'en', after, limit: 20 }, /SEARCH k USING (COVERING )?INDEX story_languages_size \(language=\? AND article_count<\?\)/],
    [{ sort: 'outlets', outlet: 'BBC', after, limit: 20 }, /SEARCH k USING (COVERING )?INDEX story_outlets_outlets \(outlet_key=\? AND outlet_count<\?\)/],
    [{ sort: 'size', outlet: 'BBC', language: 'en', limit: 20 }, /SEARCH k USING (COVERING )?INDEX story_outlets_size \(outlet_key=\?\)/],
  ];
  for (const [query, expected] of cases) {
    const plan = planOf(query);
    assert.match(plan, expected, JSON.stringify(query));
    assert.doesNotMatch(plan, /TEMP B-TREE|SCAN s\b|SCAN k\b/, `${JSON.stringify(query)}: ${plan}`);
  }
  db.close();
});
