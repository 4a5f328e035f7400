// Live news end to end, against real HTTP servers on 127.0.0.1: `ingest URL` (a feed, a sitemap
// index, a page), WARC files, `feeds` + `watch --once` with conditional requests, alerts with a
// webhook, bad inputs that fail alone, and a watch killed mid-run that re-fetches nothing it stored.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SqliteStoryStore } from '../src/store/index.js';
import { REPO_ROOT, runMain, tempDb, tempDir } from './helpers/cli.js';
import { articleHtml, sitePage, startNewsSite, type NewsSite } from './helpers/news-site.js';
import { writeWarcFile } from './helpers/warc.js';

const FAST = { STORYLINE_FETCH_DELAY_MS: '0', STORYLINE_FETCH_TIMEOUT_MS: '2000' };
let site: NewsSite;

before(async () => {
  site = await startNewsSite();
  site.feedPages.push(sitePage(1, '2024-06-18'), sitePage(2, '2024-06-19'), sitePage(3, '2024-06-20'));
});
after(() => site.close());

async function articles(db: string) {
  const store = new SqliteStoryStore(db);
  try {
    return await store.listArticles();
  } finally {
    await store.close();
  }
}

test('a loopback URL is refused before any request, with an error naming it', async () => {
  const before = site.requests.length;
  const run = await runMain(['ingest', `${site.url}/feed.xml`, '--db', tempDb(), '--quiet'], FAST);
  assert.equal(run.code, 1);
  assert.match(run.stderr, new RegExp(`${site.url}/feed.xml: refused: 127\\.0\\.0\\.1 is a loopback address \\(pass --allow-private-network to allow\\)`));
  assert.match(run.stdout, /added 0/);
  assert.equal(site.requests.length, before, 'no request was made');
});

test('ingest FEED-URL stores the items, with the feed date beside the page date; a re-run fetches no page again', async () => {
  const db = tempDb();
  const first = await runMain(['ingest', `${site.url}/feed.xml`, '--db', db, '--quiet', '--allow-private-network'], FAST);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /added 3/);
  const stored = await articles(db);
  assert.deepEqual(stored.map((a) => a.url).sort(), [1, 2, 3].map((n) => `${site.url}/news/${n}.html`));
  const first1 = stored.find((a) => a.url?.endsWith('/1.html'))!;
  assert.equal(first1.title, site.feedPages[0]!.title);
  assert.equal(first1.published?.start, '2024-06-18');
  assert.equal(first1.source, 'Example Times');
  assert.ok(site.requests.every((r) => r.userAgent?.startsWith('Storyline/')), 'every request names Storyline');

  const pageHits = () => [1, 2, 3].map((n) => site.hits(`/news/${n}.html`));
  const hitsBefore = pageHits();
  const again = await runMain(['ingest', `${site.url}/feed.xml`, '--db', db, '--quiet', '--allow-private-network'], FAST);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /added 0/);
  assert.deepEqual(pageHits(), hitsBefore, 'stored pages are not fetched again');
});

test('ingest of a sitemap index reads its news sitemap; robots.txt is read and honoured', async () => {
  const db = tempDb();
  site.routes.set('/private/secret.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>should never be fetched</p>'));
  const run = await runMain(['ingest', `${site.url}/sitemap_index.xml`, `${site.url}/private/secret.html`, '--db', db, '--quiet', '--allow-private-network'], FAST);
  assert.equal(run.code, 1, 'the disallowed page fails alone');
  assert.match(run.stdout, /added 3/);
  assert.match(run.stderr, /private\/secret\.html.*robots\.txt/);
  assert.equal(site.hits('/private/secret.html'), 0);
  const stored = await articles(db);
  assert.deepEqual(stored.map((a) => a.url).sort(), [100, 101, 102].map((n) => `${site.url}/news/${n}.html`));
  assert.deepEqual(stored.map((a) => a.published?.start).sort(), ['2024-05-02', '2024-05-03', '2024-05-04']);
});

