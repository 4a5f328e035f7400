import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { EntityMention, EntityType } from '../domain/index.js';
import type { CorpusStats } from '../store/index.js';
import { DEFAULT_CLUSTER_CONFIG } from './assign.js';
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

const visit = [entity('Vladimir Putin', 'person', 4), entity('Kim Jong Un', 'person', 2), entity('Pyongyang', 'place', 2), entity('North Korea', 'place', 5)];
const words = 'putin pyongyang summit treaty partnership defence signed visit leaders agreement'.split(' ');
const cross = DEFAULT_CLUSTER_CONFIG.crossLanguageJoinThreshold;

test('the score is a probability, and the same report scores higher than an unrelated one', () => {
  const same = articleSimilarity(article('en', visit, words), article('en', visit, words), stats(100)).score;
  const other = articleSimilarity(article('en', visit, words), article('en', [entity('Spain', 'place')], ['football', 'league', 'season', 'goal']), stats(100)).score;
  assert.ok(same > 0 && same < 1 && other > 0 && other < 1);
  assert.ok(same > DEFAULT_CLUSTER_CONFIG.joinThreshold, `same report ${same}`);
  assert.ok(other < DEFAULT_CLUSTER_CONFIG.joinThreshold, `unrelated ${other}`);
});

test('across languages, shared names alone do not reach the join threshold', () => {
  // Vietnamese is compared by names and figures only (no shared words): two shared leaders are not a story.
  const s = articleSimilarity(article('en', visit, words), article('vi', visit, ['binh_nhuong', 'hoi_nghi']), stats(100));
  assert.ok(s.score < cross, `names alone ${s.score}`);
  assert.deepEqual([...s.sharedEntities].sort(), visit.map((e) => e.name).sort());
});

test('across Latin-script languages, shared words and cognates are content evidence', () => {
  const es = 'putin pyongyang cumbre tratado defensa firmado visita lideres acuerdo'.split(' ');
  const related = articleSimilarity(article('en', visit, words), article('es', visit, es), stats(100)).score;
  const unrelated = articleSimilarity(article('en', visit, words), article('es', visit, ['futbol', 'partido', 'equipo', 'temporada']), stats(100)).score;
  assert.ok(related > unrelated, `${related} vs ${unrelated}`);
});

test('within a language, reports years apart score lower than reports days apart', () => {
  const near = articleSimilarity(article('en', visit, words), article('en', visit, words.slice(0, 6)), stats(100)).score;
  const far = articleSimilarity(article('en', visit, words), article('en', visit, words.slice(0, 6), '2021-01-01'), stats(100)).score;
  assert.ok(far < near, `${far} vs ${near}`);
});
