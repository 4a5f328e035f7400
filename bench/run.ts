// `npm run bench`: quality and speed on the shared development samples, side by side with other
// tools' published outputs; writes bench/results/<date>.json and bench/results/latest.json.
// Timing lives here, never in tests.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { evalDates, evalExtraction, evalSegments, evalToolOutputs, extractBody } from '../src/eval/index.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { writeDistractorJsonl } from '../test/helpers/distractors.js';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, '..', 'shared', 'data');
const round = (x: number) => Math.round(x * 10000) / 10000;
const SPEED_PASSES = 5;

function time<T>(fn: () => T): { value: T; seconds: number } {
  const started = process.hrtime.bigint();
  const value = fn();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function roundAll<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) as T;
}

/** Every HTML page of the shared samples, as bytes. */
function samplePages(): Buffer[] {
  const shDir = join(DATA, 'extraction', 'scrapinghub-dev', 'html');
  const plainDirs = [join(DATA, 'extraction', 'trafilatura-dev', 'pages'), join(DATA, 'dates-dev', 'pages')];
  return [
    ...readdirSync(shDir).map((f) => gunzipSync(readFileSync(join(shDir, f)))),
    ...plainDirs.flatMap((d) => readdirSync(d).map((f) => readFileSync(join(d, f)))),
  ];
}

/** Extraction speed on one core: all sample pages, and those of typical size (50-150 KB). */
function extractionSpeed() {
  const pages = samplePages();
  const typical = pages.filter((p) => p.length >= 50 * 1024 && p.length <= 150 * 1024);
  // Median of several passes after a warm-up pass: JIT and GC make single passes noisy.
  const measure = (set: Buffer[]) => {
    set.forEach((p, i) => extractBody(p, `warm-up-${i}`));
    const passes = Array.from({ length: SPEED_PASSES }, () => {
      // Start each pass from a collected heap (bench runs with --expose-gc): earlier work's garbage is not this pass's cost.
      (globalThis as { gc?: () => void }).gc?.();
      return time(() => set.forEach((p, i) => extractBody(p, `page-${i}`))).seconds;
    }).sort((a, b) => a - b);
    const median = passes[Math.floor(passes.length / 2)]!;
    return { pages: set.length, mean_kb: round(set.reduce((n, p) => n + p.length, 0) / set.length / 1024), pages_per_second: round(set.length / median), passes: SPEED_PASSES };
  };
  return { typical_50_to_150_kb: measure(typical), all_pages: measure(pages) };
}

async function ingestSpeed(): Promise<{ articles: number; seconds: number; articles_per_second: number }> {
  const { path } = writeDistractorJsonl(2000);
  const db = join(ROOT, 'bench', 'results', `.bench-${process.pid}.db`);
  const store = new SqliteStoryStore(db);
  const started = process.hrtime.bigint();
  const summary = await ingestPaths([path, join(ROOT, 'examples', 'seeds')], store);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  store.close();
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      statSync(db + suffix);
      (await import('node:fs')).rmSync(db + suffix);
    } catch {
      // Not created.
    }
  }
  return { articles: summary.added, seconds: round(seconds), articles_per_second: round(summary.added / seconds) };
}

const scrapinghub = join(DATA, 'extraction', 'scrapinghub-dev');
const { perPage: _pages, ...extraction } = evalExtraction(scrapinghub);
const tools = Object.fromEntries(Object.entries(evalToolOutputs(scrapinghub)).map(([k, v]) => [k, roundAll(v)]));
const segments = evalSegments(join(DATA, 'extraction', 'trafilatura-dev'));
const { perPage: _dates, ...dates } = evalDates(join(DATA, 'dates-dev'));
const speed = extractionSpeed();
const ingest = await ingestSpeed();

const results = {
  date: new Date().toISOString(),
  node: process.version,
  quality: {
    extraction_scrapinghub_dev: roundAll(extraction),
    extraction_scrapinghub_dev_other_tools: tools,
    extraction_trafilatura_dev: roundAll(segments),
    dates_dev: roundAll(dates),
  },
  speed: { html_extraction: speed, ingest_text_end_to_end: ingest },
  peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
};

const outDir = join(ROOT, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(join(outDir, `${results.date.slice(0, 19).replace(/:/g, '')}.json`), json);
writeFileSync(join(outDir, 'latest.json'), json);

const row = (name: string, s: { f1: number; precision: number; recall: number }) =>
  `  ${name.padEnd(22)} F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}`;
console.log('Article extraction (scrapinghub dev sample, 40 pages):');
console.log(row('storyline', extraction) + `  empty ${extraction.empty}`);
for (const [name, s] of Object.entries(tools).sort((a, b) => b[1].f1 - a[1].f1)) console.log(row(name, s));
console.log('Main text segments (trafilatura dev sample, 60 pages):');
console.log(row('storyline', segments));
console.log('Publication dates (htmldate dev sample, 30 pages):');
console.log(`  storyline              accuracy ${dates.accuracy.toFixed(3)}  P ${dates.precision.toFixed(3)}  R ${dates.recall.toFixed(3)}`);
const typical = speed.typical_50_to_150_kb;
console.log(`Speed (one core): HTML extraction ${typical.pages_per_second} pages/s on ${typical.pages} typical pages (mean ${typical.mean_kb} KB), ${speed.all_pages.pages_per_second} pages/s on all ${speed.all_pages.pages} (mean ${speed.all_pages.mean_kb} KB); ingest ${ingest.articles_per_second} articles/s end to end`);
console.log(`Peak RSS: ${results.peak_rss_mb} MB. Written to bench/results/latest.json`);
