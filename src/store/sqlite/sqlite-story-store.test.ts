import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { storedArticle } from '../../../test/helpers/articles.js';
import { articleFeatures, documentTerms } from '../../cluster/index.js';
import { tempDir } from '../../../test/helpers/cli.js';
import { lshBuckets, MINHASH_SIZE, minhashSignature } from '../../dedup/index.js';
import { epochDay } from '../../time/index.js';
import type { AddArticleOptions } from '../story-store.js';
import { KNOWN_PAGE_URLS } from './live-tables.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteStoryStore } from './sqlite-story-store.js';

const article = storedArticle;
const features = articleFeatures(storedArticle('features'));
const index = (keys: string[] = ['e:Vladimir Putin'], minhash: Uint32Array = new Uint32Array(MINHASH_SIZE)) => ({ sourceKey: 'test', keys, minhash, lshBuckets: lshBuckets(minhash), features, documentTerms: documentTerms(features) });
const added = (extra: Partial<AddArticleOptions> = {}): AddArticleOptions => ({ newStory: true, dateUpdates: [], index: index(), ...extra });

test('migrations run once and a reopened store keeps its data', async () => {
  const path = join(tempDir(), 'a.db');
  const store = new SqliteStoryStore(path);
  await store.addArticle(article('a1'), added());
  await store.close();
  const again = new SqliteStoryStore(path);
  assert.equal((await again.listArticles()).length, 1);
  assert.deepEqual((await again.getArticle('a1'))?.entities, article('a1').entities);
  await again.close();
  const db = new Database(path);
  assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  db.close();
});

test('a failing insert leaves nothing behind: article, entities, statistics and story roll back together', async () => {
  const store = new SqliteStoryStore(join(tempDir(), 'b.db'));
  await store.addArticle(article('a1'), added());
  // Same content hash: the UNIQUE constraint fails after the story row was written in the same transaction.
  await assert.rejects(async () => store.addArticle(article('a2', { contentHash: 'hash-a1', storyId: 's2' }), added()), /already stored/);
  assert.deepEqual((await store.listStoryIds()), ['s1']);
  assert.equal((await store.listArticles()).length, 1);
  const stats = await store.corpusStats();
  assert.equal(stats.articleCount, 1);
  assert.equal(stats.termFrequency.get('visit'), 1);
  assert.equal(stats.entityFrequency.get('Vladimir Putin'), 1);
  await store.close();
});

test('in a batch, a failing article rolls back alone; the batch commits the rest, and a lost batch leaves what was committed', async () => {
  const path = join(tempDir(), 'batch.db');
  const store = new SqliteStoryStore(path);
  await store.addArticle(article('a0', { contentHash: 'h0', storyId: 's0' }), added());
  await store.beginBatch();
  await store.addArticle(article('a1'), added());
  await assert.rejects(async () => store.addArticle(article('a2', { contentHash: 'hash-a1', storyId: 's2' }), added()), /already stored/);
  await store.addArticle(article('a3', { contentHash: 'h3', storyId: 's3' }), added());
  // Reads inside the batch see its articles.
  assert.equal((await store.hasContentHash('h3')), true);
  assert.equal((await store.corpusStats()).articleCount, 3);
  await store.commitBatch();
  await store.commitBatch();
  assert.deepEqual((await store.listArticles()).map((a) => a.id), ['a0', 'a1', 'a3']);
  assert.equal((await store.corpusStats()).termFrequency.get('visit'), 3);
  // A batch that never commits (the process dies) is gone on reopening; what was committed stays.
  await store.beginBatch();
  await store.addArticle(article('a4', { contentHash: 'h4', storyId: 's4' }), added());
  const other = new SqliteStoryStore(path);
  assert.deepEqual((await other.listArticles()).map((a) => a.id), ['a0', 'a1', 'a3']);
  assert.equal((await other.corpusStats()).articleCount, 3);
  // The committed batch's term counts were written with it; the open one's are not.
  assert.equal((await other.corpusStats()).termFrequency.get('visit'), 3);
  await other.close();
  await store.commitBatch();
  await store.close();
});

const DAY_2024_06_18 = epochDay('2024-06-18')!;
const window = (days = 30) => ({ fromDay: DAY_2024_06_18 - days, toDay: DAY_2024_06_18 + days });
const postings = async (store: SqliteStoryStore, key: string, days?: number) => (await store.findKeyPostings([key], window(days), 10)).get(key)!;