test('watch --once twice against a changing feed: the second asks conditionally and fetches only the new item; an unchanged feed is a 304', async () => {
  const db = tempDb();
  const feed = `${site.url}/atom.xml`;
  const add = await runMain(['feeds', 'add', feed, '--db', db], FAST);
  assert.equal(add.code, 0, add.stderr);
  assert.equal(site.hits('/atom.xml'), 0, 'adding fetches nothing');

  const first = await runMain(['watch', '--once', '--db', db, '--allow-private-network', '--interval', '1s'], FAST);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /atom\.xml: 3 items, 3 new, 3 stored/);
  assert.match(first.stderr, /polled 1 feed \(0 failed\): added 3 articles/);

  site.feedPages.unshift(sitePage(4, '2024-06-21'));
  await new Promise((r) => setTimeout(r, 1100)); // the feed is due again after the 1 s interval
  const page4Before = site.hits('/news/4.html');
  const feedRequests = site.requests.filter((r) => r.path === '/atom.xml').length;
  const second = await runMain(['watch', '--once', '--db', db, '--allow-private-network', '--interval', '1s'], FAST);
  assert.match(second.stderr, /polled 1 feed/);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /4 items, 1 new, 1 stored/);
  const asked = site.requests.filter((r) => r.path === '/atom.xml').slice(feedRequests);
  assert.equal(asked.length, 1);
  assert.ok(asked[0]!.ifNoneMatch, 'the feed is asked with If-None-Match');
  assert.equal(site.hits('/news/4.html'), page4Before + 1);
  assert.equal((await articles(db)).length, 4);

  await new Promise((r) => setTimeout(r, 1100)); // the feed is due again after the 1 s interval
  const third = await runMain(['watch', '--once', '--db', db, '--allow-private-network'], FAST);
  assert.match(third.stderr, /atom\.xml: not modified/);

  const list = await runMain(['feeds', 'list', '--json', '--db', db]);
  const [kept] = JSON.parse(list.stdout) as Array<{ title: string; errorCount: number; etag: string | null }>;
  assert.equal(kept!.title, 'Example Times (Atom)');
  assert.equal(kept!.errorCount, 0);
  assert.ok(kept!.etag);
});

