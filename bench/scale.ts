// Storyline at scale, on either backend: builds a store of N synthetic articles (bench/synthetic-news.ts)
// through the ingest (ingestPaths over files of 1,000 documents, so the cost of each thousand is timed),
// then times the reads a reader makes through app.request(): the story list's first and fifth pages, a
// word search, a language filter and story pages (stories of the first five pages, as a reader opens
// them), each alone (p50/p99 of REQUESTS) and under 20 concurrent clients.
//
//   node --import tsx bench/scale.ts 100000                              # SQLite, a temporary file
//   node --import tsx bench/scale.ts 100000 postgres://user:pw@host/db    # PostgreSQL, a fresh schema (dropped after)
//
// SCALE_REQUESTS: requests per kind (default 50). Writes bench/results/scale-<backend>-<N>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { createApp } from '../src/api/index.js';
import { openStore } from '../src/main.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { syntheticNews } from './synthetic-news.js';

const ROOT = resolve(import.meta.dirname, '..');
const PAIRS = resolve(ROOT, '..', 'shared', 'data', 'clustering', 'semeval2022-task8-pairs-dev', 'pairs.jsonl');
const N = Number(process.argv[2] ?? 20000);
const PG_URL = process.argv[3];
const BACKEND = PG_URL ? 'postgres' : 'sqlite';
const OUT = join(ROOT, 'bench', 'results', `scale-${BACKEND}-${N}.json`);
const REQUESTS = Number(process.env.SCALE_REQUESTS ?? 50);
const CLIENTS = 20;
const FILE_SIZE = 1000;

const round = (x: number) => Math.round(x * 100) / 100;
const log = (m: string) => process.stderr.write(`${m}\n`);

