// Scaling run: ingest N synthetic articles (text through extraction, enrichment, dedup, clustering and
// the SQLite store) and report time per article and peak memory. Articles replay real samples (the
// SemEval-2022 pair texts and the clustering fixtures) with shifted dates and ids: each interleaves
// the sentences of three articles of one language, picked by a seeded generator, so that replays are
// mostly new texts rather than copies of one another. A sample of a thousand articles cannot give
// 100,000 texts that are all new, and a copy skips clustering: the time an original takes is reported
// apart. Usage: cluster-scaling.ts N
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readClusteringItems, readPairs } from '../src/eval/index.js';
import { BatchedWrites, emptySummary, ingestDocument } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const PAIRS = resolve(ROOT, '..', 'shared', 'data', 'clustering', 'semeval2022-task8-pairs-dev', 'pairs.jsonl');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'clustering', 'stories.jsonl');
const PER_DAY = 400;

interface Source {
  lang: string;
  title: string;
  sentences: string[];
}

/** Sentence ends of the sample's languages (a stop, question or exclamation mark, the CJK full stop). */
const SENTENCE_END = /(?<=[.!?。！？])\s+|(?<=[。！？])/u;

function sources(): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  const add = (lang: string, title: string, text: string) => {
    if (seen.has(text) || text.length < 200) return;
    seen.add(text);
    out.push({ lang, title, sentences: text.split(SENTENCE_END).map((x) => x.trim()).filter(Boolean) });
  };
  for (const p of readPairs(PAIRS)) {
    add(p.lang1, p.title1, p.text1);
    add(p.lang2, p.title2, p.text2);
  }
  for (const o of readClusteringItems(FIXTURES)) add(o.lang, o.title, o.text);
  return out;
}

const n = Number(process.argv[2] ?? 1000);
const all = sources();
const byLang = new Map<string, Source[]>();
for (const s of all) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s]);
const dir = mkdtempSync(join(tmpdir(), 'storyline-scaling-'));
const store = new SqliteStoryStore(join(dir, 'scale.db'));
const summary = emptySummary();
const start = Date.parse('2024-01-01');
const segments: number[] = [];
const segment = Math.max(1, Math.floor(n / 10));
let segmentStart = process.hrtime.bigint();
const began = segmentStart;
// Writes are committed in batches, as `storyline ingest` commits them.
const batch = new BatchedWrites(store);
let originalMs = 0;
let originals = 0;
let seed = 0x5eed;
/** A seeded linear congruential generator: the same synthetic set on every run. */
const random = (bound: number) => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % bound;
};
for (let i = 0; i < n; i++) {
  const base = all[i % all.length]!;
  const peers = byLang.get(base.lang)!;
  const mix = [peers[random(peers.length)]!, peers[random(peers.length)]!, peers[random(peers.length)]!];
  const longest = Math.max(...mix.map((m) => m.sentences.length));
  const sentences: string[] = [];
  // Sentence k comes from the k-th source in turn: a third of each, in order.
  for (let k = 0; k < longest; k++) {
    const sentence = mix[k % 3]!.sentences[k];
    if (sentence) sentences.push(sentence);
  }
  const body = sentences.join(' ').replace(/((?:\S+\s+){60}\S+)\s+/g, '$1\n\n');
  const day = new Date(start + Math.floor(i / PER_DAY) * 86_400_000).toISOString().slice(0, 10);
  await batch.next();
  const copiesBefore = summary.copies;
  const t0 = process.hrtime.bigint();
  await ingestDocument(
    {
      origin: `synthetic-${i}`,
      format: 'text',
      body: `${body} (${i})`,
      hints: { id: `syn-${i}`, title: base.title, published: day, language: base.lang },
    },
    store,
    summary,
    );
  // Copies skip clustering: the time an original takes is kept apart, for the last tenth of the run.
  if (i >= n - segment && summary.copies === copiesBefore) {
    originalMs += Number(process.hrtime.bigint() - t0) / 1e6;
    originals++;
  }
  if ((i + 1) % segment === 0) {
    const now = process.hrtime.bigint();
    segments.push(Number(now - segmentStart) / 1e6 / segment);
    segmentStart = now;
  }
}
await batch.commit();
const seconds = Number(process.hrtime.bigint() - began) / 1e9;
await store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    articles: n,
    added: summary.added,
    copies: summary.copies,
    failed: summary.failed.length,
    seconds: Math.round(seconds * 100) / 100,
    articles_per_second: Math.round((n / seconds) * 10) / 10,
    ms_per_article: Math.round(((seconds * 1000) / n) * 1000) / 1000,
    /** Milliseconds per article over the last tenth of the run: what an article costs once the store is this big. */
    ms_per_article_last_tenth: Math.round(segments[segments.length - 1]! * 1000) / 1000,
    /** The same for originals alone (copies skip clustering), batch commits left out. */
    ms_per_original_last_tenth: Math.round((originalMs / Math.max(1, originals)) * 1000) / 1000,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