test("an alert's webhook receives the matching article; a failing webhook is recorded and retried, never lost", async () => {
  const received: unknown[] = [];
  let failing = true;
  const hook = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failing) return void res.writeHead(500).end();
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/in`;
  try {
    const db = tempDb();
    await runMain(['feeds', 'add', `${site.url}/feed.xml`, '--db', db]);
    const added = await runMain(['alerts', 'add', '--query', 'Rhone glacier', '--webhook', hookUrl, '--db', db]);
    assert.equal(added.code, 0, added.stderr);
    const alertId = added.stdout.trim();
    const glacierPages = site.feedPages.filter((p) => /glacier/.test(p.title));
    assert.ok(glacierPages.length >= 1);
    const watch = await runMain(['watch', '--once', '--db', db, '--allow-private-network'], FAST);
    assert.match(watch.stderr, new RegExp(`${glacierPages.length} alert matches; webhooks 0 delivered, \\d+ to retry`));
    assert.equal(received.length, 0);
    const listed = JSON.parse((await runMain(['alerts', 'list', '--json', '--db', db])).stdout) as Array<{ id: string; matches: number; pendingDeliveries: number }>;
    assert.equal(listed.length, 1);
    assert.equal(listed[0]!.id, alertId);
    assert.equal(listed[0]!.matches, glacierPages.length);
    const pending = listed[0]!.pendingDeliveries;
    assert.ok(pending >= 1);

    // The receiver is back; the retry is due 30 s later: move the delivery's clock instead of waiting.
    failing = false;
    const store = new SqliteStoryStore(db);
    const { deliverDueWebhooks } = await import('../src/alerts/index.js');
    const { postJson } = await import('../src/ingest/fetch/index.js');
    const report = await deliverDueWebhooks(store, (u, b) => postJson(u, b, { allowPrivateNetwork: true }), { now: () => new Date(Date.now() + 60_000) });
    await store.close();
    assert.equal(report.delivered, pending);
    assert.equal(received.length, pending);
    const payload = received[0] as { alert: { id: string; kind: string; value: string }; story: { id: string }; articles: Array<{ title: string; url: string; published: string; source: string }> };
    assert.deepEqual(payload.alert.id, alertId);
    assert.equal(payload.alert.value, 'Rhone glacier');
    const delivered = (received as Array<typeof payload>).flatMap((p) => p.articles.map((a) => [a.title, a.url, a.published, a.source]));
    const expected = glacierPages.map((p) => [p.title, `${site.url}/${p.slug}`, p.published, 'Example Times']);
    assert.deepEqual(delivered.sort(), expected.sort());
  } finally {
    await new Promise((r) => hook.close(r));
  }
});

test('bad inputs fail alone with the URL and the reason: not a feed, binary, a redirect loop, a page that never finishes', async () => {
  site.routes.set('/bad-feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('{"this": "is json, not a feed"'));
  site.routes.set('/binary', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0, 0, 0])));
  site.routes.set('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
  site.routes.set('/loop-b', (_req, res) => res.writeHead(302, { location: '/loop-a' }).end());
  site.routes.set('/slow', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>This page starts but never');
  });
  const db = tempDb();
  const urls = ['/bad-feed.xml', '/binary', '/loop-a', '/slow', '/news/1.html'].map((p) => `${site.url}${p}`);
  const run = await runMain(['ingest', ...urls, '--db', db, '--quiet', '--allow-private-network'], { ...FAST, STORYLINE_FETCH_TIMEOUT_MS: '300' });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /added 1, skipped 0 already stored, failed 4/);
  assert.match(run.stderr, new RegExp(`${site.url}/bad-feed\\.xml: not an article page, feed, sitemap or WARC file: JSON`));
  assert.match(run.stderr, new RegExp(`${site.url}/binary: .*binary data`));
  assert.match(run.stderr, /loop-a: redirect loop/);
  assert.match(run.stderr, new RegExp(`${site.url}/slow: timed out`));
});

test('ingest FILE.warc.gz stores the HTML responses and skips the rest; a truncated WARC keeps what came before', async () => {
  const dir = tempDir();
  const warc = join(dir, 'crawl.warc.gz');
  const pages = [sitePage(7, '2024-06-10'), sitePage(8, '2024-06-11')];
  await writeWarcFile(
    warc,
    [
      { type: 'request', uri: 'https://example.org/news/7.html' },
      { uri: 'https://example.org/news/7.html', date: '2024-06-10T09:00:00Z', html: articleHtml(pages[0]!) },
      { type: 'metadata', uri: 'https://example.org/news/7.html' },
      { uri: 'https://example.org/news/8.html', date: '2024-06-11T09:00:00Z', html: articleHtml(pages[1]!) },
    ],
    { gzip: true },
  );
  const db = tempDb();
  const run = await runMain(['ingest', warc, '--db', db, '--quiet'], FAST);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /added 2/);
  assert.deepEqual((await articles(db)).map((a) => a.url).sort(), ['https://example.org/news/7.html', 'https://example.org/news/8.html']);
});

test('a watch killed mid-run re-fetches nothing it stored when run again', async () => {
  const slowSite = await startNewsSite();
  try {
    for (let n = 20; n < 26; n++) slowSite.feedPages.push(sitePage(n, '2024-06-22'));
    let hold = true;
    let held: (() => void) | null = null;
    const heldRequested = new Promise<void>((resolve) => (held = resolve));
    // The 4th page hangs until released: the watch is killed while waiting for it.
    slowSite.routes.set('/news/23.html', (_req, res) => {
      if (hold) return void held!();
      slowSite.routes.delete('/news/23.html');
      res.writeHead(200, { 'content-type': 'text/html' }).end(articleHtml(slowSite.feedPages.find((p) => p.slug === 'news/23.html')!));
    });
    const db = tempDb();
    await runMain(['feeds', 'add', `${slowSite.url}/feed.xml`, '--db', db]);
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'storyline.mjs'), 'watch', '--once', '--db', db, '--allow-private-network'], {
      env: { ...process.env, ...FAST, STORYLINE_FETCH_TIMEOUT_MS: '60000', STORYLINE_FETCH_CONCURRENCY_PER_HOST: '1' },
      stdio: 'ignore',
    });
    await heldRequested;
    // The pages before the held one are stored, each committed alone; then the watch dies.
    for (let waited = 0; (await articles(db)).length < 3 && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    hold = false;
    const storedBefore = new Set((await articles(db)).map((a) => a.url));
    assert.ok(storedBefore.size >= 3 && storedBefore.size < 6, `killed mid-run: ${storedBefore.size} stored`);
    const hitsBefore = new Map(slowSite.feedPages.map((p) => [p.slug, slowSite.hits(`/${p.slug}`)]));

    const rerun = await runMain(['watch', '--once', '--db', db, '--allow-private-network'], FAST);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.equal((await articles(db)).length, 6);
    for (const p of slowSite.feedPages) {
      const again = slowSite.hits(`/${p.slug}`) - hitsBefore.get(p.slug)!;
      assert.equal(again, storedBefore.has(`${slowSite.url}/${p.slug}`) ? 0 : 1, `${p.slug}: fetched ${again} more time(s)`);
    }
  } finally {
    await slowSite.close();
  }
});

