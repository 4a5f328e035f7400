// The StoryStore contract as tests, run against every backend (story-store-behaviour.test.ts): the
// same calls must give the same results, orderings and edge cases on each.
import { strict as assert } from 'node:assert';
import { test, type TestContext } from 'node:test';
import { dateMention, storedArticle, testIndex } from '../../test/helpers/articles.js';
import { articleFeatures, documentTerms } from '../cluster/index.js';
import { lshBuckets, MINHASH_SIZE, minhashSignature } from '../dedup/index.js';
import { ArticleExistsError, type Placement, type StoredArticle } from '../domain/index.js';
import { epochDay } from '../time/index.js';
import { buildStoryView, storyTitle, summarizeStory } from '../timeline/index.js';
import { sortKey, type AddArticleOptions, type StoryListQuery, type StoryStore } from './story-store.js';

const features = articleFeatures(storedArticle('features'));
const index = (keys: string[] = ['e:Vladimir Putin'], minhash: Uint32Array = new Uint32Array(MINHASH_SIZE)) => ({
  sourceKey: 'test',
  keys,
  minhash,
  lshBuckets: lshBuckets(minhash),
  features,
  documentTerms: documentTerms(features),
});
const added = (extra: Partial<AddArticleOptions> = {}): AddArticleOptions => ({ newStory: true, dateUpdates: [], index: index(), ...extra });
const day = (start: string) => ({ start, precision: 'day' as const });
const ids = (articles: Array<{ id: string }>) => articles.map((a) => a.id);

const DAY_2024_06_18 = epochDay('2024-06-18')!;
const window = (days = 30) => ({ fromDay: DAY_2024_06_18 - days, toDay: DAY_2024_06_18 + days });

/** Refused as the database's own error, not retryable: what a second add of a stored identity meets. */
/** Both stores refuse a stored identity as ArticleExistsError, whoever stored it first. */
function uniqueViolation(err: unknown): boolean {
  return err instanceof ArticleExistsError && !err.retryable;
}

const kim = { name: 'Kim Jong Un', type: 'person' as const, aliases: ['Kim Jong-un', '김정은'], mentions: 1 };
const putin = { name: 'Vladimir Putin', type: 'person' as const, aliases: ['Putin'], mentions: 2 };
const pyongyang = { name: 'Pyongyang', type: 'place' as const, aliases: ['Bình Nhưỡng'], mentions: 1 };

/** Four articles in two stories for the selection queries. */
async function fillSelections(store: StoryStore): Promise<void> {
  const add = (a: StoredArticle, newStory: boolean) => store.addArticle(a, { newStory, dateUpdates: [], index: testIndex() });
  await add(storedArticle('a1', { title: 'Putin to visit Pyongyang', text: 'The Kremlin confirmed the trip.', entities: [putin, pyongyang], published: day('2024-06-10'), dates: [dateMention('2024-06-18', 'He arrives on June 18.')] }), true);
  await add(storedArticle('a2', { contentHash: 'h2', title: 'Putin đến Bình Nhưỡng', text: 'Tổng thống Nga đã đến.', language: 'vi', entities: [putin, pyongyang], published: day('2024-06-19') }), false);
  await add(storedArticle('a3', { contentHash: 'h3', storyId: 's2', title: 'Kim inspects a factory', text: 'State media said so.', entities: [kim], published: day('2024-01-05'), dates: [dateMention('2000-01-01', 'since 2000', { reference: true })] }), true);
  await add(storedArticle('a4', { contentHash: 'h4', storyId: 's2', title: 'A month-dated report', text: 'Undated news.', entities: [], published: { start: '2024-03-01', end: '2024-03-31', precision: 'month' } }), false);
}

/** Adds to an existing story by default (the summaries tests' shorthand). */
function addTo(store: StoryStore, a: StoredArticle, options: Partial<AddArticleOptions> = {}): Promise<void> {
  return store.addArticle(a, { newStory: false, dateUpdates: [], index: testIndex(), ...options });
}

/** Every stored summary equals what the story view summarizes from its articles (the title apart). */
async function assertSummariesMatchViews(store: StoryStore): Promise<void> {
  for (const { title: _stored, ...row } of await store.listStorySummaries()) {
    const view = buildStoryView(row.id, await store.storyArticles(row.id));
    const { title: _decided, ...counts } = summarizeStory(view);
    assert.deepEqual(row, { ...counts, outletCount: view.outlets.length }, row.id);
  }
}

/**
 * Registers the contract's tests for one backend. `open` gives a new, empty store for the test (it is
 * closed at the test's end); `skip` is test()'s skip (a reason, or false).
 */
