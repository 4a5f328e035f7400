// The fetcher against real HTTP servers on 127.0.0.1 (port 0); nothing else is ever contacted. Tests
// reach the local server with allowPrivateNetwork, or with an injected lookup plus an address policy
// that admits 127.0.0.1 alone, which is how the safety tests prove a redirect hop or a second DNS
// answer is still checked.
import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
