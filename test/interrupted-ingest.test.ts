// A kill in the middle of an ingest leaves a consistent database; re-running completes it without duplicates.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { REPO_ROOT, runCli, tempDb } from './helpers/cli.js';
import { writeDistractorJsonl } from './helpers/distractors.js';

function dbState(db: string) {
  const conn = new Database(db, { readonly: true });
  try {
    return {
      integrity: conn.pragma('integrity_check', { simple: true }),
      articles: conn.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number,
      distinctHashes: conn.prepare('SELECT COUNT(DISTINCT content_hash) FROM articles').pluck().get() as number,
      orphans: conn.prepare('SELECT COUNT(*) FROM articles WHERE story_id IS NULL OR story_id NOT IN (SELECT id FROM stories)').pluck().get() as number,
      danglingEntities: conn.prepare('SELECT COUNT(*) FROM article_entities WHERE article_id NOT IN (SELECT id FROM articles)').pluck().get() as number,
    };
  } finally {
    conn.close();
  }
}

test('SIGKILL mid-ingest, then re-run: consistent and complete, no duplicates', async () => {
  const { path, count } = writeDistractorJsonl(700);
  const db = tempDb();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'storyline.mjs'), 'ingest', path, '--db', db], {
    env: { ...process.env, CI: '1' },
    stdio: 'ignore',
  });
  // Kill once some articles are committed but well before the end.
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      if (dbState(db).articles >= 20) break;
    } catch {
      // The database file may not exist yet.
    }
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));

  const partial = dbState(db);
  assert.equal(partial.integrity, 'ok');
  assert.ok(partial.articles >= 20 && partial.articles < count, `partial ingest stored ${partial.articles} of ${count}`);
  assert.equal(partial.orphans, 0);
  assert.equal(partial.danglingEntities, 0);

  const rerun = runCli(['ingest', path, '--db', db]);
  assert.equal(rerun.code, 0, rerun.stderr);
  const done = dbState(db);
  // The sample holds a few syndicated copies: the summary may count some among the added.
  assert.match(rerun.stdout.trim(), new RegExp(`^added ${done.articles - partial.articles}( \\(\\d+ of them cop(y|ies) of stored articles\\))?, skipped ${partial.articles} already stored, failed 0$`));
  assert.equal(done.articles, done.distinctHashes);
  assert.equal(done.orphans, 0);
  // Every distinct text is stored exactly once (the sample has no exact duplicates left after filtering).
  assert.equal(done.articles, count);
});
