// A database that fails mid-ingest stops the run with a StoreError (not a list of "bad inputs"),
// keeps what was committed, and a re-run completes the ingest without duplicates.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type Database from 'better-sqlite3';
import { main, EXIT_STORE } from '../src/cli/main.js';
import { StoreError } from '../src/domain/index.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { SEEDS_DIR, tempDb, tempDir } from './helpers/cli.js';

/** The store's own connection, to make its writes fail the way a read-only or failing disk does. */
const connectionOf = (store: SqliteStoryStore) => (store as unknown as { db: Database.Database }).db;

test('a store that refuses writes stops the ingest; what was stored stays and a re-run completes it', async () => {
  const seeds = tempDir();
  cpSync(SEEDS_DIR, seeds, { recursive: true });
  const db = tempDb();
  const store = new SqliteStoryStore(db);
  assert.equal((await ingestPaths([join(seeds, '000_a88764cd02088529.txt')], store)).added, 1);

  connectionOf(store).pragma('query_only = ON');
  await assert.rejects(ingestPaths([seeds], store), (err: unknown) => {
    assert.ok(err instanceof StoreError, `expected a StoreError, got ${String(err)}`);
    assert.equal(err.retryable, false);
    assert.match(err.message, /SQLITE_READONLY/);
    return true;
  });
  await store.close();

  const reopened = new SqliteStoryStore(db);
  assert.equal((await reopened.listArticles()).length, 1, 'the article committed before the failure is still there');
  const rerun = await ingestPaths([seeds], reopened);
  assert.equal(rerun.failed.length, 0);
  assert.equal((await reopened.listArticles()).length, 5, 'the re-run adds the other four seeds, and the first not again');
  assert.equal((await reopened.listStoryIds()).length, 1);
  await reopened.close();
});

test('a database that cannot be opened is exit 3 with its path and what to do, not "bad input"', async () => {
  const notAFile = join(tempDir(), 'a-directory.db');
  mkdirSync(notAFile);
  let stderr = '';
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  try {
    assert.equal(await main(['stories', '--db', notAFile]), EXIT_STORE);
  } finally {
    process.stderr.write = write;
  }
  assert.match(stderr, new RegExp(`${notAFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot open the database`));
  assert.match(stderr, /what was stored before stays stored/);
});
