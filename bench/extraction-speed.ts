// HTML extraction speed on one core, sustained over 2,000 page extractions, printed as JSON (run by
// bench/run.ts in a fresh process pinned to one core): Storyline's, and Readability.js's on the same
// pages in the same process (bench/readability-js.mjs).
// Pages: every HTML page of the shared samples; "typical" are those of 50-150 KB.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractBody } from '../src/eval/index.js';
import { sustainedRate } from './sustained.js';
// @ts-expect-error: plain JavaScript, untyped
import { readabilityBody } from './readability-js.mjs';

export interface SpeedFigure {
  pages: number;
  mean_kb: number;
  pages_per_second: number;
  passes: number;
}

const DATA = resolve(import.meta.dirname, '..', '..', 'shared', 'data');
/** Page extractions per measurement: enough for the heap and the JIT to settle. */
const MIN_PAGES = 2000;

function samplePages(): Buffer[] {
  const shDir = join(DATA, 'extraction', 'scrapinghub-dev', 'html');
  const plainDirs = [join(DATA, 'extraction', 'trafilatura-dev', 'pages'), join(DATA, 'dates-dev', 'pages')];
  return [
    ...readdirSync(shDir).map((f) => gunzipSync(readFileSync(join(shDir, f)))),
    ...plainDirs.flatMap((d) => readdirSync(d).map((f) => readFileSync(join(d, f)))),
  ];
}

type Extractor = (page: Buffer, i: number) => unknown;
const storyline: Extractor = (p, i) => extractBody(p, `page-${i}`);
const readabilityJs: Extractor = (p) => (readabilityBody as (html: string) => string)(p.toString('utf8'));

function measure(set: Buffer[], extract: Extractor = storyline): SpeedFigure {
  const { items_per_second, passes } = sustainedRate(set, extract, MIN_PAGES);
  const kb = set.reduce((n, p) => n + p.length, 0) / set.length / 1024;
  return { pages: set.length, mean_kb: Math.round(kb * 100) / 100, pages_per_second: items_per_second, passes };
}

const pages = samplePages();
const typical = pages.filter((p) => p.length >= 50 * 1024 && p.length <= 150 * 1024);
process.stdout.write(
  JSON.stringify({
    typical_50_to_150_kb: measure(typical),
    all_pages: measure(pages),
    readability_js: { typical_50_to_150_kb: measure(typical, readabilityJs), all_pages: measure(pages, readabilityJs) },
  }),
);
