// Streaming JSONL ingest in constant memory: generates a JSONL file of realistic-looking long news
// articles in os.tmpdir() (STORYLINE_BENCH_JSONL_MB megabytes, default 1024), ingests ALL of it into a
// fresh SQLite store through the real pipeline (ingestPaths), samples RSS every second, and writes
// bench/results/jsonl-stream.json. The temporary file and database are deleted at the end.
// The pipeline analyses about 0.5-1 MB of text a second on one core, so 1 GB takes well over ten
// minutes; STORYLINE_BENCH_JSONL_READ_ONLY=1 measures the reader alone (every line read and parsed into
// a document, nothing analysed) into bench/results/jsonl-stream-read-only.json, in a minute or two.
//   node --max-semi-space-size=64 --heap-growing-percent=50 --import tsx bench/jsonl-stream.ts
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readInputFile } from '../src/ingest/index.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { seededRandom } from '../test/helpers/fuzz.js';

const ROOT = resolve(import.meta.dirname, '..');
const targetMb = Number(process.env.STORYLINE_BENCH_JSONL_MB ?? 1024);
const targetBytes = Math.round(targetMb * 1024 * 1024);
const readOnly = process.env.STORYLINE_BENCH_JSONL_READ_ONLY === '1';

/** Every line read into a document, nothing analysed or stored: the reader's own memory. */
async function readWhole(file: string): Promise<{ added: number; failed: unknown[] }> {
  let added = 0;
  const failed: unknown[] = [];
  for await (const item of readInputFile(file)) {
    if (item.kind === 'doc') added++;
    else if (item.kind === 'error') failed.push(item.error);
  }
  return { added, failed };
}

// Seeded, so that every run ingests the same file.
const random = seededRandom(15);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const SYLLABLES = ['ka', 'ro', 'mi', 'len', 'tor', 'va', 'shi', 'an', 'del', 'ma', 'ri', 'ost', 'vin', 'ne', 'lu', 'bar', 'ze', 'po', 'han', 'tek'];
const name = () => {
  const n = 2 + Math.floor(random() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(SYLLABLES);
  return s[0]!.toUpperCase() + s.slice(1);
};
const ROLES = ['minister', 'mayor', 'spokesperson', 'chief executive', 'union leader', 'judge', 'police commissioner', 'professor'];
const BODIES = ['council', 'ministry', 'court', 'port authority', 'central bank', 'university', 'hospital board', 'electoral commission'];
const VERBS = ['announced', 'rejected', 'postponed', 'approved', 'criticised', 'defended', 'investigated', 'confirmed'];
const OBJECTS = ['the budget', 'a new bridge', 'the water tariff', 'emergency measures', 'the merger', 'a pay agreement', 'the harbour expansion', 'flood defences', 'the rail timetable', 'a tax reform'];
const TAILS = ['after weeks of negotiations', 'despite protests outside the building', 'citing rising costs', 'in a vote late on Thursday', 'according to documents seen by reporters', 'amid criticism from the opposition'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function sentence(people: string[], place: string): string {
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${pick(people)}, the ${pick(ROLES)} of ${place}, ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
    case 1:
      return `The ${pick(BODIES)} in ${place} ${pick(VERBS)} ${pick(OBJECTS)} on ${1 + Math.floor(random() * 28)} ${pick(MONTHS)}, ${pick(TAILS)}.`;
    case 2:
      return `"We have ${pick(VERBS)} ${pick(OBJECTS)} because the people of ${place} asked for it," ${pick(people)} said.`;
    default:
      return `About ${Math.floor(random() * 9000) + 100} residents were affected, and ${pick(people)} said a decision on ${pick(OBJECTS)} would follow by ${pick(MONTHS)}.`;
  }
}

/** One long article (~40 KB): a story about invented people in an invented place. */
function article(i: number): string {
  const place = name();
  const people = [`${name()} ${name()}`, `${name()} ${name()}`, `${name()} ${name()}`];
  const paragraphs: string[] = [];
  for (let p = 0; p < 60; p++) {
    const n = 3 + Math.floor(random() * 4);
    const ss: string[] = [];
    for (let k = 0; k < n; k++) ss.push(sentence(people, place));
    paragraphs.push(ss.join(' '));
  }
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 365) * 86400000).toISOString().slice(0, 10);
  // Dataset-style field names, as a news-please export would have them.
  return JSON.stringify({ url: `https://news.example/${i}`, title: `${place} ${pick(BODIES)} ${pick(VERBS)} ${pick(OBJECTS)}`, maintext: paragraphs.join('\n\n'), date_publish: `${day} 08:00:00`, language: 'en', source_domain: 'news.example', authors: [people[0]] });
}

async function writeJsonl(path: string): Promise<{ bytes: number; lines: number }> {
  const out = createWriteStream(path);
  let bytes = 0;
  let lines = 0;
  while (bytes < targetBytes) {
    const line = `${article(lines)}\n`;
    bytes += Buffer.byteLength(line);
    lines++;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { bytes, lines };
}

const dir = mkdtempSync(join(tmpdir(), 'storyline-jsonl-stream-'));
try {
  const file = join(dir, 'dump.jsonl');
  const generated = await writeJsonl(file);
  const store = new SqliteStoryStore(join(dir, 'stream.db'));
  const samples: Array<{ s: number; rss_mb: number }> = [];
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const sample = () => samples.push({ s: Math.round(elapsed() * 10) / 10, rss_mb: Math.round(process.memoryUsage.rss() / 1048576) });
  sample();
  const timer = setInterval(sample, 1000);
  const summary = readOnly ? await readWhole(file) : await ingestPaths([file], store);
  clearInterval(timer);
  sample();
  const seconds = elapsed();
  await store.close();
  const rss = samples.map((x) => x.rss_mb);
  const peak = Math.max(...rss);
  // Flat: the peak of the last half of the run is within 15% of the peak of its first half (after warm-up).
  const half = Math.floor(rss.length / 2);
  const firstHalfPeak = Math.max(...rss.slice(Math.min(5, half), half + 1));
  const secondHalfPeak = Math.max(...rss.slice(half));
  const result = {
    mode: readOnly ? 'read only (reader + JSON parse, no analysis)' : 'full pipeline into SQLite',
    bytes: statSync(file).size,
    target_mb: targetMb,
    lines: generated.lines,
    articles: summary.added,
    failed: summary.failed.length,
    seconds: Math.round(seconds * 10) / 10,
    mb_per_second: Math.round((statSync(file).size / 1048576 / seconds) * 100) / 100,
    articles_per_second: Math.round((summary.added / seconds) * 10) / 10,
    rss_peak_mb: peak,
    rss_first_half_peak_mb: firstHalfPeak,
    rss_second_half_peak_mb: secondHalfPeak,
    rss_flat: secondHalfPeak <= firstHalfPeak * 1.15,
    /** RSS growth from the end of warm-up (5 s) to the end, per 100 MB of input: what a bigger file would add. */
    rss_growth_mb_per_100_mb_input: Math.round(((rss.at(-1)! - rss[Math.min(5, rss.length - 1)]!) / (statSync(file).size / 104857600)) * 10) / 10,
    rss_samples: samples,
    node_flags: process.execArgv.filter((a) => a.startsWith('--') && a !== '--import'),
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', readOnly ? 'jsonl-stream-read-only.json' : 'jsonl-stream.json'), `${JSON.stringify(result, null, 2)}\n`);
  const { rss_samples: _samples, ...brief } = result;
  process.stdout.write(`${JSON.stringify(brief)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
