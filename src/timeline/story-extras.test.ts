import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { DateMention, StoredArticle } from '../domain/index.js';
import { dateMention, storedArticle } from '../../test/helpers/articles.js';
import { renderStoryFeed } from '../api/atom.js';
import { buildStoryView, findSourceDifferences, storyCoverage, storyQuotes, summarizeStory } from './index.js';

const mention = dateMention;

function article(id: string, source: string, published: string, dates: DateMention[], extra: Partial<StoredArticle> = {}): StoredArticle {
  return storedArticle(id, { contentHash: id, source, title: `Report ${id}`, published: { start: published, precision: 'day' }, dates, ...extra });
}

const SHIP = 'The cargo ship Northern Star ran aground near the harbour entrance during the storm';

test('source differences: a development dated differently by two outlets, and points only one outlet reports', () => {
  const articles = [
    article('a', 'Harbour News', '2024-03-10', [mention('2024-03-08', `${SHIP} on Friday.`)]),
    article('b', 'Coast Daily', '2024-03-11', [mention('2024-03-07', `${SHIP} on Thursday.`), mention('2024-03', 'Repairs will take weeks, officials said in March.', { precision: 'month' })]),
    article('c', 'Coast Daily', '2024-03-12', [mention('2024-03-08', `${SHIP} last Friday.`)]),
  ];
  const view = buildStoryView('s1', articles);
  const diff = findSourceDifferences(view, articles);
  assert.deepEqual(diff.outlets, ['Coast Daily', 'Harbour News']);
  // b says the 7th, a and c the 8th; a and c agree, so they are no conflict.
  assert.deepEqual(
    diff.dateConflicts.map((c) => c.reports.map((r) => `${r.article}@${r.date}`)),
    [['b@2024-03-07', 'a@2024-03-08'], ['b@2024-03-07', 'c@2024-03-08']],
  );
  for (const c of diff.dateConflicts) assert.ok(c.similarity >= 0.5 && c.similarity <= 1);
  // The 7th is reported by Coast Daily only; the 8th by both outlets.
  const single = diff.singleSource.map((p) => `${p.date}:${p.source}`);
  assert.ok(single.includes('2024-03-07:Coast Daily'));
  assert.ok(!single.some((s) => s.startsWith('2024-03-08:')));
});

test('a month date does not conflict with a day inside it; one outlet means no single-source list', () => {
  const articles = [
    article('a', 'Harbour News', '2024-03-10', [mention('2024-03-08', `${SHIP} on Friday.`)]),
    article('b', 'Harbour News', '2024-03-11', [mention('2024-03', `${SHIP} in March.`, { precision: 'month' })]),
  ];
  const diff = findSourceDifferences(buildStoryView('s1', articles), articles);
  assert.deepEqual(diff.dateConflicts, []);
  assert.deepEqual(diff.singleSource, []);
});

test('unknown-outlet-not-counted: articles naming no outlet are listed as such, never counted as an outlet', () => {
  const unknown = (id: string, published: string, dates: DateMention[]) => article(id, 'ignored', published, dates, { source: null });
  const articles = [
    article('a', 'Harbour News', '2024-03-10', [mention('2024-03-08', `${SHIP} on Friday.`)]),
    unknown('b', '2024-03-11', [mention('2024-03-08', `${SHIP} last Friday.`)]),
    unknown('c', '2024-03-12', [mention('2024-03-09', 'The harbour master closed the port to all traffic on Saturday.')]),
  ];
  const view = buildStoryView('s1', articles);
  const diff = findSourceDifferences(view, articles);
  // One known outlet and two articles of unknown outlet: one outlet, not two (nor three).
  assert.deepEqual(diff.outlets, ['Harbour News']);
  assert.equal(diff.unknownOutletArticles, 2);
  assert.deepEqual(diff.singleSource, []);
  const feed = renderStoryFeed(view, articles, { storyUrl: 'http://x/s1', feedUrl: 'http://x/s1.atom' });
  assert.ok(!/reported by [^)]*unknown outlet,/.test(feed), 'an unknown outlet is not one of the outlets');
  assert.match(feed, /reported by Harbour News, an article of unknown outlet\)/);
  assert.match(feed, /reported by an article of unknown outlet\)/);
});

