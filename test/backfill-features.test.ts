// A database written before comparison features were stored: the next ingest backfills them, and
// its articles are candidates again (a new seed joins the story the old ones form).
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { SEEDS_DIR, tempDb } from './helpers/cli.js';

test('articles stored without features get them at the next ingest and are found as candidates', async () => {
  const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
  const first = mkdtempSync(join(tmpdir(), 'storyline-old-'));
  for (const f of seeds.slice(0, 4)) cpSync(join(SEEDS_DIR, f), join(first, f));
  const db = tempDb();
  let store = new SqliteStoryStore(db);
  assert.equal((await ingestPaths([first], store)).added, 4);
  await store.close();
  // As an older release left it.
  const raw = new Database(db);
  raw.exec('UPDATE articles SET features = NULL');
  raw.close();

  const last = mkdtempSync(join(tmpdir(), 'storyline-new-'));
  cpSync(join(SEEDS_DIR, seeds[4]!), join(last, seeds[4]!));
  store = new SqliteStoryStore(db);
  assert.equal((await ingestPaths([last], store)).added, 1);
  assert.equal((await store.articlesWithoutFeatures(10)).length, 0);
  assert.deepEqual((await store.listStoryIds()).length, 1, 'the fifth seed joined the story of the first four');
  await store.close();
});
