// Errors by consequence on the command line: a read command on a missing database (usage error,
// nothing created), an unknown id (bad input, named), a token too short to use (usage error), and a
// database that fails (exit 3, never "bad input", the ingest summary of what was stored so far).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import Database from 'better-sqlite3';
import { EXIT_BAD_INPUT, EXIT_STORE, EXIT_USAGE } from '../src/cli/main.js';
import { StoreError } from '../src/domain/index.js';
import { emptySummary, ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { REPO_ROOT, runMain, SEEDS_DIR, tempDb, tempDir } from './helpers/cli.js';

const SUMMARY = /^added \d+, skipped \d+ already stored, failed \d+$/m;
const FIRST_SEED = '000_a88764cd02088529.txt';
/** A database holding the first seed article. */
let populated: string;

before(async () => {
  populated = tempDb();
  const store = new SqliteStoryStore(populated);
  assert.equal((await ingestPaths([join(SEEDS_DIR, FIRST_SEED)], store)).added, 1);
  await store.close();
});

test('a read command on a missing SQLite file fails with what to do, and creates nothing', async () => {
  const missing = join(tempDir(), 'mistyped.db');
  for (const args of [['stories'], ['story', 's1'], ['articles'], ['articles', '--story', 's1'], ['timeline', '--query', 'putin'], ['why', 'a1']]) {
    const r = await runMain([...args, '--db', missing]);
    assert.equal(r.code, EXIT_USAGE, args.join(' '));
    assert.match(r.stderr, new RegExp(`no database at ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: run \`storyline ingest`), args.join(' '));
    assert.equal(existsSync(missing), false, `${args.join(' ')} created the file`);
  }
  const fromEnv = await runMain(['stories'], { STORYLINE_DB: missing });
  assert.equal(fromEnv.code, EXIT_USAGE);
  assert.equal(existsSync(missing), false);
});

test('unknown ids exit 1 naming them, whatever the command', async () => {
  for (const [args, message] of [
    [['articles', '--story', 'nope'], /nope: no such story/],
    [['articles', '--story', 'nope', '--json'], /nope: no such story/],
    [['story', 'nope'], /nope: no such story/],
    [['timeline', '--story', 'nope'], /nope: no such story/],
    [['why', 'nope'], /nope: no such article/],
  ] as const) {
    const r = await runMain([...args, '--db', populated]);
    assert.equal(r.code, EXIT_BAD_INPUT, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
  }
  const storyId = JSON.parse((await runMain(['articles', '--json', '--db', populated])).stdout)[0].story;
  const known = await runMain(['articles', '--story', storyId, '--db', populated]);
  assert.equal(known.code, 0, known.stderr);
  assert.match(known.stdout, new RegExp(`story ${storyId}`));
});

/** The binary, stopped after `timeoutMs`: a command that should refuse to start must not serve for ever. */
function runBriefly(args: string[], env: Record<string, string> = {}, timeoutMs = 30_000) {
  return spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'storyline.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, CI: '1', ...env }, timeout: timeoutMs });
}

test('serve refuses a token under 16 characters (after trimming) from the flag or the environment, without printing it', () => {
  for (const [args, env, message] of [
    [['--token', ' '], {}, /--token: a token must be at least 16 characters/],
    [['--token', '   short-token   '], {}, /--token: a token must be at least 16 characters/],
    [[], { STORYLINE_TOKEN: 'hunter2' }, /\$STORYLINE_TOKEN: a token must be at least 16 characters/],
    [[], { STORYLINE_TOKEN: '     ' }, /\$STORYLINE_TOKEN: a token must be at least 16 characters/],
  ] as const) {
    const db = tempDb();
    const r = runBriefly(['serve', '--port', '0', ...args, '--db', db], env);
    assert.equal(r.status, EXIT_USAGE, JSON.stringify([args, env]));
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /hunter2|short-token/);
    assert.equal(existsSync(db), false, 'refused before the database is opened');
  }
});

test('ingest into a read-only database: exit 3, the database error named, and the summary of what was done', () => {
  const dir = tempDir();
  const db = join(dir, 'read-only.db');
  copyFileSync(populated, db);
  chmodSync(db, 0o444);
  chmodSync(dir, 0o777);
  // Root writes through file modes: the command runs as an unprivileged user then.
  const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'storyline.mjs'), 'ingest', SEEDS_DIR, '--db', db], { encoding: 'utf8', env: { ...process.env, CI: '1' }, timeout: 120_000, ...user });
  assert.equal(r.status, EXIT_STORE, r.stderr);
  assert.match(r.stdout, SUMMARY);
  assert.match(r.stdout, /^added 0, skipped 1 already stored, failed 0$/m, 'the stored seed is recognised before the first write fails');
  assert.match(r.stderr, /SQLITE_READONLY/);
  assert.doesNotMatch(r.stderr, /^error: /m, 'no file is reported as bad input');
});

test('a full disk stops the ingest with a StoreError; the summary counts what was committed, and no file failed', async () => {
  const seeds = tempDir();
  cpSync(SEEDS_DIR, seeds, { recursive: true });
  const db = tempDb();
  copyFileSync(populated, db);
  const store = new SqliteStoryStore(db);
  // The file may not grow by a page: the next write that needs one is SQLITE_FULL.
  const connection = (store as unknown as { db: Database.Database }).db;
  connection.pragma(`max_page_count = ${connection.pragma('page_count', { simple: true }) as number}`);
  const termCounts = () => connection.prepare('SELECT COALESCE(SUM(df), 0) FROM term_stats').pluck().get();
  const termsBefore = termCounts();
  const summary = emptySummary();
  await assert.rejects(ingestPaths([seeds], store, { summary }), (err: unknown) => {
    assert.ok(err instanceof StoreError, String(err));
    assert.equal(err.retryable, false);
    assert.match(err.message, /SQLITE_FULL/);
    return true;
  });
  assert.equal(termCounts(), termsBefore, 'no term counts of articles the database rolled back');
  await store.close();
  assert.equal(summary.failed.length, 0, 'a database error is never bad input');
  const reopened = new SqliteStoryStore(db);
  assert.equal((await reopened.listArticles()).length, 1 + summary.added, 'the summary counts exactly what was committed');
  await reopened.close();
});

test('a read command meeting a database error exits 3, not 1 (bad input)', async () => {
  const db = tempDb();
  copyFileSync(populated, db);
  const broken = new Database(db);
  broken.exec('DROP TABLE story_summaries');
  broken.close();
  const r = await runMain(['stories', '--db', db]);
  assert.equal(r.code, EXIT_STORE, r.stderr);
  assert.match(r.stderr, /database error \(SQLITE_ERROR\): no such table: story_summaries/);
});
