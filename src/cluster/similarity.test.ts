import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { EntityMention, EntityType } from '../domain/index.js';
import type { CorpusStats } from '../store/index.js';
import type { FeatureInput } from './features.js';
import { articleSimilarity } from './similarity.js';

const entity = (name: string, type: EntityType, mentions = 1): EntityMention => ({ name, type, aliases: [], mentions });
const article = (language: string, entities: EntityMention[], terms: string[] = [], published = '2024-06-18'): FeatureInput => ({
  language,
  entities,
  terms,
  text: '',
  titleTerms: [],
  published: { start: published, precision: 'day' },
  publishedSource: 'supplied',
  dates: [],
});
const stats = (articleCount: number, entityFrequency: Record<string, number> = {}): CorpusStats => ({
  articleCount,
  entityFrequency: new Map(Object.entries(entityFrequency)),
  termFrequency: new Map(),
});

const visit = [
  entity('Vladimir Putin', 'person', 4),
  entity('Kim Jong Un', 'person', 2),
  entity('Pyongyang', 'place', 2),
  entity('North Korea', 'place', 5),
  entity('Dmitry Peskov', 'person'),
];

test('across languages, shared people and places make a story', () => {
  const s = articleSimilarity(article('en', visit), article('vi', visit), stats(100));
  assert.ok(s.score > 0.6, `score ${s.score}`);
  assert.deepEqual([...s.sharedEntities].sort(), visit.map((e) => e.name).sort());
});

test('across languages, places alone are not enough', () => {
  const places = [entity('Spain', 'place'), entity('Madrid', 'place'), entity('Barcelona', 'place')];
  assert.equal(articleSimilarity(article('tr', places), article('es', places), stats(100)).score, 0);
});

test('entities in most articles are not distinctive evidence', () => {
  const generic = [entity('United States', 'place'), entity('X Corp.', 'organization')];
  const common = stats(1000, { 'United States': 400, 'X Corp.': 300 });
  assert.equal(articleSimilarity(article('de', generic), article('es', generic), common).score, 0);
});

test('within a language, shared vocabulary adds to shared entities', () => {
  const terms = ['visit', 'pyongyang', 'summit', 'treaty'];
  const withTerms = articleSimilarity(article('en', visit, terms), article('en', visit, terms), stats(100)).score;
  const withoutTerms = articleSimilarity(article('en', visit, terms), article('en', visit, ['football', 'league']), stats(100)).score;
  assert.ok(withTerms > withoutTerms + 0.3);
});

test('reports years apart are damped', () => {
  const near = articleSimilarity(article('en', visit), article('vi', visit), stats(100)).score;
  const far = articleSimilarity(article('en', visit), article('vi', visit, [], '2019-01-01'), stats(100)).score;
  assert.ok(Math.abs(far - near / 2) < 1e-9);
});
