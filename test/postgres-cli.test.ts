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
