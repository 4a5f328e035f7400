// Several ingest processes on one PostgreSQL database (`ingest --workers`, `storyline worker`): the job
// queue, placement serialised per key, identity races, a killed worker, and clustering quality against
// one process. Skipped with the reason when no PostgreSQL test server is configured.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type pg from 'pg';
import type { RawDocument } from '../src/domain/index.js';
import { analyseItems, clusterAnalysed, readClusteringItems, scoreRows } from '../src/eval/index.js';
import { listInputFiles, readInputFile } from '../src/ingest/index.js';
import { emptySummary, ingestDocument, runWorker } from '../src/pipeline/index.js';
import { JobQueue, migratePostgres, PostgresStoryStore } from '../src/store/postgres/index.js';
import { SqliteStoryStore, type StoryStore } from '../src/store/index.js';
import { REPO_ROOT, runMain, SEEDS_DIR, SHARED_DATA, tempDb, tempDir } from './helpers/cli.js';
import { writeDistractorJsonl } from './helpers/distractors.js';
import { postgresSkipReason, testSchema, type TestSchema } from './helpers/postgres.js';

const skip = await postgresSkipReason();
const GIVEME = join(SHARED_DATA, 'clustering', 'giveme5w1h-events-dev', 'items.jsonl');

async function documentsOf(paths: string[]): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for (const item of await listInputFiles(paths)) {
    if ('error' in item) throw item.error;
    for await (const read of readInputFile(item.file)) if (read.kind === 'doc') docs.push(read.doc);
  }
  return docs;
}

/** The test server's URL, its connections working in the test's schema (as a user's --db would pick one). */
function schemaUrl(schema: TestSchema): string {
  const url = new URL(process.env.STORYLINE_TEST_PG_URL!);
  url.searchParams.set('options', `-c search_path=${schema.name}`);
  return url.toString();
}

const BIN = join(REPO_ROOT, 'bin', 'storyline.mjs');

