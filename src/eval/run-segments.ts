// Trafilatura's main-text evaluation layout (pages/ + evaldata.json with `with`/`without` segments).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../domain/index.js';
import { extractBody } from './run-extraction.js';

interface EvalEntry {
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

export function evalSegments(dir: string): SegmentsEval {
  const file = join(dir, 'evaldata.json');
  if (!existsSync(file)) throw new InputError(dir, 'not a segment benchmark folder (no evaldata.json)');
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, EvalEntry>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const started = process.hrtime.bigint();
  for (const [url, entry] of Object.entries(entries)) {
    const path = join(dir, 'pages', entry.file);
    const output = existsSync(path) ? normalise(extractBody(readFileSync(path), path, url)) : '';
    for (const segment of entry.with ?? []) {
      if (output && output.includes(normalise(segment))) tp++;
      else fn++;
    }
    for (const segment of entry.without ?? []) {
      if (output && output.includes(normalise(segment))) fp++;
      else tn++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const pages = Object.keys(entries).length;
  return {
    pages,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    accuracy: tp + fp + fn + tn ? (tp + tn) / (tp + fp + fn + tn) : 0,
    f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
    pages_per_second: pages / Math.max(seconds, 1e-9),
  };
}
