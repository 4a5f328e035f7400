// The LiveStore contract (live-store.ts) as tests, run against every backend beside the StoryStore
// behaviour (story-store-behaviour.test.ts): feeds, fetched pages, alerts, matches and deliveries.
import { strict as assert } from 'node:assert';
import { test, type TestContext } from 'node:test';
import { storedArticle, testIndex } from '../../test/helpers/articles.js';
import type { StoredArticle } from '../domain/index.js';
import type { AlertMatch, FeedRecord } from './live-store.js';
import type { StoryStore } from './story-store.js';

const A = 'https://a.example/rss';
const B = 'https://b.example/feed';
const C = 'https://c.example/atom.xml';
const D = 'https://d.example/index.xml';

const T = (hhmm: string) => `2024-06-20T${hhmm}:00.000Z`;
const urls = (feeds: FeedRecord[]) => feeds.map((f) => f.url);

/** Adds `a` as the first article of its story (`first`) or to its story. */
function add(store: StoryStore, a: StoredArticle, first = true): Promise<void> {
  return store.addArticle(a, { newStory: first, dateUpdates: [], index: testIndex() });
}

/** Three articles: n1, n2 in story s1, n3 in s2, each with a URL. */
async function threeArticles(store: StoryStore): Promise<void> {
  await add(store, storedArticle('n1', { url: 'https://news.example/1', title: 'First', source: 'News', published: { start: '2024-06-18', precision: 'day' } }));
  await add(store, storedArticle('n2', { contentHash: 'h2', url: 'https://news.example/2', title: 'Second', source: null, published: null, publishedSource: null }), false);
  await add(store, storedArticle('n3', { contentHash: 'h3', storyId: 's2', url: 'https://news.example/3', title: 'Third', published: { start: '2024-06-01', end: '2024-06-30', precision: 'month' } }));
}

const match = (alertId: string, articleId: string, storyId: string, matchedAt: string): AlertMatch => ({ alertId, articleId, storyId, matchedAt });

/**
 * Registers the live contract's tests for one backend. `open` gives a new, empty store for the test
 * (closed at its end); `skip` is test()'s skip (a reason, or false).
 */
