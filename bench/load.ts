// A bounded loopback load test: `storyline serve` in its own process over a store of real articles,
// 20 clients for 60 s (BENCH_LOAD_CLIENTS, BENCH_LOAD_SECONDS) sending a mix of reads and posts.
// Prints JSON: per endpoint the requests, the errors (5xx, unexpected 4xx, refused connections) and
// latency p50/p99/max in ms. `npm run bench` runs it; alone it also writes bench/results/load.json.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { writeDistractorJsonl } from '../test/helpers/distractors.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const PRELOADED = 400;

interface Endpoint {
  name: string;
  weight: number;
  /** The request to send; `ok` lists the statuses that are not errors. */
  request(): { path: string; init?: RequestInit; ok: number[] };
}

interface Tally {
  latencies: number[];
  errors: number;
  statuses: Record<string, number>;
}

const dir = mkdtempSync(join(tmpdir(), 'storyline-load-'));
const db = join(dir, 'load.db');
const { path: sample } = writeDistractorJsonl(PRELOADED + 2000);
const lines = readFileSync(sample, 'utf8').trim().split('\n');
const preload = join(dir, 'preload.jsonl');
writeFileSync(preload, `${lines.slice(0, PRELOADED).join('\n')}\n`);
const toPost = lines.slice(PRELOADED);

const store = new SqliteStoryStore(db);
await ingestPaths([join(ROOT, 'examples', 'seeds'), preload], store);
const storyIds = await store.listStoryIds();
const articleIds = (await store.listArticles()).map((a) => a.id);
const words = ['Putin', 'election', 'government', 'police', 'minister', 'Trump', 'climate', 'court'];
await store.close();

const server = await startServe(db);
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
let posted = 0;
const endpoints: Endpoint[] = [
  { name: 'GET /api/stories', weight: 20, request: () => ({ path: '/api/stories', ok: [200] }) },
  { name: 'GET /api/stories?q=', weight: 10, request: () => ({ path: `/api/stories?q=${encodeURIComponent(pick(words))}`, ok: [200] }) },
  { name: 'GET /api/stories/:id', weight: 15, request: () => ({ path: `/api/stories/${pick(storyIds)}`, ok: [200] }) },
  { name: 'GET /api/stories/:id/timeline', weight: 10, request: () => ({ path: `/api/stories/${pick(storyIds)}/timeline`, ok: [200] }) },
  { name: 'GET /api/timeline?q=', weight: 5, request: () => ({ path: `/api/timeline?q=${encodeURIComponent(pick(words))}&points=10`, ok: [200] }) },
  { name: 'GET /api/articles/:id', weight: 10, request: () => ({ path: `/api/articles/${pick(articleIds)}`, ok: [200] }) },
  { name: 'GET /api/health', weight: 10, request: () => ({ path: '/api/health', ok: [200] }) },
  {
    name: 'POST /api/articles',
    weight: 20,
    // Each post a new article while the sample lasts; after that, re-posts (answered 200, already stored).
    request: () => ({ path: '/api/articles', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: toPost[posted++ % toPost.length]! }, ok: [200, 201] }),
  },
];
const totalWeight = endpoints.reduce((n, e) => n + e.weight, 0);
const choose = (): Endpoint => {
  let r = Math.random() * totalWeight;
  for (const e of endpoints) if ((r -= e.weight) < 0) return e;
  return endpoints[0]!;
};

const tallies = new Map<string, Tally>(endpoints.map((e) => [e.name, { latencies: [], errors: 0, statuses: {} }]));
const stopAt = performance.now() + SECONDS * 1000;
async function client(): Promise<void> {
  while (performance.now() < stopAt) {
    const endpoint = choose();
    const { path, init, ok } = endpoint.request();
    const tally = tallies.get(endpoint.name)!;
    const started = performance.now();
    try {
      const res = await fetch(`${server.url}${path}`, init);
      await res.arrayBuffer();
      tally.latencies.push(performance.now() - started);
      tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
      if (!ok.includes(res.status)) tally.errors++;
    } catch {
      tally.errors++;
      tally.statuses.refused = (tally.statuses.refused ?? 0) + 1;
    }
  }
}
await Promise.all(Array.from({ length: CLIENTS }, client));
const serverExit = await server.stop();
rmSync(dir, { recursive: true, force: true });

const percentile = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!) : null);
const perEndpoint = Object.fromEntries(
  [...tallies].map(([name, t]) => {
    const sorted = [...t.latencies].sort((a, b) => a - b);
    return [name, { requests: t.latencies.length + (t.statuses.refused ?? 0), errors: t.errors, statuses: t.statuses, p50_ms: percentile(sorted, 50), p99_ms: percentile(sorted, 99), max_ms: sorted.length ? Math.round(sorted.at(-1)!) : null }];
  }),
);
const result = {
  clients: CLIENTS,
  seconds: SECONDS,
  store: `SQLite, ${PRELOADED} articles of the SemEval sample and the 5 seeds preloaded`,
  new_articles_posted: Math.min(posted, toPost.length),
  requests: Object.values(perEndpoint).reduce((n, e) => n + e.requests, 0),
  errors: Object.values(perEndpoint).reduce((n, e) => n + e.errors, 0),
  server_exit_code: serverExit,
  per_endpoint: perEndpoint,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(join(ROOT, 'bench', 'results', 'load.json'), `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
}

/** `storyline serve` on a free loopback port, as a user runs it. */
function startServe(path: string): Promise<{ url: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'storyline.mjs'), 'serve', '--db', path, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /Serving Storyline at (\S+)/.exec(out);
      if (match) resolvePromise({ url: new URL(match[1]!).origin, stop: () => (child.kill('SIGTERM'), exited) });
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}
