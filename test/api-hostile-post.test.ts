// A hostile post is analysed off the request thread: the server keeps answering meanwhile, and a
// full analysis pool answers 503 with Retry-After instead of queueing without end.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { startServer } from '../src/api/index.js';
import { AnalysisPool, type AnalysisPoolOptions } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { tempDb } from './helpers/cli.js';

/** The audit's post: 3 MB of unclosed tags around one sentence. */
const MILLION_TAGS = JSON.stringify({ html: `<html><body><p>The ministers met in Brussels on Monday to agree the budget.</p>${'<b>'.repeat(1_000_000)}</body></html>` });
/** A 1.8 MB single paragraph of sentences (the audit's size, under the 2-million-character limit for one article). */
const HUGE_PARAGRAPH = JSON.stringify({ text: 'The council met again on Monday and the minister said the plan would go ahead. '.repeat(22_500) });

async function timed(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

test('/api/health answers in under a second while hostile posts are analysed, and each post ends stored or refused with a reason', { timeout: 180_000 }, async () => {
  const store = new SqliteStoryStore(tempDb());
  const server = await startServer({ store, host: '127.0.0.1', port: 0 });
  try {
    const post = (body: string) =>
      fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown>, at: performance.now() }));
    const posts = Promise.all([post(MILLION_TAGS), post(HUGE_PARAGRAPH)]);
    let postsDone = false;
    void posts.then(() => (postsDone = true));
    const health: Array<{ status: number; ms: number }> = [];
    // Health checks while the posts are in analysis (and at least three of them).
    while (!postsDone || health.length < 3) {
      health.push(await timed(`${server.url}/api/health`));
      await new Promise((r) => setTimeout(r, 100));
    }
    const results = await posts;
    for (const h of health) assert.equal(h.status, 200);
    // The bound: the request thread is never the one analysing.
    const slowest = Math.max(...health.map((h) => h.ms));
    assert.ok(slowest < 1000, `slowest health answer ${Math.round(slowest)} ms`);
    for (const r of results) {
      assert.ok([200, 201, 422].includes(r.status), `status ${r.status}: ${JSON.stringify(r.body)}`);
      if (r.status === 422) assert.match(JSON.stringify(r.body), /"message":".+"/);
    }
  } finally {
    await server.close();
    await store.close();
  }
});

/** A server over a new database whose posts go to an analysis pool with these limits; all closed after `run`. */
async function withPoolServer(limits: Omit<AnalysisPoolOptions, 'workers'>, run: (post: () => Promise<Response>, store: SqliteStoryStore) => Promise<void>): Promise<void> {
  const store = new SqliteStoryStore(tempDb());
  const pool = new AnalysisPool({ workers: 1, ...limits });
  const server = await startServer({ store, host: '127.0.0.1', port: 0, analyzeAll: (docs) => pool.analyzeAll(docs) });
  try {
    await run(() => fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: HUGE_PARAGRAPH }), store);
  } finally {
    await server.close();
    await pool.close();
    await store.close();
  }
}

test('a post over the analysis time budget is refused with 422 naming the budget, and nothing is stored', { timeout: 120_000 }, async () => {
  await withPoolServer({ maxRequests: 4, timeoutMs: 1 }, async (post, store) => {
    const res = await post();
    assert.equal(res.status, 422);
    assert.match(await res.text(), /analysis took longer than 0\.001 s/);
    assert.equal((await store.listArticles()).length, 0);
  });
});

test('posts beyond the analysis pool\'s admitted requests get 503 with Retry-After, the others are served', { timeout: 120_000 }, async () => {
  await withPoolServer({ maxRequests: 1, timeoutMs: 60_000 }, async (post) => {
    const responses = await Promise.all([post(), post(), post()]);
    const statuses = responses.map((r) => r.status).sort();
    const busy = responses.filter((r) => r.status === 503);
    assert.ok(busy.length >= 1 && busy.length <= 2, `statuses ${statuses.join(', ')}`);
    for (const r of busy) assert.ok(Number(r.headers.get('retry-after')) >= 1);
    assert.ok(responses.some((r) => r.status === 201 || r.status === 200), `statuses ${statuses.join(', ')}`);
  });
});
