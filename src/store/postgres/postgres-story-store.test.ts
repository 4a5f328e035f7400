// What only PostgreSQL has: several processes on one database. Two stores on one schema, each with
// its own pool, stand for two processes (the contract itself: story-store-behaviour.test.ts).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { storedArticle, testIndex } from '../../../test/helpers/articles.js';
import { postgresSkipReason, testSchema } from '../../../test/helpers/postgres.js';
import { ArticleExistsError, type StoredArticle } from '../../domain/index.js';
import { storeErrorOf } from '../store-error.js';
import type { AddArticleOptions } from '../story-store.js';
import { PostgresStoryStore } from './index.js';

const skip = await postgresSkipReason();

const add = (store: PostgresStoryStore, a: StoredArticle, options: Partial<AddArticleOptions> = {}) =>
  store.addArticle(a, { newStory: true, dateUpdates: [], index: testIndex(), ...options });

test("PostgreSQL: corpus statistics follow what another process commits, not what it has yet to commit, and reload past the bound", { skip }, async (t) => {
  const schema = await testSchema(t);
  const a = await PostgresStoryStore.onPool(schema.open());
  const b = await PostgresStoryStore.onPool(schema.open());
  await add(a, storedArticle('a1'));
  const before = await b.corpusStats();
  assert.equal(before.articleCount, 1);
  assert.equal(before.termFrequency.get('visit'), 1);

  await add(a, storedArticle('a2', { contentHash: 'h2', storyId: 's2', entities: [{ name: 'Berlin', type: 'place', aliases: [], mentions: 1 }] }));
  await a.beginBatch();
  await add(a, storedArticle('a3', { contentHash: 'h3', storyId: 's3' }));
  const seen = await b.corpusStats();
  assert.deepEqual([seen.articleCount, seen.termFrequency.get('visit'), seen.entityFrequency.get('Berlin')], [2, 2, 1], "A's committed article, not its open batch");
  await a.commitBatch();
  const after = await b.corpusStats();
  assert.deepEqual([after.articleCount, after.termFrequency.get('visit')], [3, 3], 'the batch once committed');

  // B's own adds and A's interleave; both count everything. Others' derived (skeleton) keys wait for
  // a reload, past max(50, 1% of the corpus) of their articles since B's snapshot (a2..a52: 51).
  await add(b, storedArticle('b1', { contentHash: 'hb1', storyId: 'sb' }));
  for (let i = 4; i <= 52; i++) await add(a, storedArticle(`a${i}`, { contentHash: `h${i}`, storyId: `s${i}` }));
  const fresh = await (await PostgresStoryStore.onPool(schema.open())).corpusStats();
  const terms = testIndex().documentTerms;
  for (const store of [a, b]) {
    const stats = await store.corpusStats();
    assert.deepEqual([stats.articleCount, stats.termFrequency.get('visit'), stats.entityFrequency.get('Vladimir Putin'), stats.entityFrequency.get('Berlin')], [53, 53, 52, 1]);
    assert.deepEqual(terms.map((t) => stats.termFrequency.get(t)), terms.map((t) => fresh.termFrequency.get(t)), 'every document term, as a new process reads them');
  }
});

test('PostgreSQL: a late commit (drawn its seq before a row already seen) still counts in the article count', { skip }, async (t) => {
  const schema = await testSchema(t);
  const a = await PostgresStoryStore.onPool(schema.open());
  const b = await PostgresStoryStore.onPool(schema.open());
  await add(a, storedArticle('a1'));
  await b.corpusStats();
  await a.beginBatch();
  await add(a, storedArticle('a2', { contentHash: 'h2', storyId: 's2' }));
  // B stores a3 with a higher seq and sees it; A's a2, lower, commits after.
  await add(b, storedArticle('a3', { contentHash: 'h3', storyId: 's3' }));
  assert.equal((await b.corpusStats()).articleCount, 2);
  await a.commitBatch();
  assert.equal((await b.corpusStats()).articleCount, 3);
});

test("PostgreSQL: another process's merge reaches this one's candidates and story ids", { skip }, async (t) => {
  const schema = await testSchema(t);
  const a = await PostgresStoryStore.onPool(schema.open());
  const b = await PostgresStoryStore.onPool(schema.open());
  await add(a, storedArticle('a1', { storyId: 's1' }));
  await add(a, storedArticle('a2', { contentHash: 'h2', storyId: 's2' }));
  assert.deepEqual((await b.getCandidates(['a1', 'a2'])).map((c) => c.storyId), ['s1', 's2']);
  await add(a, storedArticle('a3', { contentHash: 'h3', storyId: 's2' }), { newStory: false, mergeStoryIds: ['s1'] });
  assert.deepEqual((await b.getCandidates(['a1', 'a2', 'a3'])).map((c) => c.storyId), ['s2', 's2', 's2']);
  assert.equal(await b.resolveStoryId('s1'), 's2');
  assert.deepEqual((await b.listStorySummaries()).map((s) => [s.id, s.articleCount]), [['s2', 3]]);
});

