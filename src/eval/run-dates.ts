// `storyline eval dates DIR`: htmldate's evaluation layout (pages/ + expected-dates.json [+ pages-meta.json]).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../domain/index.js';
import { extractArticle } from '../extract/index.js';
import { decodeText } from '../ingest/index.js';

export interface DatesEval {
  pages: number;
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
}

/** The publication day Storyline finds for a page, or null (no day-precise answer). */
export function extractPublicationDay(bytes: Uint8Array, origin: string, url?: string): string | null {
  const decoded = decodeText(bytes, { html: true });
  if (!decoded.ok) return null;
  try {
    const article = extractArticle({ origin, format: 'html', body: decoded.text, hints: {}, ...(url ? { url } : {}) });
    return article.published?.precision === 'day' ? article.published.start : null;
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

export function evalDates(dir: string): DatesEval & { perPage: Record<string, { expected: string; found: string | null }> } {
  const expectedFile = join(dir, 'expected-dates.json');
  if (!existsSync(expectedFile)) throw new InputError(dir, 'not a dates benchmark folder (no expected-dates.json)');
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, string>;
  const metaFile = join(dir, 'pages-meta.json');
  const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, { url?: string }>) : {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perPage: Record<string, { expected: string; found: string | null }> = {};
  for (const [file, want] of Object.entries(expected)) {
    const path = join(dir, 'pages', file);
    const found = existsSync(path) ? extractPublicationDay(readFileSync(path), path, meta[file]?.url) : null;
    perPage[file] = { expected: want, found };
    if (found === null) fn++;
    else if (found === want) tp++;
    else fp++;
  }
  const pages = Object.keys(expected).length;
  return {
    pages,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    accuracy: pages ? tp / pages : 0,
    f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
    perPage,
  };
}
