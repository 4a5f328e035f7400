// Chooses the publication-date confidence threshold (data/time/date-signals.json `minConfidence`) by
// cross-validation on the htmldate dev sample, and reports the figure on pages the choice did not see:
//   node --import tsx bench/fit-dates.ts           held-out figures (stdout, bench/results/fit-dates.json)
//   node --import tsx bench/fit-dates.ts --write   also store the threshold chosen on all pages
// Folds: 5, by sha256 of the file name (src/eval/folds.ts). On the training folds the threshold with the
// best accuracy among those keeping precision ≥ 0.95 is chosen (the shipped one unless another grid point
// is strictly better), and the held-out fold is answered with it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crossValidateDates, scoreDatePages } from '../src/eval/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = resolve(ROOT, '..', 'shared', 'data', 'dates-dev');
const SIGNALS_FILE = join(ROOT, 'data', 'time', 'date-signals.json');
const round = (x: number) => Math.round(x * 10000) / 10000;
const roundAll = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));

const pages = scoreDatePages(SAMPLE);
const cv = crossValidateDates(SAMPLE, pages);
const result = {
  sample: 'dates-dev (htmldate dev sample, 30 pages)',
  folds: cv.folds,
  held_out: roundAll(cv.heldOut),
  thresholds_per_fold: cv.thresholds,
  fitted_on_all: { threshold: cv.fitted.threshold, in_sample: roundAll(cv.fitted.inSample) },
  shipped: { threshold: cv.shipped.threshold, score: roundAll(cv.shipped.score) },
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'fit-dates.json'), `${JSON.stringify(result, null, 2)}\n`);
if (process.argv.includes('--write')) {
  const file = JSON.parse(readFileSync(SIGNALS_FILE, 'utf8')) as { minConfidence: number };
  file.minConfidence = cv.fitted.threshold;
  writeFileSync(SIGNALS_FILE, `${JSON.stringify(file, null, 2)}\n`);
  console.error(`minConfidence ${cv.fitted.threshold} written to ${SIGNALS_FILE}`);
}
