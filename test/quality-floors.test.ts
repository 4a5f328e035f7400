// The evaluation gate: quality on the shared development samples never drops below bench/baseline.json.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { evalDates, evalExtraction, evalSegments } from '../src/eval/index.js';
import { REPO_ROOT, SHARED_DATA } from './helpers/cli.js';

const { floors } = JSON.parse(readFileSync(join(REPO_ROOT, 'bench', 'baseline.json'), 'utf8'));

function atLeast(name: string, actual: number, floor: number): void {
  assert.ok(actual >= floor, `${name} ${actual.toFixed(4)} fell below its floor ${floor}`);
}

test('article extraction (scrapinghub dev sample) stays above its floors', () => {
  const score = evalExtraction(join(SHARED_DATA, 'extraction', 'scrapinghub-dev'));
  const floor = floors.extraction_scrapinghub_dev;
  atLeast('F1', score.f1, floor.f1);
  atLeast('precision', score.precision, floor.precision);
  atLeast('recall', score.recall, floor.recall);
  assert.ok(score.empty <= floor.max_empty, `${score.empty} empty outputs`);
});

test('main-text segments (trafilatura dev sample) stay above their floors', () => {
  const score = evalSegments(join(SHARED_DATA, 'extraction', 'trafilatura-dev'));
  const floor = floors.extraction_trafilatura_dev;
  atLeast('F1', score.f1, floor.f1);
  atLeast('precision', score.precision, floor.precision);
  atLeast('recall', score.recall, floor.recall);
});

test('publication dates (htmldate dev sample) stay above their floors', () => {
  const score = evalDates(join(SHARED_DATA, 'dates-dev'));
  const floor = floors.dates_dev;
  atLeast('accuracy', score.accuracy, floor.accuracy);
  atLeast('precision', score.precision, floor.precision);
});
