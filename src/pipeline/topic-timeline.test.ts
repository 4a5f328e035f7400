import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import { dateMention, storedArticle, testIndex } from '../../test/helpers/articles.js';
import { tempDir } from '../../test/helpers/cli.js';
import { SqliteStoryStore } from '../store/index.js';
import { buildSelectionTimeline, periodEnd, periodStart, SelectionError } from './topic-timeline.js';

test('a period is read at its precision: from its first day to its last', () => {
  assert.equal(periodStart('2024', 'from'), '2024-01-01');
  assert.equal(periodEnd('2024', 'to'), '2024-12-31');
  assert.equal(periodStart('2024-02', 'from'), '2024-02-01');
  assert.equal(periodEnd('2024-02', 'to'), '2024-02-29');
  assert.equal(periodEnd('2024-06-18', 'to'), '2024-06-18');
  for (const bad of ['June', '2024-13', '2024-02-30', '24-06-01']) assert.throws(() => periodStart(bad, 'from'), /^SelectionError: from: not a date/);
});

test('selection: something must be selected, dates in order, a story must exist; an unknown entity selects nothing', async () => {
  const store = new SqliteStoryStore(join(tempDir(), 't.db'));
  await store.addArticle(storedArticle('a1', { dates: [dateMention('2024-06-17', 'Talks were held on June 17.')] }), { newStory: true, dateUpdates: [], index: testIndex() });
  const problem = async (selection: Parameters<typeof buildSelectionTimeline>[1]) => {
    try {
      await buildSelectionTimeline(store, selection);
    } catch (err) {
      assert.ok(err instanceof SelectionError);
      return [err.problem, err.message];
    }
    return null;
  };
  assert.equal((await problem({ language: 'en' }))?.[0], 'empty');
  assert.equal((await problem({ query: '  ' }))?.[0], 'empty');
  assert.deepEqual(await problem({ from: '2024-07', to: '2024-06' }), ['date', 'from: 2024-07 is after to (2024-06)']);
  assert.deepEqual(await problem({ story: 'nope' }), ['story', 'no such story: nope']);
  const nobody = await buildSelectionTimeline(store, { entity: 'Nobody' });
  assert.deepEqual([nobody.points, nobody.selection.entities, nobody.articleCount], [[], [], 0]);
  const putin = await buildSelectionTimeline(store, { entity: 'putin', from: '2024-06' });
  assert.deepEqual(putin.selection, { entity: 'putin', from: '2024-06', entities: ['Vladimir Putin'] });
  assert.deepEqual(putin.points.map((p) => p.date), ['2024-06-17', '2024-06-18']);
  assert.deepEqual(putin.articles.map((a) => a.id), ['a1']);
  await store.close();
});
