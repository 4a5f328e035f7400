// Two `storyline ingest` processes on one SQLite file at once, on the same inputs in opposite orders:
// they take turns per batch (the file's write lock), and every article ends up stored once, in a story.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { REPO_ROOT, tempDb } from './helpers/cli.js';
import { writeDistractorJsonl } from './helpers/distractors.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';

const STORIES = join(REPO_ROOT, 'test', 'fixtures', 'clustering', 'stories.jsonl');

function ingest(db: string, paths: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'storyline.mjs'), 'ingest', ...paths, '--db', db, '--quiet'], { env: { ...process.env, CI: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const summaryOf = (stdout: string) => {
  const m = /^added (\d+).*, skipped (\d+) already stored, failed (\d+)$/m.exec(stdout);
  assert.ok(m, `summary line in: ${stdout}`);
  return { added: Number(m[1]), skipped: Number(m[2]), failed: Number(m[3]) };
};

test('two ingests on one SQLite file at once, overlapping inputs: every article once, each in a story', async () => {
  const { path: distractors, count } = writeDistractorJsonl(250);
  const db = tempDb();
  const [a, b] = await Promise.all([ingest(db, [STORIES, distractors]), ingest(db, [distractors, STORIES])]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  const [sa, sb] = [summaryOf(a.stdout), summaryOf(b.stdout)];
  const conn = new Database(db, { readonly: true });
  try {
    const articles = conn.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
    assert.ok(articles >= count + 100, `${articles} articles stored of ${count} + the fixture's`);
    assert.equal(conn.prepare('SELECT COUNT(DISTINCT content_hash) FROM articles').pluck().get(), articles);
    assert.equal(conn.prepare('SELECT COUNT(*) FROM articles WHERE story_id IS NULL OR story_id NOT IN (SELECT id FROM stories)').pluck().get(), 0);
    // What one stored, the other skipped as already stored.
    assert.equal(sa.added + sb.added, articles);
    assert.equal(sa.skipped + sb.skipped, articles);
    assert.deepEqual([sa.failed, sb.failed], [0, 0]);
    // Both processes wrote: the turns interleaved rather than one running after the other.
    assert.ok(sa.added > 0 && sb.added > 0, `added ${sa.added} and ${sb.added}`);
  } finally {
    conn.close();
  }
});

test('a process that opens a new file while another migrates it waits, then finds the migrations applied', async () => {
  const db = tempDb();
  // This connection stands for the first process, caught in the middle of migrating.
  const first = new Database(db);
  first.pragma('journal_mode = WAL');
  first.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  first.exec('BEGIN IMMEDIATE');
  const second = new Promise<{ code: number | null; stderr: string }>((resolvePromise) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'storyline.mjs'), 'stories', '--db', db], { env: { ...process.env, CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolvePromise({ code, stderr }));
  });
  // Time for the second process to start, read the (empty) versions and wait on the lock.
  await new Promise((r) => setTimeout(r, 2500));
  for (const m of MIGRATIONS) {
    first.exec(m.sql);
    first.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
  }
  first.exec('COMMIT');
  first.close();
  const { code, stderr } = await second;
  assert.equal(code, 0, stderr);
});
