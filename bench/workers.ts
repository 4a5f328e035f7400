// Ingest with worker processes on PostgreSQL: the same documents ingested by `storyline ingest
// --workers 1` and `--workers 2` into fresh schemas, beside one SQLite process (`storyline ingest`),
// each a process of its own timed from start to exit (worker start-up included). The documents: the
// labelled giveme5w1h and ml-crisis samples (488 articles, in date order), the SemEval sample's
// unrelated articles between them, and variants of those (a random subset of a source's sentences) up
// to N. Clustering is scored on the labelled articles alone: pairwise and B-cubed F1 of the stories
// found against the gold clusters. Needs a PostgreSQL server:
//   STORYLINE_BENCH_PG_URL=postgres://… [WORKERS_N=3000] tsx bench/workers.ts
// Writes bench/results/workers.json (or WORKERS_OUT).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { readClusteringItems, scoreRows, type ClusteringItem } from '../src/eval/index.js';
import { PostgresStoryStore } from '../src/store/postgres/index.js';
import { SqliteStoryStore, type StoryStore } from '../src/store/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'storyline.mjs');
const CLUSTERING = resolve(ROOT, '..', 'shared', 'data', 'clustering');
const LABELLED = ['giveme5w1h-events-dev', 'ml-crisis-topics-dev'].map((d) => join(CLUSTERING, d, 'items.jsonl'));
const PAIRS = join(CLUSTERING, 'semeval2022-task8-pairs-dev', 'pairs.jsonl');
const OUT = process.env.WORKERS_OUT ?? join(ROOT, 'bench', 'results', 'workers.json');
const N = Number(process.env.WORKERS_N ?? 3000);
const PG_URL = process.env.STORYLINE_BENCH_PG_URL ?? process.env.STORYLINE_TEST_PG_URL;
if (!PG_URL) throw new Error('set STORYLINE_BENCH_PG_URL (or STORYLINE_TEST_PG_URL) to a PostgreSQL server');

let seed = 0x5eed;
/** A seeded linear congruential generator: the same documents on every run. */
const random = (bound: number) => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % bound;
};

interface Line {
  id: string;
  title: string;
  text: string;
  language: string;
  published?: string;
}

/** Distinct unrelated articles of the SemEval pair sample. */
function unrelated(): Line[] {
  const seen = new Set<string>();
  const out: Line[] = [];
  for (const raw of readFileSync(PAIRS, 'utf8').split('\n')) {
    if (!raw.trim()) continue;
    const p = JSON.parse(raw) as Record<string, string>;
    for (const k of ['1', '2']) {
      const text = p[`text${k}`]!;
      if (seen.has(text) || text.split(/\s+/).length < 30) continue;
      seen.add(text);
      out.push({ id: `u${out.length}`, title: p[`title${k}`]!, text, language: p[`lang${k}`]! });
    }
  }
  return out;
}

/** The documents, as one JSONL file: labelled ones in date order with the others spread between them. */
function writeInput(dir: string): { file: string; labelled: Map<string, ClusteringItem[]>; count: number } {
  const sets = new Map(LABELLED.map((f) => [f.split('/').at(-2)!, readClusteringItems(f)]));
  const labelled = [...sets.values()].flat().sort((a, b) => a.date.localeCompare(b.date));
  const others = unrelated();
  const variants: Line[] = [];
  for (let i = 0; variants.length + others.length + labelled.length < N; i++) {
    const source = others[random(others.length)]!;
    const sentences = source.text.split(/(?<=[.!?。])\s+/);
    const kept = sentences.filter(() => random(10) < 6);
    if (kept.length < 3) continue;
    variants.push({ id: `v${i}`, title: `${source.title} (${i})`, text: kept.join(' '), language: source.language });
  }
  const fill = [...others, ...variants].slice(0, Math.max(0, N - labelled.length));
  const lines: Line[] = [];
  const every = fill.length / Math.max(1, labelled.length);
  let next = 0;
  for (const [i, item] of labelled.entries()) {
    lines.push({ id: item.id, title: item.title, text: item.text, language: item.lang, published: item.date });
    for (; next < Math.round((i + 1) * every); next++) lines.push(fill[next]!);
  }
  const file = join(dir, 'workers-bench.jsonl');
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return { file, labelled: sets, count: lines.length };
}

