// The confidence below which no publication date is stored, chosen by cross-validation: fitted on the
// training folds of a dates benchmark, scored on the held-out fold (fixed hash folds of folds.ts).
import { FOLDS, foldOf } from './folds.js';

export interface ScoredPage {
  /** The page's key (its file name): decides its fold. */
  key: string;
  expected: string;
  /** The day found with no threshold, and how far it was trusted. */
  found: string | null;
  confidence: number;
}

export interface DateScore {
  pages: number;
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
}

/** The precision a threshold must keep on the training folds (issue 15: precision ≥ 0.95). */
export const MIN_PRECISION = 0.95;
export const THRESHOLD_GRID = Array.from({ length: 21 }, (_, i) => Math.round(i * 5) / 100);

export function scoreDates(pages: ScoredPage[], threshold: number): DateScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pages) {
    const answer = p.found !== null && p.confidence >= threshold ? p.found : null;
    if (answer === null) fn++;
    else if (answer === p.expected) tp++;
    else fp++;
  }
  return {
    pages: pages.length,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    accuracy: pages.length ? tp / pages.length : 0,
    f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}

/**
 * The threshold with the best accuracy among those keeping precision ≥ MIN_PRECISION (the best
 * precision when none does); the shipped threshold stays unless another grid point is strictly better.
 */
export function fitThreshold(pages: ScoredPage[], shipped: number): number {
  const rank = (t: number) => {
    const s = scoreDates(pages, t);
    return s.precision >= MIN_PRECISION ? [1, s.accuracy, s.precision] : [0, s.precision, s.accuracy];
  };
  const better = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  let best = shipped;
  let bestRank = rank(shipped);
  for (const t of THRESHOLD_GRID) {
    const r = rank(t);
    if (better(r, bestRank) > 1e-12) {
      best = t;
      bestRank = r;
    }
  }
  return best;
}

export interface CrossValidatedDates {
  folds: number;
  /** Pooled over the held-out folds, each scored with the threshold fitted on the others. */
  heldOut: DateScore;
  thresholds: number[];
  /** The threshold fitted on every page, and its (in-sample) score. */
  fitted: { threshold: number; inSample: DateScore };
  /** The shipped threshold on every page, for comparison. */
  shipped: { threshold: number; score: DateScore };
}

export function crossValidateThreshold(pages: ScoredPage[], shipped: number, folds = FOLDS): CrossValidatedDates {
  const thresholds: number[] = [];
  const heldOutAnswers: ScoredPage[] = [];
  for (let k = 0; k < folds; k++) {
    const train = pages.filter((p) => foldOf(p.key, folds) !== k);
    const test = pages.filter((p) => foldOf(p.key, folds) === k);
    const t = fitThreshold(train, shipped);
    thresholds.push(t);
    // Each held-out page answered as the fold's threshold decides, then scored once over all folds.
    heldOutAnswers.push(...test.map((p) => ({ ...p, found: p.found !== null && p.confidence >= t ? p.found : null, confidence: 1 })));
  }
  const threshold = fitThreshold(pages, shipped);
  return {
    folds,
    heldOut: scoreDates(heldOutAnswers, 0),
    thresholds,
    fitted: { threshold, inSample: scoreDates(pages, threshold) },
    shipped: { threshold: shipped, score: scoreDates(pages, shipped) },
  };
}