test('PostgreSQL: two processes adding the same identity at once: one stores it, the other is refused with ArticleExistsError', { skip }, async (t) => {
  const schema = await testSchema(t);
  const a = await PostgresStoryStore.onPool(schema.open());
  const b = await PostgresStoryStore.onPool(schema.open());
  const results = await Promise.allSettled([
    add(a, storedArticle('x1', { contentHash: 'same', storyId: 'sa' })),
    add(b, storedArticle('x2', { contentHash: 'same', storyId: 'sb' })),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
  const storeError = storeErrorOf(refused.reason);
  assert.ok(storeError && !storeError.retryable && /unique/i.test(storeError.message), String(refused.reason));
  assert.ok(refused.reason instanceof ArticleExistsError, 'typed: the pipeline counts it as already stored');
  assert.equal((await a.listArticles()).length, 1);
  assert.equal((await a.listStoryIds()).length, 1, "the refused article's story rolled back with it");
});

test('PostgreSQL: concurrent writers to one story keep its summary whole', { skip }, async (t) => {
  const schema = await testSchema(t);
  const a = await PostgresStoryStore.onPool(schema.open());
  const b = await PostgresStoryStore.onPool(schema.open());
  await add(a, storedArticle('a0', { eventId: 'e0', storyId: 's1' }));
  await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      add(i % 2 ? a : b, storedArticle(`a${i + 1}`, { contentHash: `h${i + 1}`, eventId: `e${i + 1}`, storyId: 's1' }), { newStory: false }),
    ),
  );
  const [summary] = await b.listStorySummaries();
  assert.deepEqual([summary!.articleCount, summary!.eventCount], [11, 11]);
});

test('PostgreSQL: a batch never committed (the process died) leaves what was committed; open() migrates and close() commits', { skip }, async (t) => {
  const schema = await testSchema(t);
  const a = await PostgresStoryStore.onPool(schema.open());
  await add(a, storedArticle('a0', { contentHash: 'h0', storyId: 's0' }));
  await a.beginBatch();
  await add(a, storedArticle('a1', { storyId: 's1' }));
  const other = await PostgresStoryStore.onPool(schema.open());
  assert.deepEqual((await other.listArticles()).map((x) => x.id), ['a0']);
  assert.equal((await other.corpusStats()).termFrequency.get('visit'), 1);
  await a.close();
  assert.deepEqual((await other.listArticles()).map((x) => x.id), ['a0', 'a1'], 'close commits the open batch');
  assert.equal((await other.corpusStats()).termFrequency.get('visit'), 2);
});

test('PostgreSQL: open() makes its own pool in the given schema, migrates it, and ends the pool on close', { skip }, async (t) => {
  const schema = await testSchema(t);
  const store = await PostgresStoryStore.open(process.env.STORYLINE_TEST_PG_URL!, { searchPath: schema.name, max: 2 });
  await add(store, storedArticle('a1'));
  await store.close();
  const pool = schema.open();
  assert.deepEqual((await pool.query<{ id: string }>('SELECT id FROM articles')).rows, [{ id: 'a1' }]);
});

test('PostgreSQL: a batch whose transaction a failed statement aborted is reported lost at commit, not taken as committed', { skip }, async (t) => {
  const schema = await testSchema(t);
  const store = await PostgresStoryStore.onPool(schema.open());
  await store.beginBatch();
  await store.setFeatures('a1', testIndex().features);
  // A read on the batch's connection that the server refuses (text cannot hold NUL) aborts its transaction.
  await assert.rejects(store.hasContentHash('bad\u0000hash'));
  await assert.rejects(store.commitBatch(), (err) => storeErrorOf(err)?.retryable === false);
  await add(store, storedArticle('a1'));
  assert.deepEqual((await store.listArticles()).map((x) => x.id), ['a1'], 'the store works on after it');
});

test('PostgreSQL: two processes recording the same alert matches at once record each once, with one delivery per (alert, story)', { skip }, async (t) => {
  const schema = await testSchema(t);
  const a = await PostgresStoryStore.onPool(schema.open());
  const b = await PostgresStoryStore.onPool(schema.open());
  const ids = Array.from({ length: 6 }, (_, i) => `m${i}`);
  for (const [i, id] of ids.entries()) await add(a, storedArticle(id, { contentHash: `h${id}`, storyId: `s${i % 2}`, url: `https://x.example/${id}` }), { newStory: i < 2 });
  await a.createAlert({ id: 'hook', target: { kind: 'query', query: 'x' }, webhook: 'https://hooks.example/', createdAt: '2024-06-20T08:00:00Z' });
  const matches = ids.map((id, i) => ({ alertId: 'hook', articleId: id, storyId: `s${i % 2}`, matchedAt: '2024-06-20T09:00:00Z' }));
  const [fromA, fromB] = await Promise.all([a.recordAlertMatches(matches), b.recordAlertMatches([...matches].reverse())]);
  assert.deepEqual([...fromA, ...fromB].map((m) => m.articleId).sort(), ids, 'each match recorded by one of them');
  const deliveries = await a.alertDeliveries('hook', 10);
  assert.deepEqual(deliveries.flatMap((d) => d.articleIds).sort(), ids, 'each match delivered once');
  assert.ok(deliveries.length >= 2 && deliveries.length <= 4, `one per (alert, story) per process that recorded some: ${deliveries.length}`);
  assert.equal((await b.getAlert('hook'))!.matches, 6);
});
