// The fetcher against real HTTP servers on 127.0.0.1 (port 0); nothing else is ever contacted. Tests
// reach the local server with allowPrivateNetwork, or with an injected lookup plus an address policy
// that admits 127.0.0.1 alone, which is how the safety tests prove a redirect hop or a second DNS
// answer is still checked.
import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { test, type TestContext } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { Fetcher, FetchError, type FetcherOptions, type FetchErrorCode } from './index.js';

interface Hit {
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

interface LocalServer {
  port: number;
  base: string;
  hits: Hit[];
  pageHits: () => Hit[];
}

type Handler = (req: IncomingMessage, res: ServerResponse, hit: Hit) => void;

async function serve(t: TestContext, handler: Handler): Promise<LocalServer> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const hit = { path: req.url ?? '', headers: req.headers, at: Date.now() };
    hits.push(hit);
    handler(req, res, hit);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return { port, base: `http://127.0.0.1:${port}`, hits, pageHits: () => hits.filter((h) => h.path !== '/robots.txt') };
}

/** A fetcher for local tests: private network allowed, no politeness delay, short waits. */
function localFetcher(options: FetcherOptions = {}): Fetcher {
  return new Fetcher({ allowPrivateNetwork: true, respectRobots: false, perHostDelayMs: 0, retryBaseDelayMs: 20, timeoutMs: 2000, ...options });
}

