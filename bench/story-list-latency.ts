// Story list latency: builds a SQLite store of N synthetic articles through the ingest pipeline, then
// times GET /api/stories through app.request(): the first page, the fifth page (following cursors), a
// word search and a language filter, 50 requests each (p50/p99), and the first page under 20
// concurrent clients. Articles replay the SemEval-2022 sample (as bench/cluster-scaling.ts): each is
// a "topic" source's sentences, a random subset of them, with a sentence of another source of its
// language, dated by a clock that moves a day every 200 articles, so that reports of one topic
// form stories in several languages. Usage: STORY_LIST_N=20000 tsx bench/story-list-latency.ts
// STORY_LIST_REQUESTS: requests per kind (default 50). Writes bench/results/story-list-latency.json (or STORY_LIST_OUT).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createApp } from '../src/api/index.js';
import { readPairs } from '../src/eval/index.js';
import { BatchedWrites, emptySummary, ingestDocument } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const PAIRS = resolve(ROOT, '..', 'shared', 'data', 'clustering', 'semeval2022-task8-pairs-dev', 'pairs.jsonl');
const OUT = process.env.STORY_LIST_OUT ?? join(ROOT, 'bench', 'results', 'story-list-latency.json');
const N = Number(process.env.STORY_LIST_N ?? 20000);
const PER_DAY = 200;
/** Topics reported on at once: each article picks one of them. */
const ACTIVE_TOPICS = 60;
const REQUESTS = Number(process.env.STORY_LIST_REQUESTS ?? 50);
const CLIENTS = 20;
const SENTENCE_END = /(?<=[.!?。！？])\s+|(?<=[。！？])/u;

interface Source {
  lang: string;
  title: string;
  sentences: string[];
}

function sources(): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  const add = (lang: string, title: string, text: string) => {
    if (seen.has(text) || text.length < 400) return;
    seen.add(text);
    const sentences = text.split(SENTENCE_END).map((x) => x.trim()).filter(Boolean);
    if (sentences.length >= 5) out.push({ lang, title, sentences });
  };
  for (const p of readPairs(PAIRS)) {
    add(p.lang1, p.title1, p.text1);
    add(p.lang2, p.title2, p.text2);
  }
  return out;
}

let seed = 0x5eed;
/** A seeded linear congruential generator: the same synthetic set on every run. */
const random = (bound: number) => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % bound;
};

async function buildStore(path: string): Promise<{ seconds: number; added: number; copies: number }> {
  const all = sources();
  const byLang = new Map<string, Source[]>();
  for (const s of all) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s]);
  const store = new SqliteStoryStore(path);
  const summary = emptySummary();
  const batch = new BatchedWrites(store);
  const start = Date.parse('2024-01-01');
  const began = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    // The window of active topics slides through the sample as days pass.
    const topic = all[(Math.floor(i / PER_DAY) * 7 + random(ACTIVE_TOPICS)) % all.length]!;
    const peers = byLang.get(topic.lang)!;
    const kept = topic.sentences.filter(() => random(10) < 6);
    const other = peers[random(peers.length)]!.sentences;
    kept.splice(random(kept.length + 1), 0, other[random(other.length)]!);
    const day = new Date(start + Math.floor(i / PER_DAY) * 86_400_000).toISOString().slice(0, 10);
    await batch.next();
    await ingestDocument(
      { origin: `synthetic-${i}`, format: 'text', body: `${kept.join(' ')} (${i})`, hints: { id: `syn-${i}`, title: `${topic.title} (${i % 97})`, published: day, language: topic.lang } },
      store,
      summary,
    );
    if ((i + 1) % 2000 === 0) process.stderr.write(`${i + 1} articles\n`);
  }
  await batch.commit();
  await store.close();
  return { seconds: Number(process.hrtime.bigint() - began) / 1e9, added: summary.added, copies: summary.copies };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { requests: ms.length, p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1)!) };
}

const round = (x: number) => Math.round(x * 100) / 100;

const dir = mkdtempSync(join(tmpdir(), 'storyline-story-list-'));
const db = join(dir, 'list.db');
process.stderr.write(`building a store of ${N} articles\n`);
const built = await buildStore(db);
process.stderr.write(`built in ${built.seconds.toFixed(1)} s\n`);
const store = new SqliteStoryStore(db);
const app = createApp({ store });

async function timed(path: string): Promise<{ ms: number; body: { stories: Array<{ id: string; title: string; languages: string[] }>; nextCursor: string | null } }> {
  const t0 = process.hrtime.bigint();
  const res = await app.request(path);
  const body = (await res.json()) as never;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, body };
}

async function series(label: string, path: string) {
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    ms.push((await timed(path)).ms);
  }
  process.stderr.write(`${label}: ${JSON.stringify(stats(ms))}\n`);
  return stats(ms);
}

const first = await timed('/api/stories?limit=20');
// The cursor of page 4 is found once: page 5 is one request that carries it.
let cursor = first.body.nextCursor;
for (let page = 2; page < 5 && cursor; page++) cursor = (await timed(`/api/stories?limit=20&cursor=${cursor}`)).body.nextCursor;
// A word of a listed title and a language of a listed story, so that both select something.
const word = first.body.stories[0]!.title.split(/\s+/).find((w) => w.length > 4) ?? 'the';
const language = first.body.stories.flatMap((s) => s.languages).find((l) => l !== 'en') ?? 'en';

const results = {
  date: new Date().toISOString(),
  node: process.version,
  articles: N,
  added: built.added,
  copies: built.copies,
  stories: (await store.listStoryIds()).length,
  build_seconds: round(built.seconds),
  search_word: word,
  language,
  page_1: await series('page 1', '/api/stories?limit=20'),
  page_5: cursor ? await series('page 5', `/api/stories?limit=20&cursor=${cursor}`) : null,
  word_search: await series('word search', `/api/stories?limit=20&q=${encodeURIComponent(word)}`),
  language_filter: await series('language filter', `/api/stories?limit=20&lang=${language}`),
  concurrent_page_1: await (async () => {
    // 20 clients, each asking for page 1 in turn: what one request waits with 19 others in flight.
    const ms: number[] = [];
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      for (let i = 0; i < Math.max(1, Math.floor(REQUESTS / 10)); i++) ms.push((await timed('/api/stories?limit=20')).ms);
    }));
    return { clients: CLIENTS, ...stats(ms) };
  })(),
};
await store.close();
rmSync(dir, { recursive: true, force: true });
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results)}\n`);
