// Trafilatura's main-text evaluation layout (pages/ + evaldata.json with `with`/`without` segments).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../domain/index.js';
import { extractBody } from './run-extraction.js';

export interface EvalEntry {
  file: string;
  with?: string[];
  without?: string[];
}

export interface SegmentsEval {
  pages: number;
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
  pages_per_second: number;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

export function readSegmentEntries(dir: string): Record<string, EvalEntry> {
  const file = join(dir, 'evaldata.json');
  if (!existsSync(file)) throw new InputError(dir, 'not a segment benchmark folder (no evaldata.json)');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, EvalEntry>;
}

export interface SegmentCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** One page: its segments that should be in the output (`with`) and those that should not (`without`). */
export function segmentCounts(extracted: string, entry: EvalEntry): SegmentCounts {
  const output = normalise(extracted);
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const segment of entry.with ?? []) {
    if (output && output.includes(normalise(segment))) c.tp++;
    else c.fn++;
  }
  for (const segment of entry.without ?? []) {
    if (output && output.includes(normalise(segment))) c.fp++;
    else c.tn++;
  }
  return c;
}

/** Corpus figures from pages' counts. */
export function segmentScores(pages: SegmentCounts[]): Omit<SegmentsEval, 'pages_per_second'> {
  const { tp, fp, fn, tn } = pages.reduce((t, c) => ({ tp: t.tp + c.tp, fp: t.fp + c.fp, fn: t.fn + c.fn, tn: t.tn + c.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 });
  return {
    pages: pages.length,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    accuracy: tp + fp + fn + tn ? (tp + tn) / (tp + fp + fn + tn) : 0,
    f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}

/** The page of an entry as Storyline extracts it ('' when the page is missing). */
export function extractSegmentPage(dir: string, url: string, entry: EvalEntry): string {
  const path = join(dir, 'pages', entry.file);
  return existsSync(path) ? extractBody(readFileSync(path), path, url) : '';
}

export function evalSegments(dir: string): SegmentsEval {
  const entries = readSegmentEntries(dir);
  const started = process.hrtime.bigint();
  const pages = Object.entries(entries).map(([url, entry]) => segmentCounts(extractSegmentPage(dir, url, entry), entry));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...segmentScores(pages), pages_per_second: pages.length / Math.max(seconds, 1e-9) };
}