/** Names for the local server, so tests can tell hosts apart and the address check sees a lookup. */
function names(map: Record<string, string[]>, calls: string[] = []): FetcherOptions['lookup'] {
  return async (hostname) => {
    calls.push(hostname);
    const addresses = map[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

async function refusal(promise: Promise<unknown>, code: FetchErrorCode): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected FetchError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected FetchError '${code}'`);
}

const ok = (body: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
};

test('a loopback address is refused before any request is sent, in every spelling', async (t) => {
  const server = await serve(t, ok('secret'));
  const fetcher = new Fetcher({ respectRobots: false, lookup: names({ 'public.test': ['127.0.0.1'], 'v6.test': ['::ffff:127.0.0.1'] }) });
  const error = await refusal(fetcher.fetch({ url: `${server.base}/x` }), 'private-address');
  assert.equal(error.message, `http://127.0.0.1:${server.port}/x: refused: 127.0.0.1 is a loopback address (pass --allow-private-network to allow)`);
  assert.equal(error.url, `http://127.0.0.1:${server.port}/x`);
  assert.equal(error.retryable, false);
  for (const url of [`http://public.test:${server.port}/`, `http://v6.test:${server.port}/`, `http://2130706433:${server.port}/`, `http://[::1]:${server.port}/`]) {
    await refusal(fetcher.fetch({ url }), 'private-address');
  }
  assert.equal(server.hits.length, 0);
});

test('only http and https; a malformed URL or an unknown host is refused as such', async () => {
  const fetcher = localFetcher({ lookup: names({}) });
  for (const url of ['file:///etc/passwd', 'ftp://example.org/x', 'gopher://example.org/']) {
    const error = await refusal(fetcher.fetch({ url }), 'unsupported-scheme');
    assert.match(error.message, /only http and https/);
  }
  await refusal(fetcher.fetch({ url: 'not a url' }), 'bad-url');
  const dns = await refusal(fetcher.fetch({ url: 'http://nowhere.test/' }), 'dns');
  assert.equal(dns.message, 'http://nowhere.test/: could not resolve nowhere.test (ENOTFOUND)');
});

test('every resolved address is checked: one private record among allowed ones refuses the host', async (t) => {
  const server = await serve(t, ok('page'));
  const fetcher = new Fetcher({
    respectRobots: false,
    perHostDelayMs: 0,
    isAllowedAddress: (address) => address === '127.0.0.1',
    lookup: names({ 'mixed.test': ['127.0.0.1', '10.1.2.3'] }),
  });
  const error = await refusal(fetcher.fetch({ url: `http://mixed.test:${server.port}/` }), 'private-address');
  assert.match(error.message, /10\.1\.2\.3 is a private address/);
  assert.equal(server.hits.length, 0);
});

test('a redirect hop is checked like the first URL, before it is requested', async (t) => {
  const server = await serve(t, (req, res) => {
    const to = req.url === '/by-name' ? `http://inner.test:${req.socket.localPort}/secret` : `http://127.0.0.9:${req.socket.localPort}/secret`;
    res.writeHead(302, { Location: to });
    res.end();
  });
  const fetcher = new Fetcher({
    respectRobots: false,
    perHostDelayMs: 0,
    isAllowedAddress: (address) => address === '127.0.0.1',
    lookup: names({ 'outer.test': ['127.0.0.1'], 'inner.test': ['127.0.0.9'] }),
  });
  const byName = await refusal(fetcher.fetch({ url: `http://outer.test:${server.port}/by-name` }), 'private-address');
  assert.equal(byName.url, `http://inner.test:${server.port}/secret`);
  assert.match(byName.message, /refused: 127\.0\.0\.9 is a loopback address/);
  const literal = await refusal(fetcher.fetch({ url: `http://outer.test:${server.port}/by-ip` }), 'private-address');
  assert.match(literal.message, /127\.0\.0\.9/);
  assert.deepEqual(server.hits.map((h) => h.path), ['/by-name', '/by-ip']);
});

test('the connection goes to the address that was checked: a second DNS answer cannot swap it', async (t) => {
  const server = await serve(t, ok('pinned'));
  const calls: string[] = [];
  let answers = 0;
  const fetcher = new Fetcher({
    respectRobots: false,
    perHostDelayMs: 0,
    isAllowedAddress: (address) => address === '127.0.0.1',
    // Rebinding: the first answer is the allowed one, any later answer points elsewhere.
    lookup: async (hostname) => {
      calls.push(hostname);
      return [{ address: answers++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
    },
  });
  const page = await fetcher.fetch({ url: `http://flip.test:${server.port}/` });
  assert.equal(page.body.toString(), 'pinned');
  assert.deepEqual(calls, ['flip.test']);
  assert.equal(server.hits[0]?.headers.host, `flip.test:${server.port}`);
});

test('https: the TLS server name is the URL host while the socket goes to the checked address', async (t) => {
  // No certificate is needed to see the name the client asks for: the handshake is refused after it.
  const serverNames: string[] = [];
  const tls = createTlsServer({ SNICallback: (name, callback) => (serverNames.push(name), callback(new Error('no certificate here'))) });
  tls.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => tls.close(() => resolve())));
  const { port } = tls.address() as AddressInfo;
  const fetcher = new Fetcher({ respectRobots: false, retries: 0, isAllowedAddress: (address) => address === '127.0.0.1', lookup: names({ 'news.test': ['127.0.0.1'] }) });
  const error = await refusal(fetcher.fetch({ url: `https://news.test:${port}/story` }), 'network');
  assert.match(error.message, new RegExp(`^https://news\\.test:${port}/story: network error: `));
  assert.deepEqual(serverNames, ['news.test']);
});

test('every request, robots.txt included, carries our User-Agent and asks for gzip, deflate, br', async (t) => {
  const server = await serve(t, (req, res) => {
    if (req.url === '/robots.txt') res.writeHead(404).end();
    else ok('hello')(req, res, server.hits[0] as Hit);
  });
  const page = await localFetcher({ respectRobots: true }).fetch({ url: `${server.base}/page` });
  assert.equal(page.body.toString(), 'hello');
  assert.deepEqual(server.hits.map((h) => h.path), ['/robots.txt', '/page']);
  for (const hit of server.hits) {
    assert.match(hit.headers['user-agent'] ?? '', /^Storyline\/\d+\.\d+\.\d+\S* \(\+https:\/\/github\.com\/storyline-news\/storyline\)$/);
    assert.equal(hit.headers['accept-encoding'], 'gzip, deflate, br');
  }
  assert.equal(server.hits[1]?.headers.accept, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
});

test('gzip, deflate and br bodies are decompressed; media type and charset come from Content-Type', async (t) => {
  const text = 'Le port rouvre mardi. '.repeat(200);
  const encoded: Record<string, Buffer> = { gzip: gzipSync(text), deflate: deflateSync(text), br: brotliCompressSync(text) };
  const server = await serve(t, (req, res) => {
    const coding = (req.url ?? '/').slice(1);
    res.writeHead(200, { 'Content-Type': 'Text/HTML; Charset="ISO-8859-1"', 'Content-Encoding': coding, ETag: '"abc"', 'Last-Modified': 'Tue, 30 Apr 2024 10:00:00 GMT' });
    res.end(encoded[coding]);
  });
  const fetcher = localFetcher();
  for (const coding of Object.keys(encoded)) {
    const page = await fetcher.fetch({ url: `${server.base}/${coding}` });
    assert.equal(page.body.toString(), text, coding);
    assert.equal(page.contentType, 'text/html');
    assert.equal(page.charset, 'iso-8859-1');
    assert.equal(page.etag, '"abc"');
    assert.equal(page.lastModified, 'Tue, 30 Apr 2024 10:00:00 GMT');
    assert.equal(page.status, 200);
    assert.equal(page.notModified, false);
    assert.ok(!Number.isNaN(Date.parse(page.fetchedAt)));
  }
});

test('per host: at most perHostConcurrency in flight, starts perHostDelayMs apart; other hosts do not wait', async (t) => {
  let inFlight = 0;
  let most = 0;
  const server = await serve(t, (req, res) => {
    const counted = req.headers.host?.startsWith('a.test') === true;
    if (counted) most = Math.max(most, ++inFlight);
    setTimeout(() => {
      if (counted) inFlight--;
      res.end('ok');
    }, 200);
  });
  const fetcher = localFetcher({ perHostConcurrency: 2, perHostDelayMs: 80, lookup: names({ 'a.test': ['127.0.0.1'], 'b.test': ['127.0.0.1'] }) });
  const started = Date.now();
  const a = Array.from({ length: 5 }, (_, i) => fetcher.fetch({ url: `http://a.test:${server.port}/a${i}` }));
  await new Promise((resolve) => setTimeout(resolve, 10));
  const b = fetcher.fetch({ url: `http://b.test:${server.port}/b` });
  await Promise.all([...a, b]);
  const starts = server.hits.filter((h) => h.headers.host?.startsWith('a.test')).map((h) => h.at);
  assert.equal(starts.length, 5);
  // Seen by the server, so a little delivery jitter is allowed for.
  for (let i = 1; i < starts.length; i++) assert.ok((starts[i] ?? 0) - (starts[i - 1] ?? 0) >= 65, `gap ${i}: ${starts.join(', ')}`);
  const bStart = server.hits.find((h) => h.path === '/b')?.at ?? Infinity;
  assert.ok(bStart - started < 70, `b.test waited ${bStart - started} ms behind a.test`);
  // 200 ms requests starting 80 ms apart would overlap three deep without the cap.
  assert.equal(most, 2);
});

test('robots.txt: fetched once per origin, our group decides, a Disallow is refused naming the URL', async (t) => {
  const robots = 'User-agent: *\nDisallow: /\n\nUser-agent: Storyline\nDisallow: /members\nCrawl-delay: 0.3\n';
  const server = await serve(t, (req, res) => {
    if (req.url === '/robots.txt') res.writeHead(200, { 'Content-Type': 'text/plain' }).end(robots);
    else res.end('page');
  });
  const fetcher = localFetcher({ respectRobots: true });
  const [first, second] = await Promise.all([fetcher.fetch({ url: `${server.base}/news/1` }), fetcher.fetch({ url: `${server.base}/news/2` })]);
  assert.equal(first.body.toString(), 'page');
  assert.equal(second.body.toString(), 'page');
  const error = await refusal(fetcher.fetch({ url: `${server.base}/members/x` }), 'robots');
  assert.equal(error.message, `${server.base}/members/x: disallowed by ${server.base}/robots.txt for Storyline`);
  assert.equal(server.hits.filter((h) => h.path === '/robots.txt').length, 1);
  // Crawl-delay 0.3 s raised the gap between the two pages (perHostDelayMs is 0 here).
  const [p1, p2] = server.pageHits();
  assert.ok((p2?.at ?? 0) - (p1?.at ?? 0) >= 250, `pages ${(p2?.at ?? 0) - (p1?.at ?? 0)} ms apart`);
  assert.equal(server.pageHits().length, 2);
});

test('robots.txt: a 4xx allows everything; a 5xx refuses the origin for the run, saying so', async (t) => {
  const missing = await serve(t, (req, res) => (req.url === '/robots.txt' ? res.writeHead(410).end() : res.end('page')));
  const broken = await serve(t, (req, res) => (req.url === '/robots.txt' ? res.writeHead(500).end() : res.end('page')));
  const fetcher = localFetcher({ respectRobots: true, retries: 0 });
  assert.equal((await fetcher.fetch({ url: `${missing.base}/a` })).body.toString(), 'page');
  const error = await refusal(fetcher.fetch({ url: `${broken.base}/a` }), 'robots');
  assert.match(error.message, /robots\.txt could not be read \(.*HTTP 500 Internal Server Error\); the site is treated as disallowed for this run/);
  await refusal(fetcher.fetch({ url: `${broken.base}/b` }), 'robots');
  assert.deepEqual(broken.hits.map((h) => h.path), ['/robots.txt']);
});

test('retries: a 503 then 200 succeeds after backoff; a 404 is not retried; a dropped connection is', async (t) => {
  let calls = 0;
  const server = await serve(t, (req, res) => {
    if (req.url === '/flaky') return calls++ === 0 ? res.writeHead(503).end() : res.end('back');
    if (req.url === '/gone') return res.writeHead(404).end('no');
    if (req.url === '/drop') return server.pageHits().filter((h) => h.path === '/drop').length === 1 ? req.socket.destroy() : res.end('reconnected');
    res.writeHead(500).end();
  });
  const fetcher = localFetcher({ retryBaseDelayMs: 60, retries: 2 });
  assert.equal((await fetcher.fetch({ url: `${server.base}/flaky` })).body.toString(), 'back');
  const flaky = server.hits.filter((h) => h.path === '/flaky');
  assert.equal(flaky.length, 2);
  assert.ok((flaky[1]?.at ?? 0) - (flaky[0]?.at ?? 0) >= 45, 'the retry waited for the backoff');

  const gone = await refusal(fetcher.fetch({ url: `${server.base}/gone` }), 'http-status');
  assert.equal(gone.message, `${server.base}/gone: HTTP 404 Not Found`);
  assert.equal(gone.status, 404);
  assert.equal(gone.retryable, false);
  assert.equal(server.hits.filter((h) => h.path === '/gone').length, 1);

  assert.equal((await fetcher.fetch({ url: `${server.base}/drop` })).body.toString(), 'reconnected');

  const failing = await refusal(fetcher.fetch({ url: `${server.base}/always` }), 'http-status');
  assert.equal(failing.retryable, true);
  assert.equal(failing.status, 500);
  assert.equal(server.hits.filter((h) => h.path === '/always').length, 3, 'one attempt and two retries');
});

test('429 with Retry-After is honoured; a Retry-After beyond maxRetryDelayMs gives up naming the wait', async (t) => {
  let calls = 0;
  const server = await serve(t, (req, res) => {
    if (req.url === '/busy') return calls++ === 0 ? res.writeHead(429, { 'Retry-After': '1' }).end() : res.end('served');
    res.writeHead(503, { 'Retry-After': '3600' }).end();
  });
  const fetcher = localFetcher({ retryBaseDelayMs: 10 });
  assert.equal((await fetcher.fetch({ url: `${server.base}/busy` })).body.toString(), 'served');
  const [first, second] = server.hits;
  assert.ok((second?.at ?? 0) - (first?.at ?? 0) >= 900, `retried after ${(second?.at ?? 0) - (first?.at ?? 0)} ms`);

  const error = await refusal(fetcher.fetch({ url: `${server.base}/closed` }), 'http-status');
  assert.equal(error.status, 503);
  assert.equal(error.retryAfterMs, 3_600_000);
  assert.match(error.message, /HTTP 503 Service Unavailable: the server asked to wait 3600 s, more than the 60 s we wait/);
  assert.equal(server.hits.filter((h) => h.path === '/closed').length, 1);
});

test('a page whose body never finishes ends with a timeout within timeoutMs', async (t) => {
  const server = await serve(t, (req, res) => {
    if (req.url === '/silent') return; // never answers at all
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.write('<html><body>Start of the page');
  });
  const fetcher = localFetcher({ timeoutMs: 300, retries: 0 });
  for (const path of ['/stalled', '/silent']) {
    const started = Date.now();
    const error = await refusal(fetcher.fetch({ url: `${server.base}${path}` }), 'timeout');
    const took = Date.now() - started;
    assert.ok(took >= 290 && took < 1000, `${path} took ${took} ms`);
    assert.equal(error.message, `${server.base}${path}: timed out: no complete response within 300 ms`);
    assert.equal(error.retryable, true);
  }
});

test('size cap: a large Content-Length is refused unread, a long stream is cut, a gzip bomb is stopped', async (t) => {
  const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
  const server = await serve(t, (req, res) => {
    if (req.url === '/declared') {
      res.writeHead(200, { 'Content-Length': String(50 * 1024 * 1024) });
      return void res.write(Buffer.alloc(1024)); // and never more: only the header can end this quickly
    }
    if (req.url === '/bomb') return res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(bomb.length) }).end(bomb);
    res.writeHead(200); // chunked, no length
    const timer = setInterval(() => res.write(Buffer.alloc(16 * 1024, 97)), 1);
    res.on('close', () => clearInterval(timer));
  });
  const fetcher = localFetcher({ maxBytes: 64 * 1024, retries: 0, timeoutMs: 1500 });
  const declared = await refusal(fetcher.fetch({ url: `${server.base}/declared` }), 'too-large');
  assert.equal(declared.message, `${server.base}/declared: too large: Content-Length 52428800 bytes exceeds the 64 KiB cap`);
  const streamed = await refusal(fetcher.fetch({ url: `${server.base}/stream` }), 'too-large');
  assert.match(streamed.message, /too large: the body exceeds the 64 KiB cap$/);
  assert.ok(bomb.length < 64 * 1024, 'the bomb itself is under the cap');
  await refusal(fetcher.fetch({ url: `${server.base}/bomb` }), 'too-large');
  // The request's own cap overrides the fetcher's.
  await refusal(fetcher.fetch({ url: `${server.base}/bomb`, maxBytes: 1024 }), 'too-large');
});