export function liveStoreBehaviour(name: string, open: (t: TestContext) => Promise<StoryStore>, skip: string | false = false): void {
  const it = (title: string, body: (store: StoryStore) => Promise<void>) =>
    test(`${name} live: ${title}`, { skip }, async (t) => {
      const store = await open(t);
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  // --- Feeds ---

  it('feeds are keyed by URL: adding one stored changes nothing, the list keeps the order added, removing counts the stored ones', async (store) => {
    assert.deepEqual(await store.addFeeds([B, A, B], T('08:00')), [B, A], 'each added once, in the order given');
    assert.deepEqual(await store.addFeeds([A, C], '2024-06-20T11:00:00+02:00'), [C], 'a stored feed is not added again');
    assert.deepEqual(await store.addFeeds([], T('08:00')), []);
    const feeds = await store.listFeeds();
    assert.deepEqual(urls(feeds), [B, A, C]);
    assert.deepEqual(feeds[0], {
      url: B, title: null, addedAt: T('08:00'), etag: null, lastModified: null, lastCheckedAt: null, lastSuccessAt: null, errorCount: 0, lastError: null, nextCheckAt: null,
    });
    assert.equal(feeds[1]!.addedAt, T('08:00'), 'the second add of A did not change it');
    assert.equal(feeds[2]!.addedAt, T('09:00'), 'an offset time comes back in UTC, ending in Z');

    assert.equal(await store.removeFeeds([A, 'https://never.example/', A]), 1);
    assert.deepEqual(urls(await store.listFeeds()), [B, C]);
    assert.equal(await store.removeFeeds([A]), 0);
    assert.deepEqual(await store.addFeeds([A], T('10:00')), [A], 'a removed feed can come back');
    assert.deepEqual(urls(await store.listFeeds()), [B, C, A], 'last, as added last');
  });

  it('removing a feed keeps what it brought in', async (store) => {
    await store.addFeeds([A], T('08:00'));
    await add(store, storedArticle('a1', { url: 'https://a.example/story' }));
    await store.recordPageFetch({ url: 'https://a.example/other', articleId: null, outcome: 'not-article', reason: 'a gallery', fetchedAt: T('08:05') });
    assert.equal(await store.removeFeeds([A]), 1);
    assert.deepEqual(await store.listFeeds(), []);
    assert.equal((await store.getArticle('a1'))?.url, 'https://a.example/story');
    assert.deepEqual(await store.knownPageUrls(['https://a.example/story', 'https://a.example/other'], 3), new Set(['https://a.example/story', 'https://a.example/other']));
  });

  it('a successful poll sets the validators and title and resets the errors; a failed one counts and keeps them; an unknown URL is a no-op', async (store) => {
    await store.addFeeds([A, B], T('08:00'));
    await store.recordFeedCheck({ url: A, checkedAt: T('08:10'), ok: true, etag: '"v1"', lastModified: 'Thu, 20 Jun 2024 08:00:00 GMT', title: 'A News', nextCheckAt: T('08:40') });
    let [a] = await store.listFeeds();
    assert.deepEqual(a, {
      url: A, title: 'A News', addedAt: T('08:00'), etag: '"v1"', lastModified: 'Thu, 20 Jun 2024 08:00:00 GMT', lastCheckedAt: T('08:10'), lastSuccessAt: T('08:10'),
      errorCount: 0, lastError: null, nextCheckAt: T('08:40'),
    });

    await store.recordFeedCheck({ url: A, checkedAt: T('08:40'), ok: false, error: 'HTTP 503', nextCheckAt: T('08:50') });
    await store.recordFeedCheck({ url: A, checkedAt: T('08:50'), ok: false, error: 'timeout', etag: '"ignored"', nextCheckAt: T('09:10') });
    [a] = await store.listFeeds();
    assert.deepEqual(
      [a!.errorCount, a!.lastError, a!.lastCheckedAt, a!.lastSuccessAt, a!.nextCheckAt, a!.etag, a!.lastModified, a!.title],
      [2, 'timeout', T('08:50'), T('08:10'), T('09:10'), '"v1"', 'Thu, 20 Jun 2024 08:00:00 GMT', 'A News'],
      'failures count; validators, title and last success stay',
    );

    // A 304: ok without new validators keeps them (undefined), and resets the errors.
    await store.recordFeedCheck({ url: A, checkedAt: T('09:10'), ok: true, nextCheckAt: T('09:40') });
    [a] = await store.listFeeds();
    assert.deepEqual([a!.errorCount, a!.lastError, a!.lastSuccessAt, a!.etag, a!.title], [0, null, T('09:10'), '"v1"', 'A News']);
    // null clears a validator.
    await store.recordFeedCheck({ url: A, checkedAt: T('09:40'), ok: true, etag: null, lastModified: 'Thu, 20 Jun 2024 09:30:00 GMT', nextCheckAt: T('10:10') });
    [a] = await store.listFeeds();
    assert.deepEqual([a!.etag, a!.lastModified, a!.title], [null, 'Thu, 20 Jun 2024 09:30:00 GMT', 'A News']);

    await store.recordFeedCheck({ url: 'https://unknown.example/', checkedAt: T('09:00'), ok: false, error: 'x', nextCheckAt: T('10:00') });
    assert.deepEqual(urls(await store.listFeeds()), [A, B], 'no feed made for an unknown URL');
    assert.equal((await store.listFeeds())[1]!.lastCheckedAt, null, 'B untouched');
  });

  it('due feeds: never polled first (in the order added), then the most overdue, none due later than now', async (store) => {
    await store.addFeeds([A, B, C, D], T('07:00'));
    await store.addFeeds(['https://e.example/'], T('07:30'));
    const polled = (url: string, next: string) => store.recordFeedCheck({ url, checkedAt: T('08:00'), ok: true, nextCheckAt: next });
    await polled(A, T('10:00'));
    await polled(B, T('09:00'));
    await polled(D, T('12:00'));
    assert.deepEqual(urls(await store.dueFeeds(T('11:00'))), [C, 'https://e.example/', B, A]);
    assert.deepEqual(urls(await store.dueFeeds(T('09:59'))), [C, 'https://e.example/', B]);
    assert.deepEqual(urls(await store.dueFeeds('2024-06-20T12:00:00+02:00')), [C, 'https://e.example/', B, A], 'at or before now (10:00Z), given with an offset');
    assert.deepEqual(urls(await store.dueFeeds(T('12:00'))), [C, 'https://e.example/', B, A, D]);
    await store.recordFeedCheck({ url: C, checkedAt: T('08:30'), ok: false, error: 'DNS', nextCheckAt: T('08:45') });
    assert.deepEqual(urls(await store.dueFeeds(T('09:30'))), ['https://e.example/', C, B], 'C polled now: by its time');
  });

  // --- Fetched pages ---

  it('known page URLs: an article stored under its URL or canonical URL, a fetch stored, duplicate or not an article, a failure only from maxFailures', async (store) => {
    await add(store, storedArticle('a1', { url: 'https://x.example/a?utm=1', canonicalUrl: 'https://x.example/a' }));
    await add(store, storedArticle('a2', { contentHash: 'h2', storyId: 's2', canonicalUrl: null }));
    await store.recordPageFetch({ url: 'https://x.example/s', finalUrl: 'https://www.x.example/s', canonicalUrl: 'https://x.example/s-canonical', articleId: 'a1', outcome: 'stored', fetchedAt: T('08:00') });
    await store.recordPageFetch({ url: 'https://x.example/d', articleId: 'a1', outcome: 'duplicate', fetchedAt: T('08:00') });
    await store.recordPageFetch({ url: 'https://x.example/n', articleId: null, outcome: 'not-article', reason: 'an index page', fetchedAt: T('08:00') });
    const failed = () => store.recordPageFetch({ url: 'https://x.example/f', finalUrl: 'https://x.example/f2', articleId: null, outcome: 'failed', reason: 'HTTP 500', fetchedAt: T('08:00') });
    await failed();
    await failed();
    const all = [
      'https://x.example/a?utm=1', 'https://x.example/a', 'https://x.example/s', 'https://www.x.example/s', 'https://x.example/s-canonical',
      'https://x.example/d', 'https://x.example/n', 'https://x.example/f', 'https://x.example/f2', 'https://x.example/never',
    ];
    const successes = all.slice(0, 7);
    assert.deepEqual(await store.knownPageUrls(all, 3), new Set(successes), 'two failures: not known at 3');
    assert.deepEqual(await store.knownPageUrls(all, 2), new Set([...successes, 'https://x.example/f', 'https://x.example/f2']), 'known at 2');
    await failed();
    assert.deepEqual(await store.knownPageUrls(all, 3), new Set([...successes, 'https://x.example/f', 'https://x.example/f2']));
    assert.deepEqual(await store.knownPageUrls([], 3), new Set());

    // A failure later never makes a known URL unknown; a success after failures makes it known.
    await store.recordPageFetch({ url: 'https://x.example/a', articleId: null, outcome: 'failed', reason: 'timeout', fetchedAt: T('09:00') });
    await store.recordPageFetch({ url: 'https://x.example/n', articleId: null, outcome: 'failed', reason: 'timeout', fetchedAt: T('09:00') });
    await store.recordPageFetch({ url: 'https://x.example/g', articleId: null, outcome: 'failed', reason: 'timeout', fetchedAt: T('09:00') });
    await store.recordPageFetch({ url: 'https://x.example/g', articleId: null, outcome: 'not-article', reason: 'a video', fetchedAt: T('09:10') });
    assert.deepEqual(await store.knownPageUrls(['https://x.example/a', 'https://x.example/n', 'https://x.example/g'], 5), new Set(['https://x.example/a', 'https://x.example/n', 'https://x.example/g']));
  });

  it('an article added in a batch is a known page at once, and stays one when the batch commits', async (store) => {
    await store.beginBatch();
    await add(store, storedArticle('a1', { url: 'https://x.example/batch', canonicalUrl: 'https://x.example/batch-canonical' }));
    assert.deepEqual(await store.knownPageUrls(['https://x.example/batch', 'https://x.example/batch-canonical'], 1), new Set(['https://x.example/batch', 'https://x.example/batch-canonical']));
    await store.commitBatch();
    assert.deepEqual(await store.knownPageUrls(['https://x.example/batch', 'https://x.example/batch-canonical', 'https://x.example/other'], 1), new Set(['https://x.example/batch', 'https://x.example/batch-canonical']));
  });

  // --- Alerts ---

  it('alerts: created with their target, listed and read back with their counts, removed with their matches and deliveries', async (store) => {
    await threeArticles(store);
    await store.createAlert({ id: 'q', target: { kind: 'query', query: 'putin visit' }, webhook: 'https://hooks.example/q', createdAt: '2024-06-20T10:00:00+02:00' });
    await store.createAlert({ id: 'e', target: { kind: 'entity', entity: 'Vladimir Putin' }, webhook: null, createdAt: T('07:00') });
    await store.createAlert({ id: 's', target: { kind: 'story', storyId: 's2' }, webhook: null, createdAt: T('09:00') });
    await assert.rejects(store.createAlert({ id: 'q', target: { kind: 'query', query: 'other' }, webhook: null, createdAt: T('09:00') }), 'an id is unique');
    const none = { matches: 0, lastMatchAt: null, pendingDeliveries: 0, failedDeliveries: 0 };
    assert.deepEqual(await store.listAlerts(), [
      { id: 'e', target: { kind: 'entity', entity: 'Vladimir Putin' }, webhook: null, createdAt: T('07:00'), ...none },
      { id: 'q', target: { kind: 'query', query: 'putin visit' }, webhook: 'https://hooks.example/q', createdAt: T('08:00'), ...none },
      { id: 's', target: { kind: 'story', storyId: 's2' }, webhook: null, createdAt: T('09:00'), ...none },
    ], 'oldest first');
    assert.equal(await store.getAlert('nope'), null);

    await store.recordAlertMatches([match('q', 'n1', 's1', T('10:00')), match('q', 'n3', 's2', T('10:05')), match('e', 'n1', 's1', T('10:00'))]);
    const [delivery] = await store.dueDeliveries(T('23:00'), 1);
    await store.recordDeliveryAttempt({ id: delivery!.id, at: T('10:01'), ok: false, error: 'HTTP 410', nextAttemptAt: null });
    assert.deepEqual(await store.getAlert('q'), {
      id: 'q', target: { kind: 'query', query: 'putin visit' }, webhook: 'https://hooks.example/q', createdAt: T('08:00'), matches: 2, lastMatchAt: T('10:05'), pendingDeliveries: 1, failedDeliveries: 1,
    });
    assert.deepEqual((await store.getAlert('e'))!.matches, 1);

    assert.equal(await store.removeAlert('q'), true);
    assert.equal(await store.removeAlert('q'), false);
    assert.equal(await store.getAlert('q'), null);
    assert.deepEqual((await store.listAlerts()).map((a) => a.id), ['e', 's']);
    assert.deepEqual(await store.alertMatches('q', 10), [], 'its matches went with it');
    assert.deepEqual(await store.alertDeliveries('q', 10), [], 'its deliveries too');
    assert.deepEqual(await store.dueDeliveries(T('23:00'), 10), []);
    // Recreated under the same id, it starts afresh: the old matches are no longer there to dedupe against.
    await store.createAlert({ id: 'q', target: { kind: 'query', query: 'putin' }, webhook: null, createdAt: T('11:00') });
    assert.deepEqual((await store.recordAlertMatches([match('q', 'n1', 's1', T('11:00'))])).map((m) => m.articleId), ['n1']);
    assert.equal((await store.getAlert('e'))!.matches, 1, 'another alert keeps its own');
  });

  it('recorded matches are idempotent per (alert, article) and only the new ones come back; deliveries are one per (alert, story) of the call, for webhook alerts only', async (store) => {
    await threeArticles(store);
    await store.createAlert({ id: 'hook', target: { kind: 'query', query: 'x' }, webhook: 'https://hooks.example/h', createdAt: T('07:00') });
    await store.createAlert({ id: 'feed', target: { kind: 'entity', entity: 'Vladimir Putin' }, webhook: null, createdAt: T('07:00') });

    const first = await store.recordAlertMatches([
      match('hook', 'n2', 's1', '2024-06-20T12:02:00+02:00'),
      match('hook', 'n1', 's1', T('10:01')),
      match('hook', 'n3', 's2', T('10:03')),
      match('hook', 'n1', 's1', T('10:09')),
      match('feed', 'n1', 's1', T('10:01')),
      match('gone', 'n1', 's1', T('10:01')),
    ]);
    assert.deepEqual(first, [
      match('hook', 'n2', 's1', T('10:02')),
      match('hook', 'n1', 's1', T('10:01')),
      match('hook', 'n3', 's2', T('10:03')),
      match('feed', 'n1', 's1', T('10:01')),
    ], 'in the order given, each pair once, times in UTC; an unknown alert matches nothing');
    const deliveries = await store.alertDeliveries('hook', 10);
    assert.deepEqual(
      deliveries.map((d) => [d.storyId, d.articleIds, d.webhook, d.status, d.attempts, d.nextAttemptAt, d.lastError, d.deliveredAt]),
      [
        ['s2', ['n3'], 'https://hooks.example/h', 'pending', 0, T('10:03'), null, null],
        ['s1', ['n2', 'n1'], 'https://hooks.example/h', 'pending', 0, T('10:01'), null, null],
      ],
      'newest first; due from the earliest match of each',
    );
    assert.ok(deliveries.every((d) => d.alertId === 'hook' && d.createdAt === d.nextAttemptAt));
    assert.deepEqual(await store.alertDeliveries('feed', 10), [], 'no webhook, no delivery');

    // Again, with one new match: only it comes back, and only it makes a delivery.
    const again = await store.recordAlertMatches([match('hook', 'n1', 's1', T('11:00')), match('hook', 'n2', 's1', T('11:00')), match('feed', 'n2', 's1', T('11:00')), match('hook', 'n3', 's2', T('11:00'))]);
    assert.deepEqual(again, [match('feed', 'n2', 's1', T('11:00'))]);
    assert.equal((await store.alertDeliveries('hook', 10)).length, 2);
    assert.deepEqual(await store.recordAlertMatches([]), []);
    const more = await store.recordAlertMatches([match('hook', 'n1', 's1', T('12:00')), match('hook', 'n2', 's9', T('12:00'))]);
    assert.deepEqual(more, []);
    assert.deepEqual([(await store.getAlert('hook'))!.matches, (await store.getAlert('feed'))!.matches], [3, 2], 'a match recorded twice counts once');
    assert.equal((await store.getAlert('hook'))!.lastMatchAt, T('10:03'), 'the first record of a match stays');
  });

  it('matches of an alert read back with their articles, newest match first, then newest article, at most limit', async (store) => {
    await threeArticles(store);
    await store.createAlert({ id: 'al', target: { kind: 'entity', entity: 'Vladimir Putin' }, webhook: null, createdAt: T('07:00') });
    await store.recordAlertMatches([match('al', 'n1', 's1', T('10:00')), match('al', 'n2', 's1', T('10:00')), match('al', 'n3', 's2', T('09:00'))]);
    assert.deepEqual(await store.alertMatches('al', 10), [
      { articleId: 'n2', storyId: 's1', matchedAt: T('10:00'), title: 'Second', url: 'https://news.example/2', published: null, source: null },
      { articleId: 'n1', storyId: 's1', matchedAt: T('10:00'), title: 'First', url: 'https://news.example/1', published: '2024-06-18', source: 'News' },
      { articleId: 'n3', storyId: 's2', matchedAt: T('09:00'), title: 'Third', url: 'https://news.example/3', published: '2024-06-01', source: 'Outlet' },
    ]);
    assert.deepEqual((await store.alertMatches('al', 2)).map((m) => m.articleId), ['n2', 'n1']);
    assert.deepEqual(await store.alertMatches('none', 10), []);
  });

  it('inside an open batch, matches and deliveries are recorded with the batch; a failing call rolls back alone and the batch goes on', async (store) => {
    await store.createAlert({ id: 'hook', target: { kind: 'story', storyId: 's1' }, webhook: 'https://hooks.example/h', createdAt: T('07:00') });
    await store.beginBatch();
    await add(store, storedArticle('b1', { url: 'https://news.example/b1' }));
    assert.deepEqual(await store.recordAlertMatches([match('hook', 'b1', 's1', T('10:00'))]), [match('hook', 'b1', 's1', T('10:00'))]);
    // A match of an article not stored is refused, and nothing of that call stays (b2 with it).
    await add(store, storedArticle('b2', { contentHash: 'h2' }), false);
    await assert.rejects(store.recordAlertMatches([match('hook', 'b2', 's1', T('10:01')), match('hook', 'ghost', 's1', T('10:01'))]));
    assert.deepEqual((await store.alertMatches('hook', 10)).map((m) => m.articleId), ['b1'], 'reads in the batch see it');
    assert.equal((await store.alertDeliveries('hook', 10)).length, 1);
    await add(store, storedArticle('b3', { contentHash: 'h3' }), false);
    assert.deepEqual((await store.recordAlertMatches([match('hook', 'b3', 's1', T('10:02')), match('hook', 'b1', 's1', T('10:02'))])).map((m) => m.articleId), ['b3']);
    await store.commitBatch();
    assert.deepEqual((await store.listArticles()).map((a) => a.id), ['b1', 'b2', 'b3'], 'the batch committed its articles');
    assert.deepEqual((await store.alertMatches('hook', 10)).map((m) => m.articleId), ['b3', 'b1']);
    assert.deepEqual((await store.alertDeliveries('hook', 10)).map((d) => d.articleIds), [['b3'], ['b1']]);
    assert.deepEqual((await store.getAlert('hook'))!.pendingDeliveries, 2);
    assert.deepEqual(await store.recordAlertMatches([match('hook', 'b2', 's1', T('10:05'))]), [match('hook', 'b2', 's1', T('10:05'))], 'the refused call left no row behind');
  });

  // --- Deliveries ---

  it('due deliveries: pending ones due by now, oldest first, at most limit; attempts deliver, retry later or give up, and the alert counts follow', async (store) => {
    await threeArticles(store);
    await store.createAlert({ id: 'h1', target: { kind: 'query', query: 'x' }, webhook: 'https://hooks.example/1', createdAt: T('07:00') });
    await store.createAlert({ id: 'h2', target: { kind: 'query', query: 'y' }, webhook: 'https://hooks.example/2', createdAt: T('07:00') });
    await store.recordAlertMatches([match('h1', 'n1', 's1', T('10:00'))]);
    await store.recordAlertMatches([match('h2', 'n3', 's2', T('09:00'))]);
    await store.recordAlertMatches([match('h1', 'n3', 's2', T('11:00'))]);
    const due = await store.dueDeliveries(T('10:30'), 10);
    assert.deepEqual(due.map((d) => [d.alertId, d.storyId, d.webhook, d.nextAttemptAt]), [['h2', 's2', 'https://hooks.example/2', T('09:00')], ['h1', 's1', 'https://hooks.example/1', T('10:00')]], 'oldest first; the 11:00 one not yet');
    assert.deepEqual((await store.dueDeliveries(T('10:30'), 1)).map((d) => d.alertId), ['h2']);
    assert.deepEqual(await store.dueDeliveries(T('08:59'), 10), []);
    assert.equal((await store.dueDeliveries(T('09:00'), 10)).length, 1, 'at now is due');
    const [toH2, toH1] = due as [(typeof due)[0], (typeof due)[0]];

    // H2: a failure, retried later, then delivered.
    await store.recordDeliveryAttempt({ id: toH2.id, at: T('10:30'), ok: false, error: 'HTTP 502', nextAttemptAt: T('10:35') });
    let h2 = (await store.alertDeliveries('h2', 10))[0]!;
    assert.deepEqual([h2.status, h2.attempts, h2.lastError, h2.nextAttemptAt, h2.deliveredAt], ['pending', 1, 'HTTP 502', T('10:35'), null]);
    assert.deepEqual((await store.dueDeliveries(T('10:31'), 10)).map((d) => d.id), [toH1.id], 'not due again before its next time');
    const third = (await store.alertDeliveries('h1', 1))[0]!;
    assert.deepEqual((await store.dueDeliveries(T('11:00'), 10)).map((d) => d.id), [toH1.id, toH2.id, third.id], 'by next attempt time: 10:00, the retry at 10:35, 11:00');
    await store.recordDeliveryAttempt({ id: toH2.id, at: T('10:36'), ok: true });
    h2 = (await store.alertDeliveries('h2', 10))[0]!;
    assert.deepEqual([h2.status, h2.attempts, h2.lastError, h2.deliveredAt], ['delivered', 2, 'HTTP 502', T('10:36')]);
    assert.equal((await store.getAlert('h2'))!.pendingDeliveries, 0);

    // H1's first: failed twice, given up on the second time. Nothing is dropped: it stays, 'failed'.
    await store.recordDeliveryAttempt({ id: toH1.id, at: T('10:31'), ok: false, error: 'refused', nextAttemptAt: T('10:40') });
    await store.recordDeliveryAttempt({ id: toH1.id, at: T('10:41'), ok: false, error: 'refused again', nextAttemptAt: null });
    const [later, gaveUp] = await store.alertDeliveries('h1', 10);
    assert.deepEqual([gaveUp!.id, gaveUp!.status, gaveUp!.attempts, gaveUp!.lastError, gaveUp!.deliveredAt], [toH1.id, 'failed', 2, 'refused again', null]);
    assert.equal(later!.status, 'pending');
    assert.deepEqual(await store.getAlert('h1').then((a) => [a!.pendingDeliveries, a!.failedDeliveries]), [1, 1]);
    assert.deepEqual((await store.dueDeliveries(T('23:00'), 10)).map((d) => d.id), [later!.id], 'delivered and failed ones are never due');

    // An attempt on a delivery no longer pending, or unknown, changes nothing.
    await store.recordDeliveryAttempt({ id: toH2.id, at: T('12:00'), ok: false, error: 'late', nextAttemptAt: T('12:10') });
    await store.recordDeliveryAttempt({ id: 999_999, at: T('12:00'), ok: true });
    h2 = (await store.alertDeliveries('h2', 10))[0]!;
    assert.deepEqual([h2.status, h2.attempts, h2.lastError], ['delivered', 2, 'HTTP 502']);
  });

  it('deliveries of an alert come newest first, at most limit', async (store) => {
    await threeArticles(store);
    await store.createAlert({ id: 'h', target: { kind: 'query', query: 'x' }, webhook: 'https://hooks.example/h', createdAt: T('07:00') });
    await store.recordAlertMatches([match('h', 'n1', 's1', T('10:00'))]);
    await store.recordAlertMatches([match('h', 'n3', 's2', T('09:00'))]);
    await store.recordAlertMatches([match('h', 'n2', 's1', T('11:00'))]);
    assert.deepEqual((await store.alertDeliveries('h', 10)).map((d) => d.articleIds), [['n2'], ['n3'], ['n1']], 'the last created first');
    assert.deepEqual((await store.alertDeliveries('h', 2)).map((d) => d.articleIds), [['n2'], ['n3']]);
    assert.deepEqual(await store.alertDeliveries('nope', 10), []);
  });
}