// The input: files of 1,000 documents, named in ingest order.
const dir = mkdtempSync(join(tmpdir(), 'storyline-scale-'));
const inputs = join(dir, 'inputs');
mkdirSync(inputs);
{
  let lines: string[] = [];
  let file = 0;
  for (const doc of syntheticNews(PAIRS, N)) {
    // Sixty made-up outlets, spread by article number, so that outlet counts, the outlets sort and the
    // outlet filter have something to work on (the synthetic texts name none).
    lines.push(JSON.stringify({ id: doc.hints.id, title: doc.hints.title, text: doc.body, date: doc.hints.published, lang: doc.hints.language, source: `Outlet ${(Number(doc.hints.id!.slice(4)) * 7919) % 60}` }));
    if (lines.length === FILE_SIZE) {
      writeFileSync(join(inputs, `${String(file++).padStart(4, '0')}.jsonl`), `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) writeFileSync(join(inputs, `${String(file).padStart(4, '0')}.jsonl`), `${lines.join('\n')}\n`);
}

// The store: a temporary SQLite file, or a fresh schema of the PostgreSQL database.
const schema = `scale_${process.pid}`;
let db = join(dir, 'scale.db');
if (PG_URL) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  db = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}
const store = await openStore(db);

log(`${BACKEND}: ingesting ${N} articles`);
const began = process.hrtime.bigint();
let last = began;
const msPerArticle: number[] = [];
const summary = await ingestPaths([inputs], store, {
  progress: {
    onFile: (_file, done) => {
      const now = process.hrtime.bigint();
      msPerArticle.push(Number(now - last) / 1e6 / FILE_SIZE);
      last = now;
      if (done % 10 === 0) log(`${done * FILE_SIZE} articles, ${msPerArticle.at(-1)!.toFixed(2)} ms per article in the last thousand`);
    },
  },
});
const buildSeconds = Number(process.hrtime.bigint() - began) / 1e9;
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

const app = createApp({ store });

interface StoryPage {
  stories: Array<{ id: string; title: string; languages: string[] }>;
  nextCursor: string | null;
}

async function timed(path: string): Promise<{ ms: number; body: unknown }> {
  const t0 = process.hrtime.bigint();
  const res = await app.request(path);
  const body = (await res.json()) as unknown;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, body };
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { requests: ms.length, p50_ms: round(at(50)), p99_ms: round(at(99)), max_ms: round(sorted.at(-1)!) };
}

/** Each path in turn, REQUESTS times: one reader alone. */
async function alone(paths: string[]) {
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) ms.push((await timed(paths[i % paths.length]!)).ms);
  return stats(ms);
}

/** 20 readers at once, each asking REQUESTS / 2 times: what one request waits with 19 others in flight. */
async function concurrent(paths: string[]) {
  const ms: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < Math.max(1, Math.floor(REQUESTS / 2)); i++) ms.push((await timed(paths[(c + i * CLIENTS) % paths.length]!)).ms);
    }),
  );
  return { clients: CLIENTS, ...stats(ms) };
}

// What a reader asks for: the pages of the list, a word of a listed title, a language of a listed
// story, the stories of the first five pages.
const pages: StoryPage[] = [(await timed('/api/stories?limit=20')).body as StoryPage];
while (pages.length < 5 && pages.at(-1)!.nextCursor) pages.push((await timed(`/api/stories?limit=20&cursor=${pages.at(-1)!.nextCursor}`)).body as StoryPage);
const listed = pages.flatMap((p) => p.stories);
const word = listed[0]!.title.split(/\s+/).find((w) => w.length > 4) ?? 'the';
const language = listed.flatMap((s) => s.languages).find((l) => l !== 'en') ?? 'en';
const kinds: Record<string, string[]> = {
  list_page_1: ['/api/stories?limit=20'],
  list_page_5: [`/api/stories?limit=20&cursor=${pages.at(-2)?.nextCursor ?? ''}`],
  word_search: [`/api/stories?limit=20&q=${encodeURIComponent(word)}`],
  language_filter: [`/api/stories?limit=20&lang=${language}`],
  story_page: listed.map((s) => `/api/stories/${s.id}`),
  // The triage list (issue 20): each sort's first page, an outlet filter, and the filter lists.
  sort_size: ['/api/stories?limit=20&sort=size'],
  sort_outlets: ['/api/stories?limit=20&sort=outlets'],
  sort_growth: ['/api/stories?limit=20&sort=growth'],
  outlet_filter: ['/api/stories?limit=20&outlet=Outlet%207'],
  min_size_filter: ['/api/stories?limit=20&min=50'],
  languages_list: ['/api/languages'],
  outlets_list: ['/api/outlets?limit=50'],
};
const latency: Record<string, unknown> = {};
for (const [kind, paths] of Object.entries(kinds)) {
  latency[kind] = { alone: await alone(paths), concurrent: await concurrent(paths) };
  log(`${kind}: ${JSON.stringify(latency[kind])}`);
}
const storySizes = await Promise.all(listed.map(async (s) => (await store.storyArticles(s.id)).length));

const thousand = (i: number) => round(msPerArticle[i] ?? Number.NaN);
const results = {
  date: new Date().toISOString(),
  node: process.version,
  backend: BACKEND,
  articles: N,
  added: summary.added,
  copies: summary.copies,
  failed: summary.failed.length,
  stories: (await store.listStoryIds()).length,
  build_seconds: round(buildSeconds),
  articles_per_second: round(N / buildSeconds),
  // Ingest cost per article in the first, tenth, and last thousand: flat means bounded work per article.
  ingest_ms_per_article: { first_1k: thousand(0), at_10k: thousand(9), at_50k: thousand(49), last_1k: thousand(msPerArticle.length - 1), per_thousand: msPerArticle.map(round) },
  peak_rss_mb: peakRssMb,
  search_word: word,
  language,
  opened_story_sizes: { min: Math.min(...storySizes), median: [...storySizes].sort((a, b) => a - b)[storySizes.length >> 1], max: Math.max(...storySizes) },
  latency,
};
await store.close();
if (PG_URL) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify({ ...results, ingest_ms_per_article: { ...results.ingest_ms_per_article, per_thousand: undefined } })}\n`);
