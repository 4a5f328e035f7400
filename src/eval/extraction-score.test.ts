import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { benchmarkTokens, scoreCorpus, scorePage, shingles } from './extraction-score.js';

test('tokens are runs of letters, digits and underscore; combining marks split words', () => {
  assert.deepEqual(benchmarkTokens("It's a_b, 3.5 — ok"), ['It', 's', 'a_b', '3', '5', 'ok']);
  assert.deepEqual(benchmarkTokens('cafe\u0301 x'), ['cafe', 'x']);
});

test('the benchmark README checks, with 3-grams', () => {
  assert.equal(scorePage('a b c d', 'a b c', 3).precision, 0.5);
  const s = scorePage('a b c a b c', 'a b c', 3);
  assert.equal(s.tp / (s.tp + s.fp), 0.25);
  assert.equal(s.fp / (s.tp + s.fp), 0.75);
});

test('short texts are one shingle; empty output counts in recall only', () => {
  assert.deepEqual([...shingles('a b').keys()].length, 1);
  assert.equal(shingles('').size, 0);
  const empty = scorePage('', 'one two three four five');
  assert.deepEqual([empty.precision, empty.recall, empty.empty], [0, 0, true]);
  const corpus = scoreCorpus([empty, scorePage('one two three four five', 'one two three four five')]);
  assert.equal(corpus.precision, 1);
  assert.equal(corpus.recall, 0.5);
  assert.equal(corpus.empty, 1);
  assert.equal(corpus.accuracy, 0.5);
});
