// The HTTP API on a real server (127.0.0.1, free port, temporary database): every read endpoint,
// the OpenAPI document, auth, errors and headers.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import { createApp } from '../src/api/index.js';
import { JsonlArticleSchema } from '../src/ingest/index.js';
import { storedArticle, testIndex } from './helpers/articles.js';
import { runCli } from './helpers/cli.js';
import { startTestServer, type TestServer } from './helpers/server.js';

let server: TestServer;
let storyId: string;

before(async () => {
  server = await startTestServer({ seeds: true });
  storyId = (await server.store.listStoryIds())[0]!;
});
after(() => server.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
const getJson = async (path: string, status = 200) => {
  const res = await get(path);
  assert.equal(res.status, status, `${path}: ${res.status}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return res.json() as Promise<any>;
};

test('health reports the store size', async () => {
  assert.deepEqual(await getJson('/api/health'), { status: 'ok', articles: 5, stories: 1 });
});

test('GET /api/stories/:id and /api/articles/:id are what the CLI prints as JSON', async () => {
  const cliStory = JSON.parse(runCli(['story', storyId, '--json', '--db', server.db]).stdout);
  assert.deepEqual(await getJson(`/api/stories/${storyId}`), cliStory);
  const cliArticles = JSON.parse(runCli(['articles', '--json', '--db', server.db]).stdout);
  assert.equal(cliArticles.length, 5);
  for (const a of cliArticles) assert.deepEqual(await getJson(`/api/articles/${a.id}`), a);
});

test('story list: summaries with coverage, filters by words (case and accents ignored), language and dates', async () => {
  const all = await getJson('/api/stories');
  assert.equal(all.stories.length, 1);
  const s = all.stories[0];
  assert.equal(s.id, storyId);
  assert.equal(s.articleCount, 5);
  assert.deepEqual(s.languages, ['en', 'vi']);
  assert.equal(s.coverage.reduce((x: number, y: number) => x + y, 0), 5, 'coverage counts every dated article');
  assert.equal(all.nextCursor, null);
  const ids = async (query: string) => (await getJson(`/api/stories?${query}`)).stories.map((x: { id: string }) => x.id);
  assert.deepEqual(await ids('q=pyongyang'), [storyId]);
  assert.deepEqual(await ids(`q=${encodeURIComponent('binh nhuong putin')}`), [storyId], 'Bình Nhưỡng found without accents');
  assert.deepEqual(await ids('q=putin+zebra'), [], 'every word must occur');
  assert.deepEqual(await ids('lang=vi'), [storyId]);
  assert.deepEqual(await ids('lang=fr'), []);
  assert.deepEqual(await ids('from=2024-06-01&to=2024-06-30'), [storyId]);
  assert.deepEqual(await ids('from=2024-06'), [storyId]);
  assert.deepEqual(await ids('to=2023-12-31'), []);
  assert.deepEqual(await ids('from=2025-01-01'), []);
});

test('story list: bad parameters are 400 naming the parameter', async () => {
  for (const [query, field] of [
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['lang=English!', 'lang'],
    ['from=June', 'from'],
    ['cursor=nonsense', 'cursor'],
  ] as const) {
    const body = await getJson(`/api/stories?${query}`, 400);
    assert.equal(body.error.code, 'bad_request');
    assert.match(body.error.message, new RegExp(`^${field}:`), query);
  }
});

test('timeline: developments oldest first, background apart', async () => {
  const body = await getJson(`/api/stories/${storyId}/timeline`);
  assert.equal(body.id, storyId);
  const starts = body.timeline.map((p: { start: string }) => p.start);
  assert.ok(starts.length > 3);
  assert.deepEqual(starts, [...starts].sort());
  assert.ok(body.background.length > 0);
  for (const p of body.background) assert.equal(p.kind, 'background');
  assert.ok(body.background.every((p: { start: string }) => p.start < starts[0]));
});

test('quotes and source differences of a story', async () => {
  const { quotes } = await getJson(`/api/stories/${storyId}/quotes`);
  assert.ok(quotes.length > 0);
  const articleIds = new Set((await getJson(`/api/stories/${storyId}`)).articles.map((a: { id: string }) => a.id));
  for (const q of quotes) {
    assert.ok(articleIds.has(q.article));
    assert.ok(q.speakerText.length > 0 && q.text.length > 0);
  }
  const diff = await getJson(`/api/stories/${storyId}/differences`);
  assert.equal(diff.outlets.length, 4);
  const timeline = (await getJson(`/api/stories/${storyId}/timeline`)).timeline;
  for (const p of diff.singleSource) {
    const point = timeline.find((t: { date: string; text: string }) => t.date === p.date && t.text === p.text);
    assert.ok(point, `${p.date} is a timeline point`);
    assert.deepEqual(point.articles, p.articles);
  }
});

test('exports: Markdown and a valid Atom feed with one entry per point', async () => {
  const md = await get(`/api/stories/${storyId}/markdown`);
  assert.equal(md.status, 200);
  assert.match(md.headers.get('content-type') ?? '', /^text\/markdown/);
  assert.equal(await md.text(), runCli(['story', storyId, '--markdown', '--db', server.db]).stdout);

  const res = await get(`/api/stories/${storyId}/feed.xml`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml/);
  const doc = parseDocument(await res.text(), { xmlMode: true });
  const feed = DomUtils.findOne((e) => e.name === 'feed', doc.children)!;
  assert.equal(feed.attribs.xmlns, 'http://www.w3.org/2005/Atom');
  const child = (el: typeof feed, name: string) => el.children.find((c) => 'name' in c && c.name === name) as typeof feed | undefined;
  const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  assert.equal(DomUtils.textContent(child(feed, 'id')!), `${server.url}/stories/${storyId}`);
  assert.match(DomUtils.textContent(child(feed, 'updated')!), RFC3339);
  const story = await getJson(`/api/stories/${storyId}`);
  const entries = feed.children.filter((c) => 'name' in c && c.name === 'entry') as Array<typeof feed>;
  assert.equal(entries.length, story.timeline.length + story.background.length);
  const entryIds = new Set<string>();
  for (const e of entries) {
    entryIds.add(DomUtils.textContent(child(e, 'id')!));
    assert.ok(DomUtils.textContent(child(e, 'title')!).length > 0);
    assert.match(DomUtils.textContent(child(e, 'updated')!), RFC3339);
    assert.equal(child(e, 'link')!.attribs.href, `${server.url}/stories/${storyId}`);
  }
  assert.equal(entryIds.size, entries.length, 'entry ids are unique');
});

test('a merged story answers under its old id', async () => {
  const { store } = server;
  await store.addArticle(storedArticle('m1', { contentHash: 'm1', storyId: 'sOld' }), { newStory: true, dateUpdates: [], index: testIndex() });
  await store.addArticle(storedArticle('m2', { contentHash: 'm2', storyId: 'sNew' }), { newStory: true, dateUpdates: [], index: testIndex() });
  await store.addArticle(storedArticle('m3', { contentHash: 'm3', storyId: 'sNew' }), { newStory: false, mergeStoryIds: ['sOld'], dateUpdates: [], index: testIndex() });
  const body = await getJson('/api/stories/sOld');
  assert.equal(body.id, 'sNew');
  assert.deepEqual(body.articles.map((a: { id: string }) => a.id).sort(), ['m1', 'm2', 'm3']);
  assert.equal((await getJson('/api/stories/sOld/timeline')).id, 'sNew');
});

test('entities by prefix, most reported first', async () => {
  const { entities } = await getJson('/api/entities?q=Kim');
  assert.equal(entities[0].name, 'Kim Jong Un');
  assert.equal(entities[0].articles, 5);
  assert.ok(entities.every((e: { name: string }) => e.name.startsWith('Kim')));
  assert.equal((await getJson('/api/entities?q=&limit=2')).entities.length, 2);
  assert.deepEqual((await getJson('/api/entities?q=Zzz')).entities, []);
});

test('unknown ids and routes are 404 with a JSON error', async () => {
  for (const path of ['/api/stories/nope', '/api/stories/nope/timeline', '/api/stories/nope/feed.xml', '/api/stories/nope/markdown', '/api/articles/nope', '/api/nothing']) {
    const body = await getJson(path, 404);
    assert.equal(body.error.code, 'not_found', path);
  }
});

test('OpenAPI 3 document: every path it names answers, and the article input is the JSONL schema', async () => {
  const doc = await getJson('/api/openapi.json');
  assert.match(doc.openapi, /^3\./);
  assert.deepEqual(doc.servers, [{ url: '/api' }]);
  const articleId = (await server.store.storyArticles(storyId))[0]!.id;
  await server.store.createAlert({ id: 'alopenapi', target: { kind: 'story', storyId }, webhook: null, createdAt: new Date().toISOString() });
  const ids: Record<string, string> = { articles: articleId, alerts: 'alopenapi', stories: storyId };
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    if (!('get' in ops)) continue;
    // A timeline needs something selected.
    const concrete = path === '/timeline' ? '/timeline?q=putin' : path.replace('{id}', ids[path.split('/')[1]!]!);
    assert.equal((await get(`/api${concrete}`)).status, 200, concrete);
  }
  assert.ok(doc.paths['/articles'].post.requestBody.content['application/x-ndjson']);
  const input = doc.components.schemas.ArticleInput;
  assert.deepEqual(Object.keys(input.properties).sort(), Object.keys(JsonlArticleSchema._def.schema.shape).sort());
});

test('security headers: a strict Content-Security-Policy on pages and API responses', async () => {
  for (const path of ['/', `/stories/${storyId}`, '/articles/x', '/static/app.js', '/static/styles.css', '/api/health', `/api/stories/${storyId}`]) {
    const res = await get(path);
    // An unknown article is the app's not-found page, with its status.
    assert.equal(res.status, path === '/articles/x' ? 404 : 200, path);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/, path);
    assert.match(csp, /default-src 'none'/, path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  }
  assert.equal((await get('/static/../package.json')).status, 404);
  assert.equal((await get('/static/%2e%2e/package.json')).status, 404);
});

test('auth: with a token every API call needs it; pages load without it', async () => {
  const secured = await startTestServer({ token: 's3cret-token-of-24-chars' });
  try {
    for (const path of ['/api/health', '/api/stories', '/api/openapi.json', '/api/articles/x']) {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 's3cret-token-of-24-chars' }] as Array<Record<string, string>>) {
        const res = await fetch(`${secured.url}${path}`, { headers });
        assert.equal(res.status, 401, `${path} ${JSON.stringify(headers)}`);
        assert.equal(((await res.json()) as any).error.code, 'unauthorized');
      }
    }
    const ok = await fetch(`${secured.url}/api/health`, { headers: { authorization: 'Bearer s3cret-token-of-24-chars' } });
    assert.equal(ok.status, 200);
    const posted = await fetch(`${secured.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'An article that should never be stored without the token at all.' }) });
    assert.equal(posted.status, 401);
    assert.equal((await secured.store.listArticles()).length, 0);
    assert.equal((await fetch(`${secured.url}/`)).status, 200);
    const doc = (await (await fetch(`${secured.url}/api/openapi.json`, { headers: { authorization: 'Bearer s3cret-token-of-24-chars' } })).json()) as any;
    assert.deepEqual(doc.security, [{ bearer: [] }]);
  } finally {
    await secured.stop();
  }
  // Without a token the same calls need no header.
  assert.equal((await get('/api/health')).status, 200);
});

test('an unexpected error is a 500 with the request id, never the message or stack', async () => {
  const failing: typeof server.store = Object.assign(Object.create(server.store), {
    listStoryIds: () => {
      throw new Error('secret internal detail');
    },
  });
  const app = createApp({ store: failing });
  const original = process.stderr.write.bind(process.stderr);
  let logged = '';
  process.stderr.write = ((chunk: string) => ((logged += chunk), true)) as typeof process.stderr.write;
  let res: Response;
  try {
    res = await app.request('/api/health');
  } finally {
    process.stderr.write = original;
  }
  assert.equal(res.status, 500);
  const text = await res.text();
  assert.doesNotMatch(text, /secret internal detail|at /);
  const body = JSON.parse(text);
  assert.equal(body.error.code, 'internal');
  assert.equal(body.error.requestId, res.headers.get('x-request-id'));
  assert.match(logged, /secret internal detail/, 'the cause is logged on stderr');
});
