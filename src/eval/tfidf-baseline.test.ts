import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { foldOf } from './folds.js';
import { cosine, singlePassClusters, tfidfVectors } from './tfidf-baseline.js';

const doc = (text: string, date = '2024-06-18', lang = 'en') => ({ lang, title: '', text, date });

test('single pass: reports sharing their words join, an unrelated report and one past the window start stories', () => {
  const docs = [
    doc('putin arrives in pyongyang for talks with kim jong un on a defence treaty'),
    doc('kim jong un welcomes putin in pyongyang as the two sign a defence treaty', '2024-06-19'),
    doc('the football league season ends with a goal in the final minute'),
    doc('putin and kim sign defence treaty in pyongyang', '2024-09-01'),
  ];
  const found = singlePassClusters(docs);
  assert.equal(found[0], found[1]);
  assert.notEqual(found[0], found[2]);
  // More than 30 days after the story's last report: a story of its own.
  assert.notEqual(found[3], found[0]);
  assert.equal(singlePassClusters(docs, { threshold: 0.2, windowDays: 365 })[3], found[0]);
});

test('TF-IDF vectors are unit length, stop words do not count, identical texts have cosine 1', () => {
  const [a, b, c] = tfidfVectors([doc('the summit and the treaty'), doc('the summit and the treaty'), doc('the and of')]);
  assert.ok(Math.abs(cosine(a!, b!) - 1) < 1e-9);
  assert.equal(c!.size, 0);
});

test('folds are fixed by the key, in range, and spread', () => {
  assert.equal(foldOf('event-42'), foldOf('event-42'));
  const counts = new Array(5).fill(0);
  for (let i = 0; i < 500; i++) counts[foldOf(`k${i}`)]++;
  assert.ok(counts.every((c) => c > 60), counts.join(','));
});
