import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { storedArticle } from '../../test/helpers/articles.js';
import { mostCentralArticle } from './central-article.js';

const report = (id: string, language: string, words: string) => storedArticle(id, { contentHash: id, language, title: id, terms: words.split(' ') });

test('the report closest to the others names the story, not the oldest or the one with most names', () => {
  const articles = [
    report('side-story', 'en', 'macron visits factory workers jobs france election'),
    report('core-1', 'en', 'summit leaders agree climate fund pledge billion paris'),
    report('core-2', 'en', 'climate summit fund pledge billion leaders paris talks'),
    report('core-3', 'en', 'leaders pledge climate fund summit paris billion agreement'),
    report('round-up', 'en', 'macron merkel putin trump xi modi summit climate trade war sanctions election'),
  ];
  assert.match(mostCentralArticle(articles, 'en')!.id, /^core-/);
});

test('the main language is preferred; with no report in it, any language', () => {
  const articles = [report('de', 'de', 'gipfel klima fonds zusage'), report('en', 'en', 'summit climate fund pledge'), report('en-2', 'en', 'summit climate fund')];
  assert.equal(mostCentralArticle(articles, 'de')!.id, 'de');
  assert.ok(['en', 'en-2'].includes(mostCentralArticle(articles, 'fr')!.id));
  assert.equal(mostCentralArticle([], 'en'), null);
});