export function storyStoreBehaviour(name: string, open: (t: TestContext) => Promise<StoryStore>, skip: string | false = false): void {
  const it = (title: string, body: (store: StoryStore) => Promise<void>) =>
    test(`${name}: ${title}`, { skip }, async (t) => {
      const store = await open(t);
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  it('an added article reads back whole, in ingest order, with its story', async (store) => {
    const placement: Placement = {
      decision: 'new-story', storyScore: 0.1, joinThreshold: 0.5, articlesCompared: 3, storiesCompared: 2, bestMatch: null,
      runnerUp: { storyId: 's9', score: 0.05 }, mergedStories: [], event: { id: 'e1', joined: false, withArticle: null }, copy: null,
    };
    const a1 = storedArticle('a1', { url: 'https://example.com/a1', suppliedId: 'x1', placement, quotes: [], authors: ['A. Writer'], dates: [dateMention('2024-06-17', 'Yesterday.')] });
    await store.addArticle(a1, added());
    await store.addArticle(storedArticle('a2', { contentHash: 'h2', storyId: 's2', published: null, publishedSource: null }), added());
    assert.deepEqual(await store.getArticle('a1'), a1);
    assert.equal(await store.getArticle('nope'), null);
    assert.deepEqual(ids(await store.listArticles()), ['a1', 'a2']);
    assert.deepEqual(ids(await store.listArticles('s2')), ['a2']);
    assert.deepEqual(ids(await store.storyArticles('s1')), ['a1']);
    assert.deepEqual(await store.listStoryIds(), ['s1', 's2'], 'same update time: by id');
    assert.equal(await store.hasContentHash('hash-a1'), true);
    assert.equal(await store.hasContentHash('nope'), false);
    assert.deepEqual(await store.articlesWithoutFeatures(10), [], 'every add stores features');
  });

  it('re-adding a stored identity is refused and leaves nothing behind: article, entities, statistics and story', async (store) => {
    await store.addArticle(storedArticle('a1'), added());
    // The story row is written first in the same transaction; the identity's uniqueness fails after it.
    await assert.rejects(store.addArticle(storedArticle('a2', { contentHash: 'hash-a1', storyId: 's2' }), added()), uniqueViolation);
    assert.deepEqual(await store.listStoryIds(), ['s1']);
    assert.deepEqual(ids(await store.listArticles()), ['a1']);
    assert.deepEqual(ids(await store.listStorySummaries()), ['s1']);
    const stats = await store.corpusStats();
    assert.equal(stats.articleCount, 1);
    assert.equal(stats.termFrequency.get('visit'), 1);
    assert.equal(stats.entityFrequency.get('Vladimir Putin'), 1);
  });

  it('corpus statistics count articles, entities per article and document terms, and follow adds', async (store) => {
    const empty = await store.corpusStats();
    assert.equal(empty.articleCount, 0);
    assert.equal(empty.termFrequency.get('visit'), undefined);
    await store.addArticle(storedArticle('a1', { entities: [putin, kim] }), added());
    await store.addArticle(storedArticle('a2', { contentHash: 'h2', entities: [putin] }), added({ newStory: false }));
    const stats = await store.corpusStats();
    assert.equal(stats.articleCount, 2);
    assert.equal(stats.entityFrequency.get('Vladimir Putin'), 2);
    assert.equal(stats.entityFrequency.get('Kim Jong Un'), 1);
    assert.equal(stats.termFrequency.get('visit'), 2);
    assert.equal(stats.termFrequency.get('nothing'), undefined);
  });

  it('in a batch, a failing article rolls back alone, reads see the batch, and the batch commits the rest', async (store) => {
    await store.addArticle(storedArticle('a0', { contentHash: 'h0', storyId: 's0' }), added());
    await store.corpusStats();
    await store.beginBatch();
    await store.addArticle(storedArticle('a1', { entities: [putin, kim] }), added());
    await assert.rejects(store.addArticle(storedArticle('a2', { contentHash: 'hash-a1', storyId: 's2', entities: [pyongyang] }), added()), uniqueViolation);
    await store.addArticle(storedArticle('a3', { contentHash: 'h3', storyId: 's3' }), added());
    assert.equal(await store.hasContentHash('h3'), true, 'reads inside the batch see its articles');
    assert.deepEqual(ids(await store.listArticles()), ['a0', 'a1', 'a3']);
    const inBatch = await store.corpusStats();
    assert.equal(inBatch.articleCount, 3);
    assert.equal(inBatch.termFrequency.get('visit'), 3);
    assert.equal(inBatch.entityFrequency.get('Kim Jong Un'), 1);
    assert.equal(inBatch.entityFrequency.get('Pyongyang'), undefined, 'the failed article left no entity');
    await store.commitBatch();
    await store.commitBatch();
    assert.deepEqual(await store.listStoryIds(), ['s0', 's1', 's3']);
    assert.deepEqual(ids(await store.listArticles()), ['a0', 'a1', 'a3']);
    assert.equal(await store.getArticle('a2'), null);
    assert.deepEqual(ids(await store.findArticles({ entities: ['Pyongyang'] })), []);
    const after = await store.corpusStats();
    assert.equal(after.articleCount, 3);
    assert.equal(after.termFrequency.get('visit'), 3);
  });

  it('statistics loaded inside a batch count its articles, and its terms once committed', async (store) => {
    await store.addArticle(storedArticle('a0', { contentHash: 'h0' }), added());
    await store.beginBatch();
    await store.addArticle(storedArticle('a1', { storyId: 's2' }), added());
    // First read of the statistics while the batch is open.
    const stats = await store.corpusStats();
    assert.equal(stats.articleCount, 2);
    assert.equal(stats.termFrequency.get('visit'), 2);
    await store.commitBatch();
    assert.equal((await store.corpusStats()).termFrequency.get('visit'), 2);
  });

  it('key postings lie within the time window (undated ones always), candidates come in the order asked, and date updates apply', async (store) => {
    await store.addArticle(storedArticle('a1'), added());
    await store.addArticle(storedArticle('a2', { contentHash: 'h2', entities: [{ name: 'Berlin', type: 'place', aliases: [], mentions: 1 }], storyId: 's2' }), added({ index: index(['e:Berlin']) }));
    await store.addArticle(storedArticle('old', { contentHash: 'h-old', published: day('2023-01-01'), storyId: 's3' }), added());
    await store.addArticle(storedArticle('b1', { contentHash: 'h-b1', storyId: 's4', published: day('2024-06-10') }), added());
    await store.addArticle(storedArticle('u1', { contentHash: 'h-u1', storyId: 's5', published: null, publishedSource: null }), added());
    const postings = async (key: string, days?: number, perKey = 10) => (await store.findKeyPostings([key, 'e:Nobody'], window(days), perKey)).get(key)!;
    assert.deepEqual(await postings('e:Vladimir Putin'), ['a1', 'b1', 'u1'], 'most recent first, then undated');
    assert.deepEqual(await postings('e:Vladimir Putin', 600), ['a1', 'b1', 'old', 'u1']);
    assert.deepEqual(await postings('e:Vladimir Putin', 600, 1), ['a1', 'u1'], 'at most perKey of each');
    assert.deepEqual(await postings('e:Berlin'), ['a2']);
    assert.deepEqual(await postings('e:Nobody'), []);
    assert.deepEqual(await store.findKeyPostings([], window(), 10), new Map());
    const candidates = await store.getCandidates(['old', 'missing', 'a1']);
    assert.deepEqual(candidates.map((c) => [c.id, c.storyId, c.eventId, c.title]), [['old', 's3', 'e1', 'Title old'], ['a1', 's1', 'e1', 'Title a1']]);
    assert.deepEqual(candidates[0]!.features, features);
    assert.deepEqual(await store.getCandidates([]), []);

    // An undated article dated by its story: its row, its key postings and its features move.
    const redated = { ...features, months: ['2024-05'] };
    await store.addArticle(storedArticle('a3', { contentHash: 'h3', published: null, publishedSource: null }), {
      ...added({ newStory: false }),
      dateUpdates: [{ id: 'a3', published: { start: '2024-05-01', end: '2024-05-31', precision: 'month' }, publishedSource: 'story', dates: [dateMention('2024-05-02', 'On May 2.')], unresolvedDates: [], features: redated }],
    });
    const a3 = (await store.getArticle('a3'))!;
    assert.deepEqual([a3.published, a3.publishedSource], [{ start: '2024-05-01', end: '2024-05-31', precision: 'month' }, 'story']);
    assert.deepEqual(a3.dates.map((d) => d.start), ['2024-05-02']);
    assert.deepEqual((await store.getCandidates(['a3']))[0]!.features, redated);
    assert.deepEqual(await postings('e:Vladimir Putin', 60), ['a1', 'b1', 'a3', 'u1']);
    assert.deepEqual(ids(await store.findArticles({ from: '2024-05-02', to: '2024-05-02' })), ['a3']);
    assert.deepEqual(await store.publishedDates('s1'), ['2024-06-18'], 'dated by its story: left out');
  });

  it('a date update of an article in another story reaches that story, and an unknown id changes nothing', async (store) => {
    await store.addArticle(storedArticle('a1', { storyId: 'sA', published: null, publishedSource: null, unresolvedDates: [{ text: 'June 5', sentence: 'On June 5.', offset: 0, month: 6, day: 5, tense: 'past', reference: false, kind: 'event' }] }), added());
    assert.deepEqual(ids(await store.undatedArticles('sA')), ['a1']);
    const update = (id: string) => ({ id, published: day('2024-06-05'), publishedSource: 'story' as const, dates: [], unresolvedDates: [], features });
    await store.addArticle(storedArticle('a2', { contentHash: 'h2', storyId: 'sB' }), added({ dateUpdates: [update('a1'), update('ghost')], storyTitle: 'B' }));
    assert.deepEqual(ids(await store.undatedArticles('sA')), []);
    assert.equal((await store.getArticle('a1'))!.published?.start, '2024-06-05');
    assert.equal(await store.getArticle('ghost'), null);
    assert.deepEqual((await store.listStorySummaries()).map((s) => [s.id, s.title, s.lastDate]), [['sB', 'B', '2024-06-18'], ['sA', null, '2024-06-05']]);
    assert.deepEqual((await store.storiesWithoutTitle(10)).map((s) => s.id), ['sA']);
    await assertSummariesMatchViews(store);
  });

  it('merging stories moves their articles, redirects the old ids transitively, and moves candidates', async (store) => {
    await store.addArticle(storedArticle('a1', { storyId: 's1' }), added());
    await store.addArticle(storedArticle('a2', { contentHash: 'h2', storyId: 's2' }), added());
    assert.deepEqual((await store.getCandidates(['a1'])).map((c) => c.storyId), ['s1']);
    await store.addArticle(storedArticle('a3', { contentHash: 'h3', storyId: 's2' }), added({ newStory: false, mergeStoryIds: ['s1'] }));
    assert.deepEqual(await store.listStoryIds(), ['s2']);
    assert.deepEqual(ids(await store.storyArticles('s2')), ['a1', 'a2', 'a3']);
    assert.deepEqual(ids(await store.storyArticles('s1')), []);
    assert.equal(await store.resolveStoryId('s1'), 's2');
    assert.equal(await store.resolveStoryId('s2'), 's2');
    assert.deepEqual((await store.getCandidates(['a1', 'a2'])).map((c) => c.storyId), ['s2', 's2']);
    await store.addArticle(storedArticle('a4', { contentHash: 'h4', storyId: 's3' }), added({ mergeStoryIds: ['s2'] }));
    assert.equal(await store.resolveStoryId('s1'), 's3');
    assert.equal(await store.resolveStoryId('s2'), 's3');
    assert.equal(await store.resolveStoryId('nope'), null);
    assert.deepEqual((await store.getCandidates(['a1'])).map((c) => c.storyId), ['s3']);
  });

  it('a story version changes with every write of the story, under a fixed clock too, and not with writes elsewhere', async (store) => {
    await store.addArticle(storedArticle('a1', { storyId: 's1' }), added());
    const first = await store.storyVersion('s1');
    assert.ok(first);
    await store.addArticle(storedArticle('a2', { contentHash: 'h2', storyId: 's2' }), added());
    assert.equal(await store.storyVersion('s1'), first, 'another story written');
    await store.addArticle(storedArticle('a3', { contentHash: 'h3', storyId: 's1' }), added({ newStory: false }));
    const second = await store.storyVersion('s1');
    assert.notEqual(second, first);
    await store.addArticle(storedArticle('a4', { contentHash: 'h4', storyId: 's1' }), added({ newStory: false, mergeStoryIds: ['s2'] }));
    assert.notEqual(await store.storyVersion('s1'), second);
    assert.equal(await store.storyVersion('s2'), null, 'merged away');
    assert.equal(await store.storyVersion('nope'), null);
  });

  it('copies are found by text hash and by near-duplicate signature in the same language; copies are not candidates', async (store) => {
    const words = 'the kremlin said the visit to pyongyang would take place in june after talks in moscow'.split(' ');
    const signature = minhashSignature(words);
    await store.addArticle(storedArticle('a1', { textHash: 't1' }), added({ index: index([], signature) }));
    await store.addArticle(storedArticle('a2', { contentHash: 'h2', textHash: 't1', duplicateOf: 'a1', origin: 'a2.txt' }), added({ newStory: false, index: { ...index([], signature), sourceKey: 'other' } }));
    assert.deepEqual((await store.findByTextHash('t1')).map((c) => [c.id, c.sourceKey, c.duplicateOf, c.storyId, c.origin, c.language]), [
      ['a1', 'test', null, 's1', 'a1.txt', 'en'],
      ['a2', 'other', 'a1', 's1', 'a2.txt', 'en'],
    ]);
    assert.deepEqual(await store.findByTextHash('t2'), []);
    const edited = minhashSignature([...words.slice(0, 14), 'officials', 'said']);
    const near = await store.findNearDuplicates(lshBuckets(edited), 'en');
    assert.deepEqual(ids(near), ['a1'], 'the copy is no near-duplicate candidate');
    assert.deepEqual([...near[0]!.minhash], [...signature]);
    assert.deepEqual(await store.findNearDuplicates(lshBuckets(edited), 'de'), []);
    assert.deepEqual(await store.findNearDuplicates(lshBuckets(minhashSignature('an entirely different report about football in madrid'.split(' '))), 'en'), []);
    assert.deepEqual(ids(await store.getCandidates(['a2', 'a1'])), ['a1']);
  });

  it('setFeatures replaces what clustering compares an article by', async (store) => {
    await store.addArticle(storedArticle('a1'), added());
    const other = articleFeatures(storedArticle('x', { title: 'Something else entirely' }));
    await store.setFeatures('a1', other);
    assert.deepEqual((await store.getCandidates(['a1']))[0]!.features, other);
  });

  it('findArticles: by story, words (case and accents ignored, prefixes), entities and period, every condition at once', async (store) => {
    await fillSelections(store);
    assert.deepEqual(ids(await store.findArticles({})), ['a1', 'a2', 'a3', 'a4']);
    assert.deepEqual(ids(await store.findArticles({ storyId: 's2' })), ['a3', 'a4']);
    assert.deepEqual(ids(await store.findArticles({ words: ['putin'] })), ['a1', 'a2']);
    assert.deepEqual(ids(await store.findArticles({ words: ['binh', 'nhuong'] })), ['a1', 'a2'], 'accents folded; a1 names the place by an alias');
    assert.deepEqual(ids(await store.findArticles({ words: ['den', 'tong'] })), ['a2'], 'đ folded');
    assert.deepEqual(ids(await store.findArticles({ words: ['KREML'] })), ['a1'], 'a word matches the start of one');
    assert.deepEqual(ids(await store.findArticles({ words: ['김정은'] })), ['a3'], 'aliases are searched');
    assert.deepEqual(ids(await store.findArticles({ words: ['jong-un'] })), ['a3'], 'a hyphenated word');
    assert.deepEqual(ids(await store.findArticles({ words: ['putin', 'zebra'] })), []);
    assert.deepEqual(ids(await store.findArticles({ words: ['"', 'OR'] })), [], 'quotes and operators are words, not syntax');
    assert.deepEqual(ids(await store.findArticles({ words: ["it's", 'a\\b', '&', '!putin'] })), [], 'nor are apostrophes, backslashes, & and !');
    assert.deepEqual(ids(await store.findArticles({ words: ['*'] })), []);
    assert.deepEqual(ids(await store.findArticles({ entities: ['Kim Jong Un', 'Pyongyang'] })), ['a1', 'a2', 'a3']);
    assert.deepEqual(ids(await store.findArticles({ entities: [] })), []);
    assert.deepEqual(ids(await store.findArticles({ from: '2024-06-15', to: '2024-06-18' })), ['a1'], 'a1 dates a development in the period');
    assert.deepEqual(ids(await store.findArticles({ from: '2024-03-15', to: '2024-03-20' })), ['a4'], 'a month-precision date covers its month');
    assert.deepEqual(ids(await store.findArticles({ to: '2001-01-01' })), [], 'points of reference do not count');
    assert.deepEqual(ids(await store.findArticles({ from: '2024-06-19' })), ['a2']);
    assert.deepEqual(ids(await store.findArticles({ words: ['putin'], from: '2024-06-19', storyId: 's1' })), ['a2']);
  });

  it('findEntityNames: canonical name or alias, whole name, case and accents ignored, most reported first', async (store) => {
    await fillSelections(store);
    assert.deepEqual(await store.findEntityNames('vladimir putin'), ['Vladimir Putin']);
    assert.deepEqual(await store.findEntityNames('Putin'), ['Vladimir Putin']);
    assert.deepEqual(await store.findEntityNames('binh nhuong'), ['Pyongyang']);
    assert.deepEqual(await store.findEntityNames('김정은'), ['Kim Jong Un']);
    assert.deepEqual(await store.findEntityNames('kim jong-un'), ['Kim Jong Un']);
    assert.deepEqual(await store.findEntityNames('Kim'), [], 'part of a name is not the name');
    assert.deepEqual(await store.findEntityNames('Nobody'), []);
    assert.deepEqual(await store.findEntityNames(' "" '), []);
    assert.deepEqual(await store.findEntityNames('Pyongyang'), ['Pyongyang'], 'a name that is also a title word');
    // Two entities share an alias: the one more articles report comes first.
    const jr = { name: 'Kim Jong Il', type: 'person' as const, aliases: ['Kim'], mentions: 1 };
    const kimAsKim = { ...kim, aliases: ['Kim'] };
    await store.addArticle(storedArticle('b1', { contentHash: 'hb1', storyId: 's9', entities: [jr] }), added());
    await store.addArticle(storedArticle('b2', { contentHash: 'hb2', storyId: 's9', entities: [kimAsKim] }), added({ newStory: false }));
    assert.deepEqual(await store.findEntityNames('kim'), ['Kim Jong Un', 'Kim Jong Il']);
  });

  it('listEntities: prefix match (ASCII case ignored), most reported first, LIKE wildcards taken literally', async (store) => {
    const vietnam = { name: 'Vietnam', type: 'place' as const, aliases: [], mentions: 1 };
    const odd = { name: 'V%_Corp', type: 'organization' as const, aliases: [], mentions: 9 };
    const eu = { name: 'Élysée', type: 'place' as const, aliases: [], mentions: 1 };
    await store.addArticle(storedArticle('a1', { contentHash: 'h1', entities: [putin, vietnam, eu] }), added());
    await store.addArticle(storedArticle('a2', { contentHash: 'h2', entities: [putin, odd] }), added({ newStory: false }));
    assert.deepEqual(await store.listEntities('v', 10), [
      { name: 'Vladimir Putin', type: 'person', articles: 2, mentions: 4 },
      { name: 'V%_Corp', type: 'organization', articles: 1, mentions: 9 },
      { name: 'Vietnam', type: 'place', articles: 1, mentions: 1 },
    ]);
    assert.deepEqual((await store.listEntities('V%', 10)).map((e) => e.name), ['V%_Corp']);
    assert.deepEqual((await store.listEntities('VIET', 10)).map((e) => e.name), ['Vietnam']);
    assert.deepEqual((await store.listEntities('É', 10)).map((e) => e.name), ['Élysée']);
    assert.deepEqual((await store.listEntities('é', 10)).map((e) => e.name), [], 'only ASCII letters fold');
    assert.deepEqual((await store.listEntities('', 1)).map((e) => e.name), ['Vladimir Putin']);
    assert.deepEqual((await store.listEntities('', 10)).map((e) => e.name), ['Vladimir Putin', 'V%_Corp', 'Vietnam', 'Élysée'], 'ties by name');
    assert.deepEqual(await store.listEntities('Moscow', 10), []);
  });

  it('publication days count a story\'s originals per listed date, copies and undated articles apart', async (store) => {
    await addTo(store, storedArticle('a1', { published: day('2024-06-10') }), { newStory: true });
    await addTo(store, storedArticle('a2', { contentHash: 'h2', eventId: 'e2', published: day('2024-06-10') }));
    await addTo(store, storedArticle('a3', { contentHash: 'h3', eventId: 'e3', published: day('2024-06-02') }));
    await addTo(store, storedArticle('a4', { contentHash: 'h4', eventId: 'e2', duplicateOf: 'a2', published: day('2024-06-10') }));
    await addTo(store, storedArticle('a5', { contentHash: 'h5', eventId: 'e5', published: null }));
    assert.deepEqual(await store.storyPublicationDays(['s1']), new Map([['s1', [{ date: '2024-06-02', count: 1 }, { date: '2024-06-10', count: 2 }]]]));
  });

  it('summaries follow added articles and copies: counts, events, languages, dates and the title passed in', async (store) => {
    await addTo(store, storedArticle('a1', { title: 'Putin to visit', published: day('2024-06-10') }), { newStory: true, storyTitle: 'Putin to visit' });
    await addTo(store, storedArticle('a2', { contentHash: 'h2', title: 'Putin arrives', language: 'vi', eventId: 'e2', published: { start: '2024-06-01', precision: 'month' } }), { storyTitle: 'Putin arrives' });
    await addTo(store, storedArticle('a3', { contentHash: 'h3', eventId: 'e2', duplicateOf: 'a2', language: 'fr', published: day('2024-07-01') }), { storyTitle: 'Putin arrives' });
    assert.deepEqual(await store.listStorySummaries(), [{ id: 's1', title: 'Putin arrives', articleCount: 2, copyCount: 1, eventCount: 2, languages: ['en', 'vi'], firstDate: '2024-06', lastDate: '2024-06-10', outletCount: 1 }]);
    assert.deepEqual(await store.storyPublicationDays(['s1', 'none']), new Map([['s1', [{ date: '2024-06', count: 1 }, { date: '2024-06-10', count: 1 }]], ['none', []]]));
    await assertSummariesMatchViews(store);
  });

  it('a summary counted article by article (opensEvent given) equals one counted from all the members', async (store) => {
    // Dated at several precisions, undated, copies, three languages, joined and new events; the last write leaves the title undecided.
    const members: Array<[Partial<StoredArticle>, boolean]> = [
      [{ eventId: 'e1', published: day('2024-06-10') }, true],
      [{ eventId: 'e1', language: 'vi', published: day('2024-06-12') }, false],
      [{ eventId: 'e2', published: { start: '2024-05-01', precision: 'month' } }, true],
      [{ eventId: 'e2', duplicateOf: 'a1', language: 'fr', published: day('2024-01-01') }, false],
      [{ eventId: 'e3', published: null, publishedSource: null }, true],
      [{ eventId: 'e4', language: 'de', published: { start: '2025-01-01', precision: 'year' } }, true],
    ];
    for (const [i, [fields, opensEvent]] of members.entries()) {
      await addTo(store, storedArticle(`a${i + 1}`, { contentHash: `h${i + 1}`, ...fields }), { newStory: i === 0, opensEvent, ...(i % 2 ? {} : { storyTitle: `t${i}` }) });
    }
    const [summary] = await store.listStorySummaries();
    assert.deepEqual(summary, { id: 's1', title: null, articleCount: 5, copyCount: 1, eventCount: 4, languages: ['en', 'de', 'vi'], firstDate: '2024-05', lastDate: '2025', outletCount: 1 });
    await assertSummariesMatchViews(store);
    assert.deepEqual((await store.findStorySummaries({ language: 'de', limit: 5 })).map((x) => x.id), ['s1']);
    assert.deepEqual((await store.findStorySummaries({ from: '2025-01-01', limit: 5 })).map((x) => x.id), ['s1'], 'the activity index follows');
  });

  it('a merge leaves one summary, under the surviving story, counting the merged articles', async (store) => {
    await addTo(store, storedArticle('a1', { storyId: 'sA', published: day('2024-06-10') }), { newStory: true });
    await addTo(store, storedArticle('a2', { contentHash: 'h2', storyId: 'sB', eventId: 'e2', language: 'de', published: day('2024-06-12') }), { newStory: true });
    await addTo(store, storedArticle('a3', { contentHash: 'h3', storyId: 'sC', eventId: 'e3', published: day('2024-06-14') }), { newStory: true, mergeStoryIds: ['sA', 'sB'], storyTitle: 'Merged' });
    assert.deepEqual((await store.listStorySummaries()).map((s) => [s.id, s.title, s.articleCount, s.eventCount, s.languages, s.firstDate, s.lastDate]), [['sC', 'Merged', 3, 3, ['en', 'de'], '2024-06-10', '2024-06-14']]);
    assert.deepEqual((await store.findStorySummaries({ language: 'de', limit: 10 })).map((s) => s.id), ['sC'], 'the merged languages moved with it');
    assert.equal(await store.resolveStoryId('sA'), 'sC');
    await assertSummariesMatchViews(store);
  });

  it('a date update moves the summary dates and the list order', async (store) => {
    await addTo(store, storedArticle('a1', { storyId: 's1', published: day('2024-06-10') }), { newStory: true });
    await addTo(store, storedArticle('a2', { contentHash: 'h2', storyId: 's2', eventId: 'e2', published: null }), { newStory: true });
    assert.deepEqual((await store.findStorySummaries({ limit: 10 })).map((s) => [s.id, s.lastDate]), [['s1', '2024-06-10'], ['s2', null]], 'undated last');
    const update = { id: 'a2', published: day('2024-07-01'), publishedSource: 'story' as const, dates: [], unresolvedDates: [], features: testIndex().features };
    await addTo(store, storedArticle('a3', { contentHash: 'h3', storyId: 's2', eventId: 'e3', published: day('2024-06-30') }), { dateUpdates: [update] });
    assert.deepEqual((await store.findStorySummaries({ limit: 10 })).map((s) => [s.id, s.firstDate, s.lastDate]), [['s2', '2024-06-30', '2024-07-01'], ['s1', '2024-06-10', '2024-06-10']]);
    await assertSummariesMatchViews(store);
  });

  it('story list pages are disjoint and complete in list order, with every filter', async (store) => {
    const languages = ['en', 'de', 'vi'];
    for (let i = 0; i < 23; i++) {
      // Several stories share a last date: the id orders them.
      const published = day(`2024-06-${String(10 + (i % 7)).padStart(2, '0')}`);
      const title = i % 2 ? `Harbour strike day ${i}` : `Election count ${i}`;
      await addTo(store, storedArticle(`a${i}`, { contentHash: `h${i}`, storyId: `s${String(i).padStart(2, '0')}`, eventId: `e${i}`, title, language: languages[i % 3]!, published }), { newStory: true, storyTitle: title });
    }
    await addTo(store, storedArticle('u', { contentHash: 'hu', storyId: 'u', title: 'Undated strike', published: null, publishedSource: null }), { newStory: true, storyTitle: 'Undated strike' });
    const all = await store.listStorySummaries();
    const listOrder = [...all].sort((a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || (a.id < b.id ? -1 : 1)).map((s) => s.id);
    assert.equal(listOrder.at(-1), 'u', 'undated last');
    const walk = async (query: { words?: string[]; language?: string; from?: string; to?: string }) => {
      const seen: string[] = [];
      let after: { key: Array<string | number>; id: string } | undefined;
      for (;;) {
        const page = await store.findStorySummaries({ ...query, ...(after ? { after } : {}), limit: 4 });
        seen.push(...page.map((s) => s.id));
        if (page.length < 4) return seen;
        const last = page.at(-1)!;
        after = sortKey('newest', last);
      }
    };
    assert.deepEqual(await walk({}), listOrder);
    const expect = (keep: (s: (typeof all)[number]) => boolean) => listOrder.filter((id) => keep(all.find((s) => s.id === id)!));
    assert.deepEqual(await walk({ language: 'de' }), expect((s) => s.languages.includes('de')));
    assert.deepEqual(await walk({ words: ['harb', 'STRIKE'] }), expect((s) => s.title!.startsWith('Harbour')));
    assert.deepEqual(await walk({ words: ['strike'] }), expect((s) => s.title!.includes('trike')));
    assert.deepEqual(await walk({ from: '2024-06-12', to: '2024-06-13' }), expect((s) => s.lastDate !== null && s.lastDate >= '2024-06-12' && s.lastDate <= '2024-06-13'));
    assert.deepEqual(await walk({ language: 'en', words: ['election'], from: '2024-06-14' }), expect((s) => s.languages.includes('en') && s.title!.startsWith('Election') && s.lastDate! >= '2024-06-14'));
    assert.deepEqual(await store.findStorySummaries({ words: ['*'], limit: 5 }), [], 'no word to match');
    assert.deepEqual(await store.findStorySummaries({ language: 'xx', limit: 5 }), []);
  });

  it('outlets: originals with a known outlet count, copies and articles without one never do; merges, date updates and the one-member path agree', async (store) => {
    // One member at a time (opensEvent given: the summary counts the article alone), then a full refresh (a merge).
    await addTo(store, storedArticle('a1', { storyId: 'sA', source: 'Reuters', published: day('2024-06-10') }), { newStory: true, opensEvent: true });
    await addTo(store, storedArticle('a2', { contentHash: 'h2', storyId: 'sA', eventId: 'e2', source: 'Reuters', language: 'de', published: day('2024-06-12') }), { opensEvent: true });
    await addTo(store, storedArticle('a3', { contentHash: 'h3', storyId: 'sA', eventId: 'e2', source: 'Le Monde', duplicateOf: 'a2', published: day('2024-06-13') }), { opensEvent: false });
    await addTo(store, storedArticle('a4', { contentHash: 'h4', storyId: 'sA', eventId: 'e4', source: null, published: day('2024-06-14') }), { opensEvent: true });
    await addTo(store, storedArticle('a5', { contentHash: 'h5', storyId: 'sA', eventId: 'e5', source: 'BBC', published: { start: '2024-06-01', precision: 'month' } }), { opensEvent: true });
    let [summary] = await store.listStorySummaries();
    assert.equal(summary!.outletCount, 2, 'Reuters and BBC: the copy from Le Monde and the article without an outlet are none');
    const view = buildStoryView('sA', await store.storyArticles('sA'));
    assert.deepEqual(view.outlets, [
      { name: 'Reuters', articles: 2, languages: ['de', 'en'], first: '2024-06-10', last: '2024-06-12' },
      { name: 'BBC', articles: 1, languages: ['en'], first: '2024-06', last: '2024-06' },
    ]);
    assert.equal(view.unknownOutletArticles, 1);
    await assertSummariesMatchViews(store);
    await addTo(store, storedArticle('b1', { contentHash: 'hb1', storyId: 'sB', eventId: 'eb1', source: 'Le Monde', published: day('2024-06-20') }), { newStory: true });
    await addTo(store, storedArticle('b2', { contentHash: 'hb2', storyId: 'sB', eventId: 'eb2', source: 'reuters', published: day('2024-06-21') }), { opensEvent: true });
    assert.deepEqual((await store.findStorySummaries({ outlet: 'LE MONDE', limit: 5 })).map((s) => s.id), ['sB'], 'a copy from an outlet does not make the story one of its');
    await addTo(store, storedArticle('c1', { contentHash: 'hc1', storyId: 'sC', eventId: 'ec1', source: 'Reuters', published: day('2024-06-22') }), { newStory: true, mergeStoryIds: ['sA', 'sB'] });
    [summary] = await store.listStorySummaries();
    assert.deepEqual([summary!.id, summary!.articleCount, summary!.outletCount], ['sC', 7, 3], 'Reuters (and reuters: ASCII case apart, one outlet), BBC, Le Monde');
    await assertSummariesMatchViews(store);
    assert.deepEqual(await store.listOutlets('', 10), [
      { name: 'Reuters', articles: 4, stories: 1 },
      { name: 'BBC', articles: 1, stories: 1 },
      { name: 'Le Monde', articles: 1, stories: 1 },
    ]);
    assert.deepEqual((await store.listOutlets('REU', 10)).map((o) => o.name), ['Reuters'], 'a prefix, ASCII letters in either case');
    assert.deepEqual(await store.listOutlets('x', 10), []);
    assert.deepEqual((await store.findStorySummaries({ outlet: 'reuters', limit: 5 })).map((s) => s.id), ['sC']);
    assert.deepEqual(await store.findStorySummaries({ outlet: 'Reuter', limit: 5 }), [], 'the whole name');
    // A date update refreshes the story: its outlets stay counted once.
    const update = { id: 'a4', published: day('2024-06-30'), publishedSource: 'story' as const, dates: [], unresolvedDates: [], features: testIndex().features };
    await addTo(store, storedArticle('c2', { contentHash: 'hc2', storyId: 'sC', eventId: 'ec2', source: 'BBC', published: day('2024-06-23') }), { dateUpdates: [update] });
    await assertSummariesMatchViews(store);
    assert.deepEqual((await store.listLanguages()), [{ code: 'en', stories: 1, articles: 7 }, { code: 'de', stories: 1, articles: 1 }]);
    assert.equal(await store.newestPublicationDate(), '2024-06-30');
  });

  it('story list orders: size and outlets (ties newest, then id), each filter alone and together, and keyset pages through every order', async (store) => {
    const outlets = ['Reuters', 'BBC', 'AFP', 'Le Monde'];
    const languages = ['en', 'de', 'vi'];
    let n = 0;
    for (let i = 0; i < 14; i++) {
      const storyId = `s${String(i).padStart(2, '0')}`;
      const size = 1 + (i % 4);
      for (let j = 0; j < size; j++) {
        n++;
        const published = i === 13 ? null : day(`2024-06-${String(10 + (i % 5) + j).padStart(2, '0')}`);
        const entities = i % 3 === 0 ? [putin] : i % 3 === 1 ? [kim] : [];
        await addTo(
          store,
          storedArticle(`a${n}`, { contentHash: `h${n}`, storyId, eventId: `e${n}`, title: `Report ${i}`, source: outlets[(i + j * (i % 2)) % outlets.length]!, language: languages[(i + j) % 3]!, entities, published, ...(published ? {} : { publishedSource: null }) }),
          { newStory: j === 0, storyTitle: `Report ${i}` },
        );
      }
    }
    // A copy from a fifth outlet in the biggest stories changes neither size nor outlets.
    await addTo(store, storedArticle('copy', { contentHash: 'hcopy', storyId: 's03', eventId: 'e-copy', duplicateOf: 'a7', source: 'Copies Inc', published: day('2024-06-30') }));
    const all = await store.listStorySummaries();
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    const newest = (a: (typeof all)[number], b: (typeof all)[number]) => cmp(b.lastDate ?? '', a.lastDate ?? '') || cmp(a.id, b.id);
    const orders = {
      newest: [...all].sort(newest),
      size: [...all].sort((a, b) => b.articleCount - a.articleCount || newest(a, b)),
      outlets: [...all].sort((a, b) => b.outletCount - a.outletCount || newest(a, b)),
    };
    assert.ok(new Set(all.map((s) => s.outletCount)).size >= 3, 'outlet counts differ');
    const walk = async (query: Omit<StoryListQuery, 'limit' | 'after'>) => {
      const seen: string[] = [];
      let after: StoryListQuery['after'];
      for (;;) {
        const page = await store.findStorySummaries({ ...query, ...(after ? { after } : {}), limit: 3 });
        seen.push(...page.map((s) => s.id));
        if (page.length < 3) return seen;
        after = sortKey(query.sort ?? 'newest', page.at(-1)!);
      }
    };
    const entityStories = new Set((await store.findArticles({ entities: ['Kim Jong Un'] })).map((a) => a.storyId));
    const namingEither = new Set((await store.findArticles({ entities: ['Kim Jong Un', 'Vladimir Putin'] })).map((a) => a.storyId));
    for (const sort of ['newest', 'size', 'outlets'] as const) {
      const order = orders[sort];
      const keep = (f: (s: (typeof all)[number]) => boolean) => order.filter(f).map((s) => s.id);
      assert.deepEqual(await walk({ sort }), order.map((s) => s.id), `${sort}: every story once, in order`);
      assert.deepEqual(await walk({ sort, minArticles: 3 }), keep((s) => s.articleCount >= 3), `${sort}, min`);
      assert.deepEqual(await walk({ sort, language: 'de' }), keep((s) => s.languages.includes('de')), `${sort}, language`);
      const fromBbc = new Set((await store.listArticles()).filter((a) => a.source === 'BBC' && !a.duplicateOf).map((a) => a.storyId));
      assert.deepEqual(await walk({ sort, outlet: 'bbc' }), keep((s) => fromBbc.has(s.id)), `${sort}, outlet`);
      assert.deepEqual(await walk({ sort, entities: ['Kim Jong Un'] }), keep((s) => entityStories.has(s.id)), `${sort}, entity`);
      assert.deepEqual(
        await walk({ sort, outlet: 'BBC', language: 'en', minArticles: 2, entities: ['Kim Jong Un', 'Vladimir Putin'], words: ['report'], from: '2024-06-11' }),
        keep((s) => fromBbc.has(s.id) && namingEither.has(s.id) && s.languages.includes('en') && s.articleCount >= 2 && s.lastDate !== null && s.lastDate >= '2024-06-11'),
        `${sort}, every filter at once`,
      );
      assert.deepEqual(await walk({ sort, lastDate: { from: '2024-06-13' } }), keep((s) => (s.lastDate ?? '') >= '2024-06-13'), `${sort}, last date from`);
      assert.deepEqual(await walk({ sort, lastDate: { before: '2024-06-13' } }), keep((s) => (s.lastDate ?? '') < '2024-06-13'), `${sort}, last date before (undated too)`);
    }
    assert.deepEqual(await store.findStorySummaries({ outlet: 'Copies Inc', limit: 5 }), [], 'a copy is no outlet');
    assert.deepEqual(await store.findStorySummaries({ entities: ['Nobody'], limit: 5 }), []);
    const languages2 = await store.listLanguages();
    assert.deepEqual(languages2.map((l) => l.code).sort(), ['de', 'en', 'vi']);
    assert.equal(languages2.reduce((t, l) => t + l.articles, 0), n, 'every original once');
  });

  it('a story list period compares dates at their own precision', async (store) => {
    await addTo(store, storedArticle('a1', { storyId: 'month', published: { start: '2024-06-01', precision: 'month' } }), { newStory: true });
    await addTo(store, storedArticle('a2', { contentHash: 'h2', storyId: 'undated', eventId: 'e2', published: null }), { newStory: true });
    assert.deepEqual((await store.findStorySummaries({ from: '2024-06-15', limit: 5 })).map((s) => s.id), ['month']);
    assert.deepEqual((await store.findStorySummaries({ to: '2024-06', limit: 5 })).map((s) => s.id), ['month']);
    assert.deepEqual((await store.findStorySummaries({ from: '2024-07-01', limit: 5 })).map((s) => s.id), []);
    assert.deepEqual(await store.storyPublicationDays(['month', 'undated']), new Map([['month', [{ date: '2024-06', count: 1 }]], ['undated', []]]));
  });

  it('a story written without a title waits for setStoryTitle', async (store) => {
    await addTo(store, storedArticle('a1', { title: 'First report' }), { newStory: true });
    await addTo(store, storedArticle('a2', { contentHash: 'h2', storyId: 's2' }), { newStory: true, storyTitle: 'Decided' });
    assert.deepEqual((await store.storiesWithoutTitle(10)).map((s) => s.id), ['s1']);
    await store.setStoryTitle('s1', storyTitle(await store.storyArticles('s1')));
    assert.deepEqual((await store.storiesWithoutTitle(10)).map((s) => s.id), []);
    assert.deepEqual((await store.listStorySummaries()).map((s) => [s.id, s.title]), [['s1', buildStoryView('s1', await store.storyArticles('s1')).title], ['s2', 'Decided']]);
    // The next write without a title leaves it undecided again.
    await addTo(store, storedArticle('a3', { contentHash: 'h3' }));
    assert.deepEqual((await store.storiesWithoutTitle(10)).map((s) => s.id), ['s1']);
  });
}
