import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { EntityMention } from '../domain/index.js';
import type { ClusterCandidate, CorpusStats } from '../store/index.js';
import { DEFAULT_CLUSTER_CONFIG } from './assign.js';
import { articleFeatures } from './features.js';
import { candidateQuery, candidatesFromIndex, decidePlacement, ROWS_PER_KEY, type CandidateQuery, type PlacementInput } from './placement.js';

const entity = (name: string, mentions = 1): EntityMention => ({ name, type: 'person', aliases: [], mentions });
const people = [entity('Vladimir Putin', 4), entity('Kim Jong Un', 2)];
const visitTerms = ['visit', 'pyongyang', 'summit', 'treaty', 'defence', 'signed', 'leaders', 'talks'];
const sportTerms = ['football', 'league', 'match', 'goal', 'coach', 'season', 'striker', 'derby'];

/** English features with `shared` of the visit terms and the rest about football. */
const features = (shared: number, title: string[] = [], published = '2024-06-18') =>
  articleFeatures({
    language: 'en',
    entities: people,
    terms: [...visitTerms.slice(0, shared), ...sportTerms.slice(shared)],
    titleTerms: title,
    text: 'x'.repeat(2000),
    published: { start: published, precision: 'day' },
    publishedSource: 'supplied',
    dates: [],
  });
const candidate = (id: string, storyId: string, f = features(8, ['putin', 'kim'])): ClusterCandidate => ({ id, title: id, storyId, eventId: `e-${id}`, features: f });
const stats: CorpusStats = { articleCount: 100, entityFrequency: new Map(), termFrequency: new Map() };
const article: PlacementInput = { features: features(8, ['putin', 'kim']), queryKeys: ['e:Kim Jong Un', 't:en:summit'], day: 19892 };
const lookup = (candidates: ClusterCandidate[], queries: CandidateQuery[] = []) => (q: CandidateQuery) => (queries.push(q), candidates);

test('candidates are looked up by the article keys, within the model window, 60 at most, skipping keys in a fifth of the corpus', () => {
  const w = DEFAULT_CLUSTER_CONFIG.windowDays;
  assert.deepEqual(candidateQuery(['k'], 19892, 1000, w), { keys: ['k'], maxKeyFrequency: 200, fromDay: 19892 - w, toDay: 19892 + w, limit: 60 });
  assert.equal(candidateQuery(['k'], 19892, 1000, 30).fromDay, 19862);
  // A small corpus still retrieves by keys in 50 articles; a huge one by none in more than 5,000.
  assert.equal(candidateQuery([], 0, 10).maxKeyFrequency, 50);
  assert.equal(candidateQuery([], 0, 100_000).maxKeyFrequency, 5000);
  // Undated: no window.
  assert.deepEqual([candidateQuery([], null, 10).fromDay, candidateQuery([], null, 10).toDay], [-1e9, 1e9]);
});

test('with no candidates the article starts a story', async () => {
  const queries: CandidateQuery[] = [];
  const placed = await decidePlacement(article, stats, lookup([], queries));
  assert.deepEqual(queries, [candidateQuery(article.queryKeys, article.day, stats.articleCount, DEFAULT_CLUSTER_CONFIG.windowDays)]);
  assert.equal(placed.storyId, null);
  assert.equal(placed.eventId, null);
  assert.equal(placed.bestMatch, null);
  assert.deepEqual([placed.score, placed.articlesCompared, placed.storiesCompared, placed.mergeStoryIds.length], [0, 0, 0, 0]);
});

test('a clearly similar candidate: the article joins its story and event, the unrelated one is the runner-up', async () => {
  const placed = await decidePlacement(article, stats, lookup([candidate('sport', 's-sport', features(0)), candidate('same', 's1')]));
  assert.equal(placed.storyId, 's1');
  assert.equal(placed.eventId, 'e-same');
  assert.equal(placed.eventMember, 'same');
  assert.equal(placed.bestMatch?.candidate.id, 'same');
  assert.ok(placed.score > DEFAULT_CLUSTER_CONFIG.mergeThreshold, `score ${placed.score}`);
  assert.equal(placed.runnerUp?.storyId, 's-sport');
  assert.deepEqual(placed.scored.map((m) => m.candidate.id), ['same', 'sport']);
  assert.deepEqual(placed.mergeStoryIds, []);
});

