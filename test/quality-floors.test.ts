// The evaluation gate: quality on the shared development samples never drops below bench/baseline.json.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { evalDates, evalExtraction, evalSegments } from '../src/eval/index.js';
import { evalAnalysis, evalClustering, evalLanguageId, evalSimilarity, evalTimelines } from '../src/eval/index.js';
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

test('story clustering (multilingual fixture stories with distractors and copies) stays above its floors', async () => {
  const r = await evalClustering(join(REPO_ROOT, 'test', 'fixtures', 'clustering', 'stories.jsonl'));
  assert.equal(r.failed, 0);
  const score = {
    pairwise_precision: r.pairwise_precision,
    pairwise_recall: r.pairwise_recall,
    pairwise_f1: r.pairwise_f1,
    bcubed_f1: r.bcubed_f1,
    within_language_f1: r.within_language.f1,
    cross_language_f1: r.cross_language.f1,
    copies_precision: r.copies!.precision,
    copies_recall: r.copies!.recall,
  };
  assertFloors('clustering-fixtures', score, floors.clustering_fixtures);
});

// Real samples nobody here wrote (../shared/data/clustering): the shipped same-story model was fitted
// on them, so these whole-sample figures guard against regressions; the cross-validated (held-out)
// figures come from bench/fit-same-story.ts in `npm run bench`.
test('stories on real labelled events (Giveme5W1H dev sample) stay above their floors', async () => {
  const r = await evalClustering(join(SHARED_DATA, 'clustering', 'giveme5w1h-events-dev', 'items.jsonl'));
  assert.equal(r.failed, 0);
  assertFloors('giveme5w1h-events', { pairwise_precision: r.pairwise_precision, pairwise_f1: r.pairwise_f1, bcubed_f1: r.bcubed_f1 }, floors.clustering_giveme5w1h_events_dev);
});

test('stories never mix the real crisis topics (ML-Crisis dev sample) below their floors', async () => {
  const r = await evalClustering(join(SHARED_DATA, 'clustering', 'ml-crisis-topics-dev', 'items.jsonl'));
  assertFloors('ml-crisis-topics', { bcubed_precision: r.bcubed_precision, cross_language_precision: r.cross_language.precision }, floors.clustering_ml_crisis_topics_dev);
});

test('German-English pair similarity (SemEval-2022 Task 8 cross-lingual dev sample) stays above its floor', () => {
  const { per_pair: _pairs, per_language_pair: _languages, baseline_tfidf: _baseline, ...score } = evalSimilarity(join(SHARED_DATA, 'clustering', 'semeval2022-task8-crosslingual-dev', 'pairs.jsonl'));
  assertFloors('similarity-de-en', score, floors.similarity_de_en);
});

test('pair similarity (SemEval-2022 Task 8 dev sample) stays above its floor', () => {
  const { per_pair: _pairs, per_language_pair: _languages, baseline_tfidf: _baseline, ...score } = evalSimilarity(join(SHARED_DATA, 'clustering', 'semeval2022-task8-pairs-dev', 'pairs.jsonl'));
  assertFloors('similarity-pairs', score, floors.similarity_pairs);
});

// Editors' timelines of real news topics (Timeline17 dev sample, ../shared/data/timelines/t17-dev): the
// shipped date weights were fitted on these topics, so this whole-sample figure guards against
// regressions; the leave-one-topic-out (held-out) figure comes from bench/fit-timeline.ts in `npm run bench`.
test('topic timelines (Timeline17 dev sample) stay above their floors and beat the busiest days', async () => {
  const { mean } = await evalTimelines(join(SHARED_DATA, 'timelines', 't17-dev'));
  assertFloors('timelines-t17-dev', { date_f1: mean.storyline.date_f1, rouge1_f: mean.storyline.rouge1_f }, floors.timelines_t17_dev);
  assert.ok(mean.storyline.date_f1 > mean.baseline_busiest_days.date_f1, 'Date-F1 above the busiest publication days');
});