test('unknown-outlet-not-counted: a development an unknown outlet also reports is not single-source', () => {
  const articles = [
    article('a', 'Harbour News', '2024-03-10', [mention('2024-03-08', `${SHIP} on Friday.`)]),
    article('b', 'Coast Daily', '2024-03-11', [mention('2024-03-09', 'The harbour master closed the port to all traffic on Saturday.')]),
    article('c', 'ignored', '2024-03-12', [mention('2024-03-08', `${SHIP} last Friday.`)], { source: null }),
    article('d', 'ignored', '2024-03-12', [mention('2024-03-07', 'Divers inspected the damaged hull of the stranded ship on Thursday.')], { source: null }),
  ];
  const diff = findSourceDifferences(buildStoryView('s1', articles), articles);
  assert.deepEqual(diff.outlets, ['Coast Daily', 'Harbour News']);
  // The 9th: Coast Daily alone. The 8th: Harbour News and an unknown outlet, which may be another one. The 7th: unknown only.
  const single = diff.singleSource.map((p) => `${p.date}:${p.source}`);
  assert.ok(single.includes('2024-03-09:Coast Daily'), single.join(' '));
  assert.ok(!single.some((p) => p.startsWith('2024-03-08:') || p.startsWith('2024-03-07:') || p.startsWith('2024-03-12:')), single.join(' '));
});

test('coverage counts articles in equal slices of the story span', () => {
  const articles = ['2024-01-01', '2024-01-01', '2024-01-12', '2024-01-25'].map((d, i) => article(`a${i}`, 'X', d, []));
  const coverage = storyCoverage(buildStoryView('s1', articles), 4);
  assert.deepEqual(coverage, [2, 1, 0, 1]);
  assert.deepEqual(storyCoverage(buildStoryView('s2', []), 3), [0, 0, 0]);
});

test('quotes carry the article that reports them, oldest article first', () => {
  const quote = { speaker: 'Vladimir Putin', speakerText: 'Putin', text: 'We will come back', kind: 'direct' as const, start: 0, end: 1 };
  const articles = [article('late', 'X', '2024-05-02', [], { quotes: [quote] }), article('early', 'Y', '2024-05-01', [], { quotes: [{ ...quote, text: 'First' }] })];
  const quotes = storyQuotes(buildStoryView('s1', articles), articles);
  assert.deepEqual(
    quotes.map((q) => [q.article, q.source, q.published, q.speaker, q.text]),
    [
      ['early', 'Y', '2024-05-01', 'Vladimir Putin', 'First'],
      ['late', 'X', '2024-05-02', 'Vladimir Putin', 'We will come back'],
    ],
  );
});

test('syndicated copies are not coverage: left out of the sparkline, the quotes and the summary counts', () => {
  const quote = { speaker: 'Vladimir Putin', speakerText: 'Putin', text: 'We will come back', kind: 'direct' as const, start: 0, end: 1 };
  const original = article('orig', 'X', '2024-05-01', [], { quotes: [quote] });
  const copy = article('copy', 'Y', '2024-05-20', [], { quotes: [quote], duplicateOf: 'orig' });
  const view = buildStoryView('s1', [original, copy]);
  assert.deepEqual(view.articles.map((a) => [a.id, a.duplicateOf]), [['orig', null], ['copy', 'orig']]);
  assert.deepEqual(storyCoverage(view, 2), [0, 1]);
  assert.deepEqual(storyQuotes(view, [original, copy]).map((q) => q.article), ['orig']);
  assert.deepEqual([summarizeStory(view).articleCount, summarizeStory(view).copyCount], [1, 1]);
});