test('redirects: every 3xx kind followed, relative Location resolved, hops listed; limits and loops refused', async (t) => {
  const methods = new Set<string>();
  const server = await serve(t, (req, res) => {
    methods.add(req.method ?? '');
    const path = req.url ?? '/';
    if (path === '/309') return res.writeHead(302, { Location: 'dir/relative' }).end();
    const hop = /^\/(\d{3})$/.exec(path);
    if (hop) return res.writeHead(Number(hop[1]), { Location: `/${Number(hop[1]) + 1}` }).end();
    if (path === '/dir/relative') return res.writeHead(303, { Location: '../final?x=1' }).end();
    if (path === '/final?x=1') return res.end('arrived');
    if (path === '/a') return res.writeHead(301, { Location: '/b' }).end();
    if (path === '/b') return res.writeHead(308, { Location: `${server.base}/a` }).end();
    if (path === '/nowhere') return res.writeHead(302).end();
    if (path === '/to-ftp') return res.writeHead(301, { Location: 'ftp://files.example/x' }).end();
    res.writeHead(404).end();
  });
  const fetcher = localFetcher();
  const page = await fetcher.fetch({ url: `${server.base}/307` });
  assert.equal(page.body.toString(), 'arrived');
  assert.equal(page.requestedUrl, `${server.base}/307`);
  assert.equal(page.url, `${server.base}/final?x=1`);
  assert.deepEqual(page.redirects, [`${server.base}/308`, `${server.base}/309`, `${server.base}/dir/relative`, `${server.base}/final?x=1`]);
  const chain = await fetcher.fetch({ url: `${server.base}/301` }); // 301 -> 302 -> 303 -> 304 (not modified, unconditional here)
  assert.equal(chain.status, 304);
  assert.deepEqual(chain.redirects.map((u) => u.slice(server.base.length)), ['/302', '/303', '/304']);
  assert.deepEqual([...methods], ['GET'], 'a 303 (and every other hop) is a GET');

  const tooMany = await refusal(localFetcher({ maxRedirects: 2 }).fetch({ url: `${server.base}/307` }), 'too-many-redirects');
  assert.match(tooMany.message, /more than 2 redirects/);
  const loop = await refusal(fetcher.fetch({ url: `${server.base}/a` }), 'redirect-loop');
  assert.equal(loop.message, `${server.base}/a: redirect loop: ${server.base}/a -> ${server.base}/b -> ${server.base}/a`);
  await refusal(fetcher.fetch({ url: `${server.base}/nowhere` }), 'http-status');
  const ftp = await refusal(fetcher.fetch({ url: `${server.base}/to-ftp` }), 'unsupported-scheme');
  assert.equal(ftp.message, `${server.base}/to-ftp: redirects to ftp://files.example/x: unsupported scheme 'ftp': only http and https are fetched`);
});

test('conditional requests: validators sent; a 304 is notModified with an empty body, not an error', async (t) => {
  const server = await serve(t, (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Tue, 30 Apr 2024 10:00:00 GMT') {
      return res.writeHead(304).end();
    }
    res.writeHead(200, { ETag: '"v2"' }).end('changed');
  });
  const fetcher = localFetcher();
  const same = await fetcher.fetch({ url: `${server.base}/feed`, etag: '"v1"', lastModified: 'Tue, 30 Apr 2024 10:00:00 GMT' });
  assert.equal(same.status, 304);
  assert.equal(same.notModified, true);
  assert.equal(same.body.length, 0);
  assert.equal(same.etag, '"v1"');
  assert.equal(same.lastModified, 'Tue, 30 Apr 2024 10:00:00 GMT');
  const changed = await fetcher.fetch({ url: `${server.base}/feed`, etag: '"v0"' });
  assert.equal(changed.notModified, false);
  assert.equal(changed.etag, '"v2"');
  assert.equal(changed.body.toString(), 'changed');
});