function worker(db: string, ...args: string[]): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', db, ...args], { stdio: 'ignore', env: { ...process.env, CI: '1' } });
  return { child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function articleRows(pool: pg.Pool) {
  return (await pool.query<{ id: string; content_hash: string; story: string | null; external_id: string | null }>(
    'SELECT a.id, a.content_hash, s.id AS story, a.external_id FROM articles a LEFT JOIN stories s ON s.id = a.story_id ORDER BY a.seq',
  )).rows;
}

test('JobQueue: claims in order skipping held jobs, leases run out and are claimed again, a job is failed after its attempts', { skip }, async (t) => {
  const pool = (await testSchema(t)).open();
  await migratePostgres(pool);
  const queue = new JobQueue(pool, { leaseSeconds: 1, maxAttempts: 2 });
  const docs = Array.from({ length: 5 }, (_, i): RawDocument => ({ origin: `d${i}.txt`, format: 'text', body: `text ${i}`, hints: {} }));
  await queue.enqueue('r1', docs);

  const a = await queue.claim('A', 2);
  const b = await queue.claim('B', 10);
  assert.deepEqual(a.map((j) => j.origin), ['d0.txt', 'd1.txt']);
  assert.deepEqual(b.map((j) => j.origin), ['d2.txt', 'd3.txt', 'd4.txt'], "B skips A's jobs");
  assert.deepEqual(a[0]!.document, docs[0], 'the document comes back whole');
  assert.equal((await queue.claim('C', 10)).length, 0);
  assert.equal(await queue.complete(a[0]!, 'B', 'added'), false, "not B's job");
  assert.equal(await queue.complete(a[0]!, 'A', 'added'), true);
  await queue.fail(b[0]!, 'B', 'not an article');
  await queue.release(b.slice(1), 'B');
  assert.equal(await queue.renew('A'), 1, 'A still holds d1');

  // A stops renewing (dies): once its lease has run out, d1 is claimed again, with the released ones.
  await new Promise((r) => setTimeout(r, 1200));
  const c = await queue.claim('C', 10);
  assert.deepEqual(c.map((j) => [j.origin, j.attempts]), [['d1.txt', 2], ['d3.txt', 1], ['d4.txt', 1]]);
  assert.equal(await queue.complete(a[1]!, 'A', 'added'), false, "A's late completion does not count: C holds it");
  await queue.complete(c[1]!, 'C', 'copy');
  await queue.retry(c[2]!, 'C', 'database busy');
  assert.equal(await queue.idle(), false);

  // C dies too: d1 has had its two attempts and fails; d4, given back once, is claimed a second time.
  await new Promise((r) => setTimeout(r, 1200));
  const d = await queue.claim('D', 10);
  assert.deepEqual(d.map((j) => [j.origin, j.attempts]), [['d4.txt', 2]]);
  await queue.retry(d[0]!, 'D', 'database busy again');
  assert.deepEqual(await queue.counts('r1'), { queued: 0, running: 0, added: 2, copies: 1, duplicates: 0, failed: 3 });
  assert.deepEqual(await queue.failures('r1'), [
    { origin: 'd1.txt', error: 'its worker stopped before finishing it (claimed 2 times)' },
    { origin: 'd2.txt', error: 'not an article' },
    { origin: 'd4.txt', error: 'database busy again' },
  ]);
  assert.equal(await queue.idle(), true);
});

/** The store as a writer sees it whose look-ups ran before another writer stored the same article. */
function blindToStoredIdentities(store: StoryStore): StoryStore {
  let blind = true;
  return new Proxy(store, {
    get(target, key) {
      if (blind && key === 'hasContentHash') return async () => false;
      if (blind && key === 'findByTextHash') return async () => [];
      if (key === 'addArticle') {
        return async (...args: Parameters<StoryStore['addArticle']>) => {
          try {
            return await target.addArticle(...args);
          } catch (err) {
            blind = false;
            throw err;
          }
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

for (const [backend, open] of [
  ['SQLite', async () => new SqliteStoryStore(tempDb())],
  ['PostgreSQL', async (t: Parameters<typeof testSchema>[0]) => PostgresStoryStore.onPool((await testSchema(t)).open())],
] as const) {
  test(`${backend}: an article another writer stored between the look-up and the insert counts as already stored`, { skip: backend === 'PostgreSQL' ? skip : false }, async (t) => {
    const store = await open(t);
    try {
      const [doc] = await documentsOf([SEEDS_DIR]);
      const first = emptySummary();
      await ingestDocument(doc!, store, first);
      assert.equal(first.added, 1);
      const second = emptySummary();
      await ingestDocument(doc!, blindToStoredIdentities(store), second);
      assert.deepEqual([second.added, second.duplicates, second.failed.length], [0, 1, 0]);
      assert.equal((await store.listArticles()).length, 1);
    } finally {
      await store.close();
    }
  });
}

test('PostgreSQL: a placement the server rolled back to break a deadlock runs again, and the article is stored once', { skip }, async (t) => {
  const store = await PostgresStoryStore.onPool((await testSchema(t)).open());
  const [doc] = await documentsOf([SEEDS_DIR]);
  let deadlocks = 1;
  const unlucky = new Proxy(store, {
    get(target, key) {
      const value = (Reflect.get(target, key) as Function).bind(target);
      if (key !== 'addArticle') return value;
      return async (...args: unknown[]) => {
        await value(...args);
        // As if the server chose this transaction as a deadlock's victim after the write.
        if (deadlocks-- > 0) throw Object.assign(new Error('deadlock detected'), { code: '40P01', severity: 'ERROR' });
      };
    },
  });
  const summary = emptySummary();
  await ingestDocument(doc!, unlucky, summary);
  assert.deepEqual([summary.added, summary.duplicates, summary.failed.length], [1, 0, 0]);
  assert.equal((await store.listArticles()).length, 1);
  assert.equal((await store.corpusStats()).articleCount, 1, 'the rolled-back run left nothing in the statistics');
  await store.close();
});

test('two workers on overlapping inputs store every article once, each in a story', { skip }, async (t) => {
  const schema = await testSchema(t);
  const seeds = await documentsOf([SEEDS_DIR]);
  const distractors = await documentsOf([writeDistractorJsonl(16).path]);
  const docs = [...seeds, ...distractors];
  const queues = [new JobQueue(schema.open()), new JobQueue(schema.open())];
  await migratePostgres(schema.open());
  // Two runs of the same documents, interleaved: each document is queued twice.
  await queues[0]!.enqueue('r1', docs);
  await queues[0]!.enqueue('r2', [...docs].reverse());
  const stores = [await PostgresStoryStore.onPool(schema.open()), await PostgresStoryStore.onPool(schema.open())];
  const done = await Promise.all([0, 1].map((i) => runWorker(queues[i]!, stores[i]!, { id: `w${i}`, exitWhenIdle: true, pollMs: 20 })));
  assert.equal(done[0]! + done[1]!, docs.length * 2);
  assert.ok(done[0]! > 0 && done[1]! > 0, `both workers worked: ${done.join(', ')}`);

  const pool = schema.open();
  const rows = await articleRows(pool);
  assert.equal(rows.length, docs.length, 'every document stored once');
  assert.equal(new Set(rows.map((r) => r.content_hash)).size, rows.length);
  assert.ok(rows.every((r) => r.story !== null), 'each in a story that exists');
  const counts = [await queues[0]!.counts('r1'), await queues[0]!.counts('r2')];
  assert.equal(counts.reduce((n, c) => n + c.added + c.duplicates, 0), docs.length * 2);
  assert.equal(counts.reduce((n, c) => n + c.added, 0), docs.length);
  const untitled = (await stores[0]!.listStorySummaries()).filter((s) => s.title === null);
  assert.deepEqual(untitled, [], 'every story titled by the workers');
  await Promise.all([...stores.map((s) => s.close()), ...queues.map((q) => q.close())]);
});

test('two processes placing two related articles at the same moment open one story, as one process does (and two without the locks)', { skip }, async (t) => {
  const [first, second] = await documentsOf([SEEDS_DIR]);
  const stories = async (mode: 'one process' | 'two at once' | 'two without locks') => {
    const schema = await testSchema(t);
    const a = await PostgresStoryStore.onPool(schema.open());
    const b = await PostgresStoryStore.onPool(schema.open());
    // The control: what two writers do when nothing serialises their placements.
    const unlocked = (store: StoryStore) =>
      new Proxy(store, { get: (s, k) => (k === 'withPlacement' ? (_keys: string[], work: () => Promise<unknown>) => work() : (Reflect.get(s, k) as Function).bind(s)) });
    try {
      if (mode === 'one process') {
        await ingestDocument(first!, a, emptySummary());
        await ingestDocument(second!, a, emptySummary());
      } else {
        const [x, y] = mode === 'two at once' ? [a, b] : [unlocked(a), unlocked(b)];
        await Promise.all([ingestDocument(first!, x, emptySummary()), ingestDocument(second!, y, emptySummary())]);
      }
      return new Set((await a.listArticles()).map((x) => x.storyId)).size;
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  };
  assert.equal(await stories('one process'), 1);
  assert.equal(await stories('two at once'), 1);
  assert.equal(await stories('two without locks'), 2, 'the race the locks prevent');
});

test('a worker killed mid-run loses nothing: its leased jobs go to the next worker, every document is stored once', { skip }, async (t) => {
  const schema = await testSchema(t);
  const db = schemaUrl(schema);
  const pool = schema.open();
  await migratePostgres(pool);
  const docs = await documentsOf([writeDistractorJsonl(40).path]);
  const queue = new JobQueue(pool);
  await queue.enqueue('r1', docs);

  const first = worker(db, '--id', 'doomed', '--lease', '2');
  const holding = async () => (await pool.query("SELECT count(*) AS n FROM ingest_jobs WHERE locked_by = 'doomed' AND state = 'running'")).rows[0].n as number;
  // Killed mid-run: some documents stored, some jobs leased and not finished.
  const started = Date.now();
  while (((await queue.counts('r1')).added < 5 || (await holding()) === 0) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 50));
  first.child.kill('SIGKILL');
  assert.equal(await first.exited, null, 'killed');
  const held = await holding();
  assert.ok(held > 0, 'it died holding leased jobs');

  const second = worker(db, '--id', 'heir', '--lease', '2', '--exit-when-idle');
  assert.equal(await second.exited, 0);
  const counts = await queue.counts('r1');
  assert.deepEqual([counts.queued, counts.running, counts.failed], [0, 0, 0]);
  assert.equal(counts.added + counts.duplicates, docs.length);
  const rows = await articleRows(pool);
  assert.equal(rows.length, docs.length, 'every document stored');
  assert.equal(new Set(rows.map((r) => r.content_hash)).size, rows.length, 'once');
  const reclaimed = (await pool.query("SELECT count(*) AS n FROM ingest_jobs WHERE attempts > 1 AND locked_by IS NULL AND state = 'done'")).rows[0].n as number;
  assert.ok(reclaimed >= held, `the dead worker's ${held} jobs were claimed again (${reclaimed})`);
});

test('ingest --workers 2 clusters labelled news as one SQLite process does (pairwise F1 within 0.03)', { skip }, async (t) => {
  const schema = await testSchema(t);
  const items = readClusteringItems(GIVEME);
  const file = join(tempDir(), 'giveme.jsonl');
  const byDate = [...items].sort((a, b) => a.date.localeCompare(b.date));
  writeFileSync(file, byDate.map((i) => JSON.stringify({ id: i.id, title: i.title, text: i.text, published: i.date, language: i.lang })).join('\n'));

  const result = await runMain(['ingest', file, '--workers', '2', '--db', schemaUrl(schema)]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout.trim().split('\n').at(-1)!, new RegExp(`^added ${items.length}( \\(\\d+ of them copies of stored articles\\))?, skipped 0 already stored, failed 0$`));

  const store = await PostgresStoryStore.onPool(schema.open());
  const storyOf = new Map<string, string>();
  for (const a of await store.listArticles()) storyOf.set(a.suppliedId!, (await store.resolveStoryId(a.storyId!)) ?? a.storyId!);
  await store.close();
  const workers = scoreRows(items.map((item) => ({ item, gold: item.cluster, found: storyOf.get(item.id) ?? `missing:${item.id}` })));
  const { rows } = await clusterAnalysed(await analyseItems(GIVEME, items));
  const single = scoreRows(rows);
  assert.ok(Math.abs(workers.pairwise_f1 - single.pairwise_f1) <= 0.03, `2 workers ${workers.pairwise_f1.toFixed(3)}, one SQLite process ${single.pairwise_f1.toFixed(3)}`);
});

test('ingest --workers and worker need PostgreSQL: a SQLite file, a bad count or --embeddings are usage errors', async () => {
  const db = tempDb();
  const onSqlite = await runMain(['ingest', SEEDS_DIR, '--workers', '2', '--db', db]);
  assert.equal(onSqlite.code, 2);
  assert.match(onSqlite.stderr, /--workers needs a PostgreSQL database .*SQLite file/);
  const worker = await runMain(['worker', '--db', db]);
  assert.equal(worker.code, 2);
  assert.match(worker.stderr, /worker needs a PostgreSQL database/);
  for (const count of ['0', '2.5', 'two']) assert.equal((await runMain(['ingest', SEEDS_DIR, '--workers', count, '--db', db])).code, 2, count);
  const embeddings = await runMain(['ingest', SEEDS_DIR, '--workers', '2', '--embeddings', tempDir(), '--db', 'postgres://u@127.0.0.1:1/x']);
  assert.equal(embeddings.code, 2);
  assert.match(embeddings.stderr, /--embeddings does not work with --workers/);
});
