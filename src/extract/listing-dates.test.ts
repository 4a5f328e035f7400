import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeListingDate } from './listing-dates.js';

const day = (start: string) => ({ start, precision: 'day' as const });

test('a feed date dates a page that dates nothing itself', () => {
  const judged = judgeListingDate(null, { kind: 'feed', published: '2024-06-19T08:00:00Z' });
  assert.deepEqual(judged?.date, day('2024-06-19'));
  assert.equal(judged?.signal, 'feed');
});

test("a page's structured date beats a feed date on another day; agreement raises confidence", () => {
  const page = { date: day('2024-06-18'), signal: 'json-ld' as const, confidence: 0.97 };
  assert.equal(judgeListingDate(page, { kind: 'feed', published: '2024-06-20' })?.date.start, '2024-06-18');
  const agreeing = judgeListingDate({ ...page, signal: 'text', confidence: 0.55 }, { kind: 'feed', published: '2024-06-18T10:00:00Z' });
  assert.equal(agreeing?.signal, 'text');
  assert.ok(agreeing!.confidence > 0.85);
});

test('a weak text date gives way to a news sitemap date; a lastmod does not beat a text date', () => {
  const page = { date: day('2024-06-18'), signal: 'text' as const, confidence: 0.55 };
  assert.equal(judgeListingDate(page, { kind: 'sitemap', published: '2024-06-17' })?.signal, 'sitemap');
  assert.equal(judgeListingDate({ ...page, confidence: 0.65 }, { kind: 'sitemap', modified: '2024-06-21' })?.signal, 'text');
});

test('a capture date only dates an otherwise undated page', () => {
  const page = { date: day('2024-06-18'), signal: 'text' as const, confidence: 0.55 };
  assert.equal(judgeListingDate(page, { kind: 'warc', published: '2024-06-25T00:00:00Z' })?.date.start, '2024-06-18');
  assert.equal(judgeListingDate(null, { kind: 'warc', published: '2024-06-25T00:00:00Z' })?.signal, 'capture');
  assert.equal(judgeListingDate(null, { kind: 'warc', published: 'not a date' }), null);
});