/** Runs `storyline ingest` as a process; wall seconds and its summary line. */
function ingest(file: string, db: string, workers: number | null): { seconds: number; summary: string } {
  const started = process.hrtime.bigint();
  const args = [BIN, 'ingest', file, '--db', db, '--quiet', ...(workers === null ? [] : ['--workers', String(workers)])];
  const run = spawnSync(process.execPath, ['--max-semi-space-size=64', '--heap-growing-percent=50', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // 1: some documents were not usable articles (counted in the summary as failed).
  if (run.status !== 0 && run.status !== 1) throw new Error(`ingest failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return { seconds, summary: run.stdout.trim().split('\n').at(-1)! };
}

/** Scores per labelled sample (its gold clusters are its own: giveme's are stories, ml-crisis's broad topics). */
async function scores(store: StoryStore, labelled: Map<string, ClusteringItem[]>) {
  const storyOf = new Map<string, string>();
  for (const a of await store.listArticles()) {
    if (a.suppliedId && a.storyId) storyOf.set(a.suppliedId, (await store.resolveStoryId(a.storyId)) ?? a.storyId);
  }
  const out: Record<string, unknown> = {};
  for (const [name, items] of labelled) {
    const s = scoreRows(items.map((item) => ({ item, gold: item.cluster, found: storyOf.get(item.id) ?? `missing:${item.id}` })));
    out[name] = { pairwise_f1: round(s.pairwise_f1), bcubed_f1: round(s.bcubed_f1), clusters_found: s.clusters_found, clusters_gold: s.clusters_gold };
  }
  return out;
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

function schemaUrl(schema: string): string {
  const url = new URL(PG_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function main(): Promise<void> {
  const loadAtStart = loadavg().map((x) => round(x, 2));
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-workers-'));
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const results: Record<string, unknown> = {};
  try {
    const { file, labelled, count } = writeInput(dir);
    const labelledCount = [...labelled.values()].reduce((n, items) => n + items.length, 0);
    process.stderr.write(`${count} documents (${labelledCount} labelled)\n`);

    const sqlitePath = join(dir, 'bench.db');
    const sqlite = ingest(file, sqlitePath, null);
    const sqliteStore = new SqliteStoryStore(sqlitePath);
    results.sqlite_one_process = { seconds: round(sqlite.seconds, 1), articles_per_second: round(count / sqlite.seconds, 1), summary: sqlite.summary, ...(await scores(sqliteStore, labelled)) };
    await sqliteStore.close();
    process.stderr.write(`sqlite: ${JSON.stringify(results.sqlite_one_process)}\n`);

    // null: one process without workers (batched commits), for reference.
    for (const workers of [null, 1, 2]) {
      const name = workers === null ? 'postgres_one_process' : `postgres_${workers}_worker${workers > 1 ? 's' : ''}`;
      const schema = `bench_workers_${workers ?? 0}_${process.pid}`;
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
      try {
        const run = ingest(file, schemaUrl(schema), workers);
        const store = await PostgresStoryStore.open(PG_URL!, { searchPath: schema });
        results[name] = {
          seconds: round(run.seconds, 1),
          articles_per_second: round(count / run.seconds, 1),
          summary: run.summary,
          ...(await scores(store, labelled)),
        };
        await store.close();
        process.stderr.write(`${name}: ${JSON.stringify(results[name])}\n`);
      } finally {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      }
    }
    const one = results.postgres_1_worker as { articles_per_second: number };
    const two = results.postgres_2_workers as { articles_per_second: number };
    const report = {
      date: new Date().toISOString(),
      documents: count,
      labelled: labelledCount,
      cpus: cpus().length,
      load_average_at_start: loadAtStart,
      note: 'wall time of each ingest process, worker start-up included; the PostgreSQL server runs on the same machine',
      speedup_2_vs_1: round(two.articles_per_second / one.articles_per_second, 2),
      ...results,
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
