// `storyline ingest` (a child process) and 150 API posts at the same time on one database: writers
// wait their turn (SQLite: BEGIN IMMEDIATE and a busy timeout; PostgreSQL: row and advisory locks),
// so no write fails, the CLI counts no good line as bad, and every article ends up stored once.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServer } from '../src/api/index.js';
import { openStore } from '../src/main.js';
import { REPO_ROOT, tempDb, tempDir } from './helpers/cli.js';
import { writeDistractorJsonl } from './helpers/distractors.js';
import { postgresSkipReason, testSchema } from './helpers/postgres.js';

const POSTS = 150;
const CLI_ARTICLES = 250;
const CLIENTS = 10;

function runIngest(db: string, path: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'storyline.mjs'), 'ingest', path, '--db', db, '--quiet'], { env: { ...process.env, CI: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

async function ingestBesidePosts(db: string): Promise<void> {
  const { path } = writeDistractorJsonl(CLI_ARTICLES + POSTS);
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  assert.equal(lines.length, CLI_ARTICLES + POSTS, 'the shared sample has enough distinct articles');
  const cliFile = join(tempDir(), 'cli.jsonl');
  writeFileSync(cliFile, `${lines.slice(0, CLI_ARTICLES).join('\n')}\n`);
  const posted = lines.slice(CLI_ARTICLES);

  const store = await openStore(db);
  const server = await startServer({ store, host: '127.0.0.1', port: 0 });
  try {
    const cli = runIngest(db, cliFile);
    const statuses: number[] = [];
    let next = 0;
    const client = async () => {
      while (next < posted.length) {
        const body = posted[next++]!;
        const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        statuses.push(res.status);
        if (res.status >= 300) assert.fail(`POST answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const ingest = await cli;
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stdout, new RegExp(`^added ${CLI_ARTICLES}( \\(.*\\))?, skipped 0 already stored, failed 0$`, 'm'));
    assert.equal(statuses.length, POSTS);
    assert.ok(statuses.every((s) => s === 201), `statuses: ${[...new Set(statuses)].join(', ')}`);
    const stored = await store.listArticles();
    assert.equal(stored.length, CLI_ARTICLES + POSTS);
    assert.equal(new Set(stored.map((a) => a.id)).size, stored.length);
    const stories = new Set(await store.listStoryIds());
    assert.ok(stored.every((a) => a.storyId !== null && stories.has(a.storyId)), 'every article in an existing story');
  } finally {
    await server.close();
    await store.close();
  }
}

test('a CLI ingest and 150 API posts at once on one SQLite file: no failed write, everything stored once', { timeout: 600_000 }, async () => {
  await ingestBesidePosts(tempDb());
});

const skip = await postgresSkipReason();

test('a CLI ingest and 150 API posts at once on PostgreSQL: no failed write, everything stored once', { skip, timeout: 600_000 }, async (t) => {
  const { name } = await testSchema(t);
  const url = process.env.STORYLINE_TEST_PG_URL!;
  await ingestBesidePosts(`${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${name}`)}`);
});