test('key postings lie within the time window, candidates come by id in the order asked, and date updates apply atomically', async () => {
  const store = new SqliteStoryStore(join(tempDir(), 'c.db'));
  await store.addArticle(article('a1'), added());
  await store.addArticle(article('a2', { contentHash: 'h2', entities: [{ name: 'Berlin', type: 'place', aliases: [], mentions: 1 }], storyId: 's2' }), added({ index: index(['e:Berlin']) }));
  await store.addArticle(article('old', { contentHash: 'h-old', published: { start: '2023-01-01', precision: 'day' }, storyId: 's3' }), added());
  assert.deepEqual(await postings(store, 'e:Vladimir Putin'), ['a1']);
  assert.deepEqual(await postings(store, 'e:Vladimir Putin', 600), ['a1', 'old'], 'most recent first');
  assert.deepEqual((await store.findKeyPostings(['e:Vladimir Putin'], window(600), 1)).get('e:Vladimir Putin'), ['a1'], 'at most perKey');
  assert.deepEqual(await postings(store, 'e:Nobody'), []);
  assert.deepEqual((await store.getCandidates(['old', 'missing', 'a1'])).map((c) => c.id), ['old', 'a1']);
  (await store.addArticle(article('a3', { contentHash: 'h3', published: null, publishedSource: null }), {
    ...added(),
    newStory: false,
    dateUpdates: [{ id: 'a3', published: { start: '2024-05-01', end: '2024-05-31', precision: 'month' }, publishedSource: 'story', dates: [], unresolvedDates: [], features }],
  }));
  const a3 = (await store.getArticle('a3'))!;
  assert.deepEqual([a3.published?.start, a3.published?.precision, a3.publishedSource], ['2024-05-01', 'month', 'story']);
  assert.equal((await store.hasContentHash('h3')), true);
  assert.equal((await store.hasContentHash('nope')), false);
  await store.close();
});

test('merging stories moves their articles and redirects the old ids, transitively', async () => {
  const store = new SqliteStoryStore(join(tempDir(), 'd.db'));
  await store.addArticle(article('a1', { storyId: 's1' }), added());
  await store.addArticle(article('a2', { contentHash: 'h2', storyId: 's2' }), added());
  await store.addArticle(article('a3', { contentHash: 'h3', storyId: 's2' }), added({ newStory: false, mergeStoryIds: ['s1'] }));
  assert.deepEqual((await store.listStoryIds()), ['s2']);
  assert.deepEqual((await store.storyArticles('s2')).map((a) => a.id), ['a1', 'a2', 'a3']);
  assert.equal((await store.resolveStoryId('s1')), 's2');
  await store.addArticle(article('a4', { contentHash: 'h4', storyId: 's3' }), added({ mergeStoryIds: ['s2'] }));
  assert.equal((await store.resolveStoryId('s1')), 's3');
  assert.equal((await store.resolveStoryId('s2')), 's3');
  assert.equal((await store.resolveStoryId('nope')), null);
  await store.close();
});

test('copies are found by text hash and by near-duplicate signature in the same language', async () => {
  const store = new SqliteStoryStore(join(tempDir(), 'e.db'));
  const words = 'the kremlin said the visit to pyongyang would take place in june after talks in moscow'.split(' ');
  const signature = minhashSignature(words);
  await store.addArticle(article('a1', { textHash: 't1' }), added({ index: index([], signature) }));
  assert.deepEqual((await store.findByTextHash('t1')).map((c) => [c.id, c.sourceKey]), [['a1', 'test']]);
  assert.deepEqual((await store.findByTextHash('t2')), []);
  const edited = minhashSignature([...words.slice(0, 14), 'officials', 'said']);
  assert.deepEqual((await store.findNearDuplicates(lshBuckets(edited), 'en')).map((c) => c.id), ['a1']);
  assert.deepEqual((await store.findNearDuplicates(lshBuckets(edited), 'de')), []);
  assert.deepEqual((await store.findNearDuplicates(lshBuckets(minhashSignature('an entirely different report about football in madrid'.split(' '))), 'en')), []);
  await store.close();
});

