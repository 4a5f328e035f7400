import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { dateMention, storedArticle, testIndex } from '../../../test/helpers/articles.js';
import { tempDir } from '../../../test/helpers/cli.js';
import type { StoredArticle } from '../../domain/index.js';
import { SqliteStoryStore } from './sqlite-story-store.js';

const kim = { name: 'Kim Jong Un', type: 'person' as const, aliases: ['Kim Jong-un', '김정은'], mentions: 1 };
const putin = { name: 'Vladimir Putin', type: 'person' as const, aliases: ['Putin'], mentions: 2 };
const pyongyang = { name: 'Pyongyang', type: 'place' as const, aliases: ['Bình Nhưỡng'], mentions: 1 };

async function fill(store: SqliteStoryStore): Promise<void> {
  const add = (a: StoredArticle, newStory: boolean) => store.addArticle(a, { newStory, dateUpdates: [], index: testIndex() });
  await add(storedArticle('a1', { title: 'Putin to visit Pyongyang', text: 'The Kremlin confirmed the trip.', entities: [putin, pyongyang], published: { start: '2024-06-10', precision: 'day' }, dates: [dateMention('2024-06-18', 'He arrives on June 18.')] }), true);
  await add(storedArticle('a2', { contentHash: 'h2', title: 'Putin đến Bình Nhưỡng', text: 'Tổng thống Nga đã đến.', language: 'vi', entities: [putin, pyongyang], published: { start: '2024-06-19', precision: 'day' } }), false);
  await add(storedArticle('a3', { contentHash: 'h3', storyId: 's2', title: 'Kim inspects a factory', text: 'State media said so.', entities: [kim], published: { start: '2024-01-05', precision: 'day' }, dates: [dateMention('2000-01-01', 'since 2000', { reference: true })] }), true);
  await add(storedArticle('a4', { contentHash: 'h4', storyId: 's2', title: 'A month-dated report', text: 'Undated news.', entities: [], published: { start: '2024-03-01', end: '2024-03-31', precision: 'month' } }), false);
}

const ids = (articles: StoredArticle[]) => articles.map((a) => a.id);

test('findArticles: by story, words (case and accents ignored, prefixes), entities and period, every condition at once', async () => {
  const store = new SqliteStoryStore(join(tempDir(), 'f.db'));
  await fill(store);
  assert.deepEqual(ids((await store.findArticles({ storyId: 's2' }))), ['a3', 'a4']);
  assert.deepEqual(ids((await store.findArticles({ words: ['putin'] }))), ['a1', 'a2']);
  assert.deepEqual(ids((await store.findArticles({ words: ['binh', 'nhuong'] }))), ['a1', 'a2'], 'accents folded; a1 names the place by an alias');
  assert.deepEqual(ids((await store.findArticles({ words: ['den', 'tong'] }))), ['a2'], 'đ folded');
  assert.deepEqual(ids((await store.findArticles({ words: ['KREML'] }))), ['a1'], 'a word matches the start of one');
  assert.deepEqual(ids((await store.findArticles({ words: ['김정은'] }))), ['a3'], 'aliases are searched');
  assert.deepEqual(ids((await store.findArticles({ words: ['putin', 'zebra'] }))), []);
  assert.deepEqual(ids((await store.findArticles({ words: ['"', 'OR'] }))), [], 'quotes and operators are words, not syntax');
  assert.deepEqual(ids((await store.findArticles({ words: ['*'] }))), []);
  assert.deepEqual(ids((await store.findArticles({ entities: ['Kim Jong Un', 'Pyongyang'] }))), ['a1', 'a2', 'a3']);
  assert.deepEqual(ids((await store.findArticles({ entities: [] }))), []);
  assert.deepEqual(ids((await store.findArticles({ from: '2024-06-15', to: '2024-06-18' }))), ['a1'], 'a1 dates a development in the period');
  assert.deepEqual(ids((await store.findArticles({ from: '2024-03-15', to: '2024-03-20' }))), ['a4'], 'a month-precision date covers its month');
  assert.deepEqual(ids((await store.findArticles({ to: '2001-01-01' }))), [], 'points of reference do not count');
  assert.deepEqual(ids((await store.findArticles({ from: '2024-06-19' }))), ['a2']);
  assert.deepEqual(ids((await store.findArticles({ words: ['putin'], from: '2024-06-19', storyId: 's1' }))), ['a2']);
  await store.close();
});

test('findEntityNames: canonical name or alias, whole name, case and accents ignored', async () => {
  const store = new SqliteStoryStore(join(tempDir(), 'g.db'));
  await fill(store);
  assert.deepEqual((await store.findEntityNames('vladimir putin')), ['Vladimir Putin']);
  assert.deepEqual((await store.findEntityNames('Putin')), ['Vladimir Putin']);
  assert.deepEqual((await store.findEntityNames('binh nhuong')), ['Pyongyang']);
  assert.deepEqual((await store.findEntityNames('김정은')), ['Kim Jong Un']);
  assert.deepEqual((await store.findEntityNames('kim jong-un')), ['Kim Jong Un']);
  assert.deepEqual((await store.findEntityNames('Kim')), [], 'part of a name is not the name');
  assert.deepEqual((await store.findEntityNames('Nobody')), []);
  assert.deepEqual((await store.findEntityNames(' "" ')), []);
  await store.close();
});

test('a store from before the search index gets its articles indexed on opening', async () => {
  const path = join(tempDir(), 'old.db');
  const store = new SqliteStoryStore(path);
  await fill(store);
  await store.close();
  const db = new Database(path);
  db.exec('DROP TABLE article_search; DROP TABLE article_dates; DROP INDEX articles_published; DELETE FROM schema_migrations WHERE version = 7;');
  db.close();
  const reopened = new SqliteStoryStore(path);
  assert.deepEqual(ids((await reopened.findArticles({ words: ['binh', 'nhuong'] }))), ['a1', 'a2']);
  assert.deepEqual(ids((await reopened.findArticles({ words: ['den', 'tong'] }))), ['a2']);
  assert.deepEqual((await reopened.findEntityNames('Putin')), ['Vladimir Putin']);
  assert.deepEqual(ids((await reopened.findArticles({ from: '2024-06-15', to: '2024-06-18' }))), ['a1']);
  assert.deepEqual(ids((await reopened.findArticles({ to: '2001-01-01' }))), []);
  await reopened.close();
});
