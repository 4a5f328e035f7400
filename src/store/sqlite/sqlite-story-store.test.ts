import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { storedArticle } from '../../../test/helpers/articles.js';
import { tempDir } from '../../../test/helpers/cli.js';
import { SqliteStoryStore } from './sqlite-story-store.js';

const article = storedArticle;

test('migrations run once and a reopened store keeps its data', () => {
  const path = join(tempDir(), 'a.db');
  const store = new SqliteStoryStore(path);
  store.addArticle(article('a1'), { newStory: true, dateUpdates: [] });
  store.close();
  const again = new SqliteStoryStore(path);
  assert.equal(again.listArticles().length, 1);
  assert.deepEqual(again.getArticle('a1')?.entities, article('a1').entities);
  again.close();
  const db = new Database(path);
  assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), [1, 2]);
  db.close();
});

test('a failing insert leaves nothing behind: article, entities, statistics and story roll back together', () => {
  const store = new SqliteStoryStore(join(tempDir(), 'b.db'));
  store.addArticle(article('a1'), { newStory: true, dateUpdates: [] });
  // Same content hash: the UNIQUE constraint fails after the story row was written in the same transaction.
  assert.throws(() => store.addArticle(article('a2', { contentHash: 'hash-a1', storyId: 's2' }), { newStory: true, dateUpdates: [] }), /UNIQUE/);
  assert.deepEqual(store.listStoryIds(), ['s1']);
  assert.equal(store.listArticles().length, 1);
  assert.equal(store.corpusStats(['Vladimir Putin'], ['visit']).termFrequency.get('visit'), 1);
  assert.equal(store.corpusStats(['Vladimir Putin'], []).entityFrequency.get('Vladimir Putin'), 1);
  store.close();
});

test('candidates share an entity, skip over-common entities, and date updates apply atomically', () => {
  const store = new SqliteStoryStore(join(tempDir(), 'c.db'));
  store.addArticle(article('a1'), { newStory: true, dateUpdates: [] });
  store.addArticle(article('a2', { contentHash: 'h2', entities: [{ name: 'Berlin', type: 'place', aliases: [], mentions: 1 }], storyId: 's2' }), { newStory: true, dateUpdates: [] });
  assert.deepEqual(store.findCandidates({ entities: ['Vladimir Putin'], maxEntityFrequency: 10, limit: 10 }).map((a) => a.id), ['a1']);
  assert.deepEqual(store.findCandidates({ entities: ['Vladimir Putin'], maxEntityFrequency: 0, limit: 10 }), []);
  store.addArticle(article('a3', { contentHash: 'h3', published: null, publishedSource: null }), {
    newStory: false,
    dateUpdates: [{ id: 'a3', published: { start: '2024-05-01', end: '2024-05-31', precision: 'month' }, publishedSource: 'story', dates: [], unresolvedDates: [] }],
  });
  const a3 = store.getArticle('a3')!;
  assert.deepEqual([a3.published?.start, a3.published?.precision, a3.publishedSource], ['2024-05-01', 'month', 'story']);
  assert.equal(store.hasContentHash('h3'), true);
  assert.equal(store.hasContentHash('nope'), false);
  store.close();
});

test('merging stories moves their articles and redirects the old ids, transitively', () => {
  const store = new SqliteStoryStore(join(tempDir(), 'd.db'));
  store.addArticle(article('a1', { storyId: 's1' }), { newStory: true, dateUpdates: [] });
  store.addArticle(article('a2', { contentHash: 'h2', storyId: 's2' }), { newStory: true, dateUpdates: [] });
  store.addArticle(article('a3', { contentHash: 'h3', storyId: 's2' }), { newStory: false, mergeStoryIds: ['s1'], dateUpdates: [] });
  assert.deepEqual(store.listStoryIds(), ['s2']);
  assert.deepEqual(store.storyArticles('s2').map((a) => a.id), ['a1', 'a2', 'a3']);
  assert.equal(store.resolveStoryId('s1'), 's2');
  store.addArticle(article('a4', { contentHash: 'h4', storyId: 's3' }), { newStory: true, mergeStoryIds: ['s2'], dateUpdates: [] });
  assert.equal(store.resolveStoryId('s1'), 's3');
  assert.equal(store.resolveStoryId('s2'), 's3');
  assert.equal(store.resolveStoryId('nope'), null);
  store.close();
});
