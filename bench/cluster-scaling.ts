// Scaling run: ingest N synthetic articles (text through extraction, enrichment, dedup, clustering and
// the SQLite store) and report time per article and peak memory. Articles replay real samples (the
// SemEval-2022 pair texts and the clustering fixtures) with shifted dates and ids; each also takes one
// paragraph of another article of its language, so that no two are the same text (a replayed text
// would be skipped as a copy, which is cheaper than the real work). Usage: cluster-scaling.ts N
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
  paragraphs: string[];
}

function sources(): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  const add = (lang: string, title: string, text: string) => {
    if (seen.has(text) || text.length < 200) return;
    seen.add(text);
    out.push({ lang, title, paragraphs: text.split(/\n\s*\n/).filter((p) => p.trim()) });
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
for (let i = 0; i < n; i++) {
  const base = all[i % all.length]!;
  const peers = byLang.get(base.lang)!;
  // Each replay remixes its base with parts of two other articles of its language, a different pair
  // each round, so replays are new texts rather than near-duplicates of one another.
  const round = Math.floor(i / all.length);
  const other = peers[(i + 1 + round * 7) % peers.length]!;
  const third = peers[(i + 2 + round * 13) % peers.length]!;
  const half = (s: Source, k: number) => s.paragraphs.filter((_, j) => (j + k) % 2 === 0);
  const extra = [...half(other, round), ...half(third, round + 1)].join('\n\n');
  const day = new Date(start + Math.floor(i / PER_DAY) * 86_400_000).toISOString().slice(0, 10);
  batch.next();
  ingestDocument(
    {
      origin: `synthetic-${i}`,
      format: 'text',
      body: `${half(base, round).join('\n\n')}\n\n${extra} (${i})`,
      hints: { id: `syn-${i}`, title: base.title, published: day, language: base.lang },
    },
    store,
    summary,
  );
  if ((i + 1) % segment === 0) {
    const now = process.hrtime.bigint();
    segments.push(Number(now - segmentStart) / 1e6 / segment);
    segmentStart = now;
  }
}
batch.commit();
const seconds = Number(process.hrtime.bigint() - began) / 1e9;
store.close();
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
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