/** The score of one candidate sharing `shared` of the eight terms, and a threshold halfway between two such scores. */
const scoreWith = async (shared: number) => (await decidePlacement(article, stats, lookup([candidate('m', 's1', features(shared))]))).score;
const between = async (low: number, high: number) => ((await scoreWith(low)) + (await scoreWith(high))) / 2;

test('more shared words, a higher score; a candidate below the join threshold does not take the article', async () => {
  const scores = await Promise.all([2, 4, 6, 8].map(scoreWith));
  assert.deepEqual(scores, [...scores].sort((a, b) => a - b), `scores ${scores}`);
  const config = { ...DEFAULT_CLUSTER_CONFIG, joinThreshold: await between(3, 4) };
  const place = (shared: number) => decidePlacement(article, stats, lookup([candidate('loose', 's1', features(shared))]), config);
  assert.equal((await place(3)).storyId, null);
  assert.equal((await place(3)).bestMatch?.candidate.id, 'loose');
  assert.equal((await place(4)).storyId, 's1');
});

test('the article joins the event of its closest member only from the event threshold and within 3 days', async () => {
  const config = { ...DEFAULT_CLUSTER_CONFIG, joinThreshold: await between(2, 3), eventThreshold: await between(4, 5) };
  const event = async (f: ReturnType<typeof features>) => {
    const placed = await decidePlacement(article, stats, lookup([candidate('m', 's1', f)]), config);
    return [placed.storyId, placed.eventId];
  };
  assert.deepEqual(await event(features(5)), ['s1', 'e-m']);
  assert.deepEqual(await event(features(4)), ['s1', null]);
  assert.deepEqual(await event(features(8, ['putin', 'kim'], '2024-06-22')), ['s1', null]);
});

test('candidates of two stories: the second merges in only from the merge threshold', async () => {
  const config = { ...DEFAULT_CLUSTER_CONFIG, joinThreshold: await between(2, 3), mergeThreshold: await between(5, 6) };
  const joinOnly = await decidePlacement(article, stats, lookup([candidate('close', 's1'), candidate('half', 's2', features(4))]), config);
  assert.equal(joinOnly.storyId, 's1');
  assert.ok(joinOnly.runnerUp!.score >= config.joinThreshold && joinOnly.runnerUp!.score < config.mergeThreshold, `runner-up ${joinOnly.runnerUp!.score}`);
  assert.deepEqual(joinOnly.mergeStoryIds, []);
  // Six of eight: the article proves the two stories one.
  const merged = await decidePlacement(article, stats, lookup([candidate('close', 's1'), candidate('most', 's2', features(6))]), config);
  assert.equal(merged.storyId, 's1');
  assert.deepEqual(merged.mergeStoryIds, ['s2']);
  // The threshold is the config's.
  assert.deepEqual((await decidePlacement(article, stats, lookup([candidate('close', 's1'), candidate('most', 's2', features(6))]), { ...config, mergeThreshold: 0.9999 })).mergeStoryIds, []);
});

test('candidates from a key index: rarer shared keys rank first, over-common keys are not asked, at most the limit', async () => {
  const asked: string[][] = [];
  const postings: Record<string, string[]> = { 'e:Kim Jong Un': ['rare-and-common', 'rare'], 'e:Russia': ['rare-and-common', 'common', 'x'], 'e:Asia': ['everywhere'] };
  const index = {
    corpusStats: async (): Promise<CorpusStats> => ({ articleCount: 1000, entityFrequency: new Map([['Kim Jong Un', 5], ['Russia', 150], ['Asia', 900]]), termFrequency: new Map() }),
    findKeyPostings: async (keys: string[], _window: unknown, perKey: number) => {
      asked.push(keys);
      assert.equal(perKey, ROWS_PER_KEY);
      return new Map(keys.map((k) => [k, postings[k] ?? []]));
    },
    getCandidates: async (ids: string[]) => ids.map((id) => candidate(id, `s-${id}`)),
  };
  const query: CandidateQuery = { ...candidateQuery(['e:Kim Jong Un', 'e:Russia', 'e:Asia', 'e:Unknown'], 19892, 1000), limit: 3 };
  const found = (await candidatesFromIndex(index)(query)).map((c) => c.id);
  assert.deepEqual(asked, [['e:Kim Jong Un', 'e:Russia']], 'a key in 900 of 1,000 articles (over the fifth) and one in none are not asked');
  assert.deepEqual(found, ['rare-and-common', 'rare', 'x'], 'both keys first, then the rare one, then the common one (ties by id)');
});
