import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { CalendarDate, DateSignal, UnresolvedDate } from '../../domain/index.js';
import { datesFromStory, type DatingMember } from './dates-from-story.js';

const may8: UnresolvedDate = { text: 'May 8', sentence: 'On May 8 the talks ended.', offset: 3, month: 5, day: 8, tense: 'past', reference: false, kind: 'event' };
const member = (id: string, unresolvedDates: UnresolvedDate[], published: CalendarDate | null = null, publishedSource: DateSignal | null = null): DatingMember => ({
  id,
  unresolvedDates,
  published,
  publishedSource,
  dates: [],
  text: 'On May 8 the talks ended.',
  titleTerms: [],
  terms: ['talks', 'ended'],
  entities: [],
  language: 'en',
});
const day = (start: string): CalendarDate => ({ start, precision: 'day' });
/** The story's dates, counting how often they are read. */
const dates = (list: string[]) => {
  const read = Object.assign(() => (read.calls++, list), { calls: 0 });
  return read;
};

test('an undated member with yearless dates takes the year nearest its story, and a month of publication', async () => {
  const [update, ...rest] = (await datesFromStory(member('new', [], day('2024-06-01'), 'supplied'), [member('old', [may8])], dates(['2024-05-20'])));
  assert.equal(rest.length, 0);
  assert.equal(update!.id, 'old');
  assert.deepEqual(update!.published, { start: '2024-05-01', end: '2024-05-31', precision: 'month' });
  assert.equal(update!.publishedSource, 'story');
  assert.deepEqual(update!.dates.map((d) => d.start), ['2024-05-08']);
  assert.deepEqual(update!.unresolvedDates, []);
  // Its comparison features follow the new date.
  assert.deepEqual(update!.features.months, ['2024-05']);
});

test('the new article dates its story: its own publication is context, when it is not itself borrowed', async () => {
  assert.equal((await datesFromStory(member('new', [], day('2023-05-20'), 'supplied'), [member('old', [may8])], dates([])))[0]?.dates[0]?.start, '2023-05-08');
  assert.deepEqual((await datesFromStory(member('new', [], day('2023-05-20'), 'story'), [member('old', [may8])], dates([]))), []);
});

test('an undated new article borrows from the story it joins', async () => {
  const updates = (await datesFromStory(member('new', [may8]), [], dates(['2022-05-30'])));
  assert.deepEqual(updates.map((u) => [u.id, u.published.start]), [['new', '2022-05-01']]);
});

test('nothing to date: the story dates are not read', async () => {
  const storyDates = dates(['2024-05-20']);
  assert.deepEqual((await datesFromStory(member('new', [], day('2024-06-01'), 'supplied'), [member('old', [])], storyDates)), []);
  // A dated new article with yearless dates has dated them itself.
  assert.deepEqual((await datesFromStory(member('new', [may8], day('2024-06-01'), 'supplied'), [], storyDates)), []);
  assert.equal(storyDates.calls, 0);
});

test('no dates in the story: nothing is inferred', async () => {
  assert.deepEqual((await datesFromStory(member('new', [may8]), [member('old', [may8])], dates([]))), []);
});
