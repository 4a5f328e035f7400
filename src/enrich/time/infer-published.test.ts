import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { DateMention, UnresolvedDate } from '../../domain/index.js';
import { inferFromContent, inferFromStory } from './infer-published.js';

const mention = (start: string, precision: 'day' | 'month' | 'year', tense: 'past' | 'future' = 'past', reference = false): DateMention => ({
  start,
  precision,
  text: start,
  sentence: start,
  offset: 0,
  reference,
  kind: reference ? 'reference' : 'event',
  tense,
});
const yearless = (month: number, day: number | undefined, tense: 'past' | 'future'): UnresolvedDate => ({
  text: `${month}/${day}`,
  sentence: '',
  offset: 0,
  month,
  ...(day !== undefined ? { day } : {}),
  tense,
  reference: false,
  kind: 'event',
});

test('yearless dates fall in the twelve months after the latest dated development', () => {
  const inferred = inferFromContent([mention('2023-09-01', 'month'), mention('2000-01-01', 'year', 'past', true)], [yearless(6, 18, 'future'), yearless(5, undefined, 'past')], '2026-01-01')!;
  assert.deepEqual(inferred.resolved.map((d) => d.start), ['2024-06-18', '2024-05-01']);
  assert.deepEqual(inferred.published, { start: '2024-06-01', end: '2024-06-30', precision: 'month' });
});

test('forecasts and dates after today do not date a report', () => {
  const inferred = inferFromContent([mention('2019-12-01', 'month'), mention('2050-01-01', 'year', 'future'), mention('2030-05-01', 'month', 'past')], [], '2026-01-01')!;
  assert.equal(inferred.published.start, '2019-12-01');
  assert.equal(inferred.published.precision, 'month');
});

test('a day-precise development gives only month precision', () => {
  assert.equal(inferFromContent([mention('2024-05-08', 'day')], [], '2026-01-01')!.published.precision, 'month');
  assert.equal(inferFromContent([], [], '2026-01-01'), null);
});

test('an article naming no year takes the year nearest its story', () => {
  const inferred = inferFromStory([yearless(5, 8, 'past'), yearless(5, 7, 'past')], ['2024-01-21', '2024-02-11', '2024-06-18'])!;
  assert.deepEqual(inferred.resolved.map((d) => d.start), ['2024-05-08', '2024-05-07']);
  assert.deepEqual(inferred.published, { start: '2024-05-01', end: '2024-05-31', precision: 'month' });
});
