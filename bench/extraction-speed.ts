// HTML extraction speed on one core, printed as JSON (run by bench/run.ts in a fresh process, with --expose-gc).
// Pages: every HTML page of the shared samples; "typical" are those of 50-150 KB.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractBody } from '../src/eval/index.js';

export interface SpeedFigure {
  pages: number;
  mean_kb: number;
  pages_per_second: number;
  passes: number;
}

const DATA = resolve(import.meta.dirname, '..', '..', 'shared', 'data');
const PASSES = 5;

function samplePages(): Buffer[] {
  const shDir = join(DATA, 'extraction', 'scrapinghub-dev', 'html');
  const plainDirs = [join(DATA, 'extraction', 'trafilatura-dev', 'pages'), join(DATA, 'dates-dev', 'pages')];
  return [
    ...readdirSync(shDir).map((f) => gunzipSync(readFileSync(join(shDir, f)))),
    ...plainDirs.flatMap((d) => readdirSync(d).map((f) => readFileSync(join(d, f)))),
  ];
}

/** Median of several passes after a warm-up pass; each pass starts from a collected heap. */
function measure(set: Buffer[]): SpeedFigure {
  set.forEach((p, i) => extractBody(p, `warm-up-${i}`));
  const seconds = Array.from({ length: PASSES }, () => {
    (globalThis as { gc?: () => void }).gc?.();
    const started = process.hrtime.bigint();
    set.forEach((p, i) => extractBody(p, `page-${i}`));
    return Number(process.hrtime.bigint() - started) / 1e9;
  }).sort((a, b) => a - b);
  const median = seconds[Math.floor(PASSES / 2)]!;
  const kb = set.reduce((n, p) => n + p.length, 0) / set.length / 1024;
  return { pages: set.length, mean_kb: Math.round(kb * 100) / 100, pages_per_second: Math.round((set.length / median) * 100) / 100, passes: PASSES };
}

const pages = samplePages();
const typical = pages.filter((p) => p.length >= 50 * 1024 && p.length <= 150 * 1024);
process.stdout.write(JSON.stringify({ typical_50_to_150_kb: measure(typical), all_pages: measure(pages) }));
