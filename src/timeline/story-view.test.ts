import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { DateMention, StoredArticle } from '../domain/index.js';
import { dateMention, storedArticle } from '../../test/helpers/articles.js';
import { buildStoryView } from './story-view.js';
import { renderStoryMarkdown } from './markdown.js';

const mention = dateMention;

function article(id: string, language: string, published: string, title: string, dates: DateMention[]): StoredArticle {
  return storedArticle(id, {
    contentHash: id,
    title,
    text: `${title}. A lead sentence with enough words to serve as a summary of this report.`,
    published: { start: published, precision: 'day' },
    language,
    languageConfidence: 1,
    entities: [{ name: 'Harbour Authority', type: 'organization', aliases: [], mentions: 1 }],
    dates,
    terms: [],
    ingestedAt: '2024-01-01T00:00:00Z',
  });
}

test('points are ordered oldest first, merged by day, and old developments are background', () => {
  const view = buildStoryView('s1', [
    article('b', 'en', '2024-03-10', 'Harbour reopens', [mention('2024-03-08', 'The storm hit on Friday.'), mention('2010-05-01', 'The harbour was built in 2010.')]),
    article('a', 'fr', '2024-03-08', 'Tempête sur le port', [mention('2024-03-08', 'La tempête a frappé vendredi.', { end: '2024-03-09' })]),
    article('c', 'en', '2024-03-12', 'Repairs begin', [mention('2000-01-01', 'Since 2000', { reference: true, precision: 'year' })]),
  ]);
  assert.deepEqual(view.timeline.map((p) => [p.date, p.articles]), [
    ['2024-03-08', ['a', 'b']],
    ['2024-03-10', ['b']],
    ['2024-03-12', ['c']],
  ]);
  // The story's main language wins the text of a shared point; the widest range is kept.
  assert.equal(view.timeline[0]!.text, 'The storm hit on Friday.');
  assert.equal(view.timeline[0]!.end, '2024-03-09');
  assert.deepEqual(view.background.map((p) => p.date), ['2010-05-01']);
  assert.deepEqual(view.languages, ['en', 'fr']);
  assert.deepEqual(view.articles.map((a) => a.id), ['a', 'b', 'c']);
  assert.match(renderStoryMarkdown(view), /- \*\*2024-03-08\/09\*\*: The storm hit on Friday\. \[a, b\]/);
});
