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
  await add(store, storedArticle('a2', { contentHash: 'h2', eventId: 'e2', title: 'Second report', language: 'vi', published: day('2024-06-12') }));
  await store.close();
  const db = new Database(path);
  // Migration 10 (outlets) builds on 8: both run again.
  db.exec('DROP TABLE story_summaries; DROP TABLE story_languages; DROP TABLE story_outlets; DROP INDEX articles_story_summary; DROP INDEX articles_seq_story; DROP INDEX articles_story_outlets; DELETE FROM schema_migrations WHERE version IN (8, 10);');
  db.close();
  const reopened = new SqliteStoryStore(path);
  assert.deepEqual((await reopened.storiesWithoutTitle(10)).map((s) => s.id), ['s1']);
  await assertSummariesMatchViews(reopened);
  await reopened.setStoryTitle('s1', storyTitle(await reopened.storyArticles('s1')));
  assert.deepEqual((await reopened.storiesWithoutTitle(10)).map((s) => s.id), []);
  assert.equal((await reopened.listStorySummaries())[0]!.title, buildStoryView('s1', (await reopened.storyArticles('s1'))).title);
  await reopened.close();
});
