// Every request is checked before any route (app.request(), no port): a Host this server answers to
// (loopback, the public URL's, allowed names; others 421, against DNS rebinding), and a path whose
// percent-encoding decodes (400, not a 500). Absolute links come from the public URL or the allowed Host.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import { createApp } from '../src/api/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { storedArticle, testIndex } from './helpers/articles.js';
import { tempDb } from './helpers/cli.js';

let store: SqliteStoryStore;

before(async () => {
  store = new SqliteStoryStore(tempDb());
  await store.addArticle(storedArticle('a1'), { newStory: true, dateUpdates: [], index: testIndex('a1') });
});
after(() => store.close());

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

test('a malformed percent-encoding in the path is 400 with the usual error body, on any route', async () => {
  const app = createApp({ store });
  for (const path of ['/static/%', '/static/%E0%A4%A', '/api/stories/%', '/api/stories/%zz/timeline', '/api/articles/%', '/stories/%', '/%', '/api/nothing/%']) {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    assert.deepEqual(await errorOf(res), { code: 'bad_request', message: 'malformed percent-encoding in the path' }, path);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  }
  // Well-formed encodings still reach their route: decoded once (%25 is a file named "%": none).
  assert.equal((await app.request('/static/%25')).status, 404);
  assert.equal((await app.request('/static/%2e%2e/package.json')).status, 404);
  assert.equal((await app.request('/static/app%2Ejs')).status, 200);
  assert.equal((await app.request('/api/stories/s%31')).status, 200);
});

test('Host: loopback names on any port are served; any other host is 421 with a JSON error', async () => {
  const app = createApp({ store });
  for (const host of ['localhost', 'localhost:8080', '127.0.0.1:1234', '[::1]:8080', 'LOCALHOST']) {
    assert.equal((await app.request('/api/health', { headers: { host } })).status, 200, host);
  }
  assert.equal((await app.request('/api/health')).status, 200, 'app.request() names localhost');
  for (const host of ['evil.example', 'evil.example:8080', 'localhost.evil.example', '127.0.0.1.nip.io', '[::2]']) {
    for (const path of ['/api/health', '/', '/static/app.js', '/api/stories/s1/feed.xml']) {
      const res = await app.request(path, { headers: { host } });
      assert.equal(res.status, 421, `${host} ${path}`);
      assert.equal((await errorOf(res)).code, 'misdirected_request');
    }
  }
  // The check comes before auth: a foreign page learns nothing, not even that a token is needed.
  assert.equal((await createApp({ store, token: 'a-token-of-sixteen-chars' }).request('/api/health', { headers: { host: 'evil.example' } })).status, 421);
});

test('Host: the public URL\'s host and allowed names are served too', async () => {
  const app = createApp({ store, publicUrl: 'https://news.example.org/storyline/', allowedHosts: ['intranet.local', '10.0.0.5:8080', '::2'] });
  for (const host of ['news.example.org', 'news.example.org:443', 'intranet.local:8080', '10.0.0.5', '[::2]:80', 'localhost:9']) {
    assert.equal((await app.request('/api/health', { headers: { host } })).status, 200, host);
  }
  assert.equal((await app.request('/api/health', { headers: { host: 'example.org' } })).status, 421);
});

const feedLinks = async (res: Response) => {
  assert.equal(res.status, 200);
  const doc = parseDocument(await res.text(), { xmlMode: true });
  return DomUtils.findAll((e) => e.name === 'link' || e.name === 'id', doc.children).map((e) => e.attribs.href ?? DomUtils.textContent(e));
};

test('Atom feed links come from the public URL when configured, else from the allowed Host', async () => {
  const proxied = createApp({ store, publicUrl: 'https://news.example.org/storyline/' });
  const links = await feedLinks(await proxied.request('/api/stories/s1/feed.xml', { headers: { host: 'localhost:8080' } }));
  assert.ok(links.length > 0);
  for (const link of links) assert.match(link, /^https:\/\/news\.example\.org\/storyline\/(api\/)?stories\/s1/);

  const local = createApp({ store });
  for (const link of await feedLinks(await local.request('http://localhost/api/stories/s1/feed.xml', { headers: { host: '127.0.0.1:8080' } }))) {
    assert.match(link, /^http:\/\/127\.0\.0\.1:8080\/(api\/)?stories\/s1/);
  }
});