test("a second connection to the file (another process) sees the first one's writes in its statistics and candidates", async () => {
  const path = join(tempDir(), 'two.db');
  const writer = new SqliteStoryStore(path);
  const reader = new SqliteStoryStore(path);
  await writer.addArticle(article('a1'), added());
  // The reader's caches fill now, then go stale as the writer commits.
  assert.equal((await reader.corpusStats()).articleCount, 1);
  assert.deepEqual((await reader.getCandidates(['a1'])).map((c) => c.storyId), ['s1']);
  await writer.addArticle(article('a2', { contentHash: 'h2', storyId: 's2' }), added({ mergeStoryIds: ['s1'] }));
  const stats = await reader.corpusStats();
  assert.equal(stats.articleCount, 2);
  assert.equal(stats.termFrequency.get('visit'), 2);
  assert.deepEqual((await reader.getCandidates(['a1', 'a2'])).map((c) => c.storyId), ['s2', 's2'], 'the merge moved a1 to s2');
  await writer.close();
  await reader.close();
});

test('the live-news migration makes the url and canonical URL of every stored article a known page', async () => {
  // A store at the version before it, with articles written as that version stored them.
  const liveVersion = MIGRATIONS.find((m) => m.sql.includes('CREATE TABLE page_urls'))!.version;
  const path = join(tempDir(), 'before-live.db');
  const db = new Database(path);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const m of MIGRATIONS.filter((m) => m.version < liveVersion)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, '2024-01-01T00:00:00.000Z');
  }
  const insert = db.prepare(
    `INSERT INTO articles (id, content_hash, origin, url, title, text, language, language_confidence, ingested_at, seq, analysis)
     VALUES (?, ?, 'feed', ?, 'Title', 'Text.', 'en', 0.9, ?, ?, ?)`,
  );
  insert.run('a1', 'h1', 'https://x.example/1?ref=rss', '2024-06-01T00:00:00.000Z', 1, JSON.stringify({ canonicalUrl: 'https://x.example/1' }));
  insert.run('a2', 'h2', null, '2024-06-02T00:00:00.000Z', 2, JSON.stringify({ canonicalUrl: null }));
  insert.run('a3', 'h3', 'https://x.example/3', '2024-06-03T00:00:00.000Z', 3, JSON.stringify({ entities: [] }));
  insert.run('a4', 'h4', null, '2024-06-04T00:00:00.000Z', 4, JSON.stringify({ canonicalUrl: 'https://x.example/4' }));
  insert.run('a5', 'h5', 'https://x.example/1', '2024-06-05T00:00:00.000Z', 5, JSON.stringify({ canonicalUrl: 'https://x.example/1' }));
  db.close();

  const store = new SqliteStoryStore(path);
  const asked = ['https://x.example/1?ref=rss', 'https://x.example/1', 'https://x.example/3', 'https://x.example/4', 'https://x.example/2', 'https://x.example/9'];
  assert.deepEqual(await store.knownPageUrls(asked, 1), new Set(asked.slice(0, 4)));
  await store.close();
  const after = new Database(path, { readonly: true });
  assert.deepEqual(after.prepare('SELECT url, article_id, outcome, failures, fetched_at FROM page_urls ORDER BY url').all(), [
    { url: 'https://x.example/1', article_id: 'a1', outcome: 'stored', failures: 0, fetched_at: '2024-06-01T00:00:00.000Z' },
    { url: 'https://x.example/1?ref=rss', article_id: 'a1', outcome: 'stored', failures: 0, fetched_at: '2024-06-01T00:00:00.000Z' },
    { url: 'https://x.example/3', article_id: 'a3', outcome: 'stored', failures: 0, fetched_at: '2024-06-03T00:00:00.000Z' },
    { url: 'https://x.example/4', article_id: 'a4', outcome: 'stored', failures: 0, fetched_at: '2024-06-04T00:00:00.000Z' },
  ], 'a URL stored twice keeps its first article');
  assert.deepEqual(after.prepare('SELECT version FROM schema_migrations WHERE version >= ?').pluck().all(liveVersion), MIGRATIONS.filter((m) => m.version >= liveVersion).map((m) => m.version));
  after.close();
});

test('known page URLs are primary-key look-ups, never a scan of page_urls', async () => {
  const path = join(tempDir(), 'plan.db');
  await new SqliteStoryStore(path).close();
  const db = new Database(path, { readonly: true });
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${KNOWN_PAGE_URLS}`).all('["https://x.example/"]', 3) as Array<{ detail: string }>).map((r) => r.detail);
  db.close();
  assert.ok(plan.some((d) => /^SEARCH page_urls USING INDEX sqlite_autoindex_page_urls_1 \(url=\?\)/.test(d)), plan.join('; '));
  assert.ok(!plan.some((d) => /^SCAN page_urls/.test(d)), plan.join('; '));
});
