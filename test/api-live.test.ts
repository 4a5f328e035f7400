// The live-news API through app.request(): feeds (list, add, remove) and alerts (create, read, the
// Atom feed, remove), over a real SQLite store with the seed story; matches recorded by a real ingest.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import { createApp } from '../src/api/index.js';
import { ingestBatch, ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { SEEDS_DIR, tempDb } from './helpers/cli.js';

let store: SqliteStoryStore;
let app: ReturnType<typeof createApp>;
let storyId: string;

before(async () => {
  store = new SqliteStoryStore(tempDb());
  await ingestPaths([SEEDS_DIR], store);
  storyId = (await store.listStoryIds())[0]!;
  app = createApp({ store, publicUrl: 'https://news.example.org' });
});
after(() => store.close());

const send = (method: string, path: string, body?: unknown) =>
  app.request(`http://127.0.0.1${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });

test('feeds: added once, listed in order, removed; bad URLs are 400 naming the field', async () => {
  let res = await send('POST', '/api/feeds', { urls: ['https://a.example.org/rss.xml', 'https://b.example.org/atom.xml'] });
  assert.equal(res.status, 201);
  assert.deepEqual(await res.json(), { added: ['https://a.example.org/rss.xml', 'https://b.example.org/atom.xml'], alreadyKept: [] });
  res = await send('POST', '/api/feeds', { urls: ['https://a.example.org/rss.xml'] });
  assert.equal(res.status, 200);
  assert.deepEqual((await res.json()).alreadyKept, ['https://a.example.org/rss.xml']);
  const { feeds } = (await (await send('GET', '/api/feeds')).json()) as { feeds: Array<{ url: string; lastCheckedAt: string | null; errorCount: number }> };
  assert.deepEqual(feeds.map((f) => f.url), ['https://a.example.org/rss.xml', 'https://b.example.org/atom.xml']);
  assert.equal(feeds[0]!.lastCheckedAt, null, 'adding fetches nothing');
  res = await send('POST', '/api/feeds', { urls: ['ftp://a.example.org/x'] });
  assert.equal(res.status, 400);
  assert.match((await res.json()).error.message, /urls\.0: each url must be an http\(s\) URL/);
  res = await send('DELETE', `/api/feeds?url=${encodeURIComponent('https://b.example.org/atom.xml')}`);
  assert.deepEqual(await res.json(), { removed: 1 });
  res = await send('DELETE', `/api/feeds?url=${encodeURIComponent('https://b.example.org/atom.xml')}`);
  assert.equal(res.status, 404);
});

test('alerts: exactly one target; an unknown story is 404; matches of a later ingest reach the Atom feed', async () => {
  assert.equal((await send('POST', '/api/alerts', { query: 'x', entity: 'y' })).status, 400);
  assert.equal((await send('POST', '/api/alerts', {})).status, 400);
  assert.equal((await send('POST', '/api/alerts', { story: 'snope' })).status, 404);
  assert.equal((await send('POST', '/api/alerts', { query: 'a', webhook: 'file:///etc/passwd' })).status, 400);

  const created = await send('POST', '/api/alerts', { query: 'Pyongyang summit', webhook: 'https://hooks.example.org/in' });
  assert.equal(created.status, 201);
  const alert = (await created.json()) as { id: string; feed: string; matches: number; target: unknown };
  assert.deepEqual(alert.target, { kind: 'query', query: 'Pyongyang summit' });
  assert.equal(alert.feed, `/api/alerts/${alert.id}/feed.xml`);
  const storyAlert = (await (await send('POST', '/api/alerts', { story: storyId })).json()) as { id: string };

  const posted = await ingestBatch(
    [{ origin: 'post', format: 'text', body: 'Leaders meet at Pyongyang summit\n\nThe two leaders met at the Pyongyang summit on Wednesday and signed a partnership treaty, officials said.', hints: { title: 'Leaders meet at Pyongyang summit', published: '2024-06-19', source: 'Example News' } }],
    store,
  );
  assert.ok(posted.ok && posted.summary.added === 1);
  assert.ok(posted.summary.alertMatches >= 1);

  const detail = (await (await send('GET', `/api/alerts/${alert.id}`)).json()) as { matches: number; pendingDeliveries: number; recentMatches: Array<{ title: string }>; deliveries: Array<{ status: string }> };
  assert.equal(detail.matches, 1);
  assert.equal(detail.pendingDeliveries, 1);
  assert.equal(detail.recentMatches[0]!.title, 'Leaders meet at Pyongyang summit');
  assert.equal(detail.deliveries[0]!.status, 'pending');

  const feed = await send('GET', alert.feed);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type') ?? '', /^application\/atom\+xml/);
  const doc = parseDocument(await feed.text(), { xmlMode: true });
  const entries = DomUtils.getElementsByTagName('entry', doc);
  assert.equal(entries.length, 1);
  assert.equal(DomUtils.textContent(DomUtils.getElementsByTagName('title', entries[0]!)[0]!), 'Leaders meet at Pyongyang summit');
  const link = DomUtils.getElementsByTagName('link', entries[0]!).find((l) => l.attribs.rel === 'alternate')!;
  assert.match(link.attribs.href!, /^https:\/\/news\.example\.org\/articles\//);

  const list = (await (await send('GET', '/api/alerts')).json()) as { alerts: Array<{ id: string }> };
  assert.deepEqual(list.alerts.map((a) => a.id).sort(), [alert.id, storyAlert.id].sort());
  assert.equal((await send('DELETE', `/api/alerts/${alert.id}`)).status, 204);
  assert.equal((await send('GET', `/api/alerts/${alert.id}`)).status, 404);
  assert.equal((await send('GET', alert.feed)).status, 404);
});
