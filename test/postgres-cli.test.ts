// The CLI on PostgreSQL (`--db postgres://...`): the seeds make the same one story of five as on
// SQLite, the story reads back the same, and re-ingesting adds nothing. Skipped without a server.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { runMain, SEEDS_DIR, tempDb } from './helpers/cli.js';
import { postgresSkipReason, testSchema } from './helpers/postgres.js';

const skip = await postgresSkipReason();

/** The test server's URL, working in `schema` (libpq's options parameter sets the search path). */
function urlIn(schema: string): string {
  const url = process.env.STORYLINE_TEST_PG_URL!;
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

test('the seeds on PostgreSQL: one story of five, read back as on SQLite; a re-run adds nothing', { skip }, async (t) => {
  const db = urlIn((await testSchema(t)).name);
  const sqlite = tempDb();
  for (const target of [db, sqlite]) {
    const ingest = await runMain(['ingest', SEEDS_DIR, '--db', target, '--quiet']);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stdout, /^added 5, skipped 0 already stored, failed 0$/m);
  }
  const stories = async (target: string) => JSON.parse((await runMain(['stories', '--json', '--db', target])).stdout) as Array<{ id: string; articleCount: number }>;
  const [onPostgres, onSqlite] = [await stories(db), await stories(sqlite)];
  assert.deepEqual(onPostgres.map((s) => s.articleCount), [5]);
  assert.deepEqual(onPostgres, onSqlite);
  const story = async (target: string) => JSON.parse((await runMain(['story', onSqlite[0]!.id, '--json', '--db', target])).stdout);
  assert.deepEqual(await story(db), await story(sqlite));
  const again = await runMain(['ingest', SEEDS_DIR, '--db', db, '--quiet']);
  assert.match(again.stdout, /^added 0, skipped 5 already stored, failed 0$/m);
});

test('a PostgreSQL server that does not answer is exit 3, named without its password', async () => {
  const down = await runMain(['stories', '--db', 'postgres://someone:secret@127.0.0.1:1/nothing']);
  assert.equal(down.code, 3, down.stderr);
  assert.match(down.stderr, /postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nothing: cannot open the database/);
  assert.doesNotMatch(down.stderr, /secret/);
});

test('live news on PostgreSQL: feeds, watch --once twice, an alert and its matches', { skip }, async (t) => {
  const { startNewsSite, sitePage } = await import('./helpers/news-site.js');
  const site = await startNewsSite();
  try {
    site.feedPages.push(sitePage(1, '2024-06-18'), sitePage(2, '2024-06-19'));
    const db = urlIn((await testSchema(t)).name);
    const env = { STORYLINE_FETCH_DELAY_MS: '0' };
    assert.equal((await runMain(['feeds', 'add', `${site.url}/feed.xml`, '--db', db])).code, 0);
    const alert = await runMain(['alerts', 'add', '--query', 'glacier', '--db', db]);
    assert.equal(alert.code, 0, alert.stderr);
    const first = await runMain(['watch', '--once', '--interval', '1s', '--db', db, '--allow-private-network'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /2 items, 2 new, 2 stored/);
    site.feedPages.unshift(sitePage(4, '2024-06-21'));
    await new Promise((r) => setTimeout(r, 1100));
    const second = await runMain(['watch', '--once', '--db', db, '--allow-private-network'], env);
    assert.match(second.stderr, /3 items, 1 new, 1 stored/);
    assert.equal(site.hits('/news/1.html'), 1);
    const [listed] = JSON.parse((await runMain(['alerts', 'list', '--json', '--db', db])).stdout) as Array<{ matches: number }>;
    assert.equal(listed!.matches, 2, 'pages 1 and 4 are about the glacier');
  } finally {
    await site.close();
  }
});
