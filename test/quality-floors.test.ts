// The evaluation gate: quality on the shared development samples never drops below bench/baseline.json.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { evalDates, evalExtraction, evalSegments } from '../src/eval/index.js';
import { evalAnalysis, evalLanguageId } from '../src/eval/index.js';
import { REPO_ROOT, SHARED_DATA } from './helpers/cli.js';

const { floors } = JSON.parse(readFileSync(join(REPO_ROOT, 'bench', 'baseline.json'), 'utf8'));

/** Every floor named in the baseline for this benchmark, checked against the measured score. */
function assertFloors(name: string, score: Record<string, number>, floor: Record<string, number>): void {
  for (const [metric, min] of Object.entries(floor)) {
    if (metric === 'max_empty') {
      assert.ok(score.empty! <= min, `${name}: ${score.empty} empty outputs, at most ${min} allowed`);
      continue;
    }
    assert.ok(score[metric]! >= min, `${name} ${metric} ${score[metric]!.toFixed(4)} fell below its floor ${min}`);
  }
}

test('article extraction (scrapinghub dev sample) stays above its floors', () => {
  const { perPage: _pages, ...score } = evalExtraction(join(SHARED_DATA, 'extraction', 'scrapinghub-dev'));
  assertFloors('scrapinghub', score, floors.extraction_scrapinghub_dev);
});

test('main-text segments (trafilatura dev sample) stay above their floors', () => {
  assertFloors('trafilatura-dev', { ...evalSegments(join(SHARED_DATA, 'extraction', 'trafilatura-dev')) }, floors.extraction_trafilatura_dev);
});

test('publication dates (htmldate dev sample) stay above their floors', () => {
  const { perPage: _pages, ...score } = evalDates(join(SHARED_DATA, 'dates-dev'));
  assertFloors('dates-dev', score, floors.dates_dev);
});

// Hand-labelled analysis fixtures (test/fixtures/analysis), in the repository.
const ANALYSIS_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'analysis');

test('entities and dates (hand-labelled multilingual fixtures) stay above their floors', () => {
  const { per_language: _languages, per_article: _articles, ...score } = evalAnalysis(join(ANALYSIS_FIXTURES, 'multilingual.jsonl'));
  assertFloors('analysis-fixtures', score, floors.analysis_fixtures);
});

test('language identification (hand-labelled fixtures) stays above its floor', () => {
  const { per_language: _languages, per_kind: _kinds, confusions: _confusions, ...score } = evalLanguageId(join(ANALYSIS_FIXTURES, 'language-id.jsonl'));
  assertFloors('language-id', score, floors.language_id);
});
