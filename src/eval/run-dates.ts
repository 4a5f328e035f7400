// `storyline eval dates DIR`: htmldate's evaluation layout (pages/ + expected-dates.json [+ pages-meta.json]).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../domain/index.js';
import { extractArticle } from '../extract/index.js';
import { minDateConfidence } from '../time/index.js';
import { decodeText } from '../ingest/index.js';
import { crossValidateThreshold, scoreDates, type CrossValidatedDates, type DateScore, type ScoredPage } from './date-threshold.js';

export type DatesEval = DateScore;

export interface PublicationDay {
  day: string | null;
  confidence: number;
}

/** The publication day Storyline finds for a page, or null (no day-precise answer, or one trusted less than `minConfidence`). */
export function extractPublicationDay(bytes: Uint8Array, origin: string, url?: string, minConfidence?: number): PublicationDay {
  const decoded = decodeText(bytes, { html: true });
  if (!decoded.ok) return { day: null, confidence: 0 };
  try {
    const article = extractArticle({ origin, format: 'html', body: decoded.text, hints: {}, ...(url ? { url } : {}) }, minConfidence !== undefined ? { minDateConfidence: minConfidence } : {});
    const day = article.published?.precision === 'day' ? article.published.start : null;
    return { day, confidence: day ? (article.publishedConfidence ?? 0) : 0 };
  } catch (err) {
    if (err instanceof InputError) return { day: null, confidence: 0 };
    throw err;
  }
}

/** Every page's answer with no threshold and its confidence: the input of scoring and of the threshold fit. */
export function scoreDatePages(dir: string): ScoredPage[] {
  const expectedFile = join(dir, 'expected-dates.json');
  if (!existsSync(expectedFile)) throw new InputError(dir, 'not a dates benchmark folder (no expected-dates.json)');
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, string>;
  const metaFile = join(dir, 'pages-meta.json');
  const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, { url?: string }>) : {};
  return Object.entries(expected).map(([file, want]) => {
    const path = join(dir, 'pages', file);
    const found = existsSync(path) ? extractPublicationDay(readFileSync(path), path, meta[file]?.url, 0) : { day: null, confidence: 0 };
    return { key: file, expected: want, found: found.day, confidence: found.confidence };
  });
}

/** The shipped extractor's score (its stored threshold), and the per-page answers. */
export function evalDates(dir: string, pages = scoreDatePages(dir)): DatesEval & { perPage: Record<string, { expected: string; found: string | null; confidence: number }> } {
  const threshold = minDateConfidence();
  const perPage = Object.fromEntries(
    pages.map((p) => [p.key, { expected: p.expected, found: p.found !== null && p.confidence >= threshold ? p.found : null, confidence: round(p.confidence) }]),
  );
  return { ...scoreDates(pages, threshold), perPage };
}

/** The threshold fitted on training folds and scored on the held-out fold: the figure to report. */
export function crossValidateDates(dir: string, pages = scoreDatePages(dir)): CrossValidatedDates {
  return crossValidateThreshold(pages, minDateConfidence());
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
