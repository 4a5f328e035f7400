// Fetcher throughput against a local news site (127.0.0.1; host names mapped to it by the fetcher's
// injected DNS lookup, so that per-host politeness applies per name as on the web):
//   1. the default politeness (1 s between request starts to a host, 2 in flight) with 1 and 8 hosts:
//      pages/s is bound by politeness, not by CPU (CPU share reported);
//   2. no delay, 8 hosts: what the fetcher itself costs;
//   3. `ingestUrls` of a feed with no delay: pages/s through fetch, analysis and a SQLite store.
// Writes bench/results/fetch-throughput.json and prints the same JSON.
//   node --import tsx bench/fetch-throughput.ts
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Fetcher } from '../src/ingest/fetch/index.js';
import { ingestUrls } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { articleHtml, sitePage } from '../test/helpers/news-site.js';

const ROOT = resolve(import.meta.dirname, '..');
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

const pages = new Map<number, string>();
const pageHtml = (n: number) => {
  let html = pages.get(n);
  if (!html) pages.set(n, (html = articleHtml(sitePage(n, '2024-06-20'))));
  return html;
};

let feedItems = 0;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
  if (url.pathname === '/feed.xml') {
    const items = Array.from({ length: feedItems }, (_, i) => `<item><title>Item ${i}</title><link>http://h${i % 8}.bench.test:${port}/news/${i}.html</link><pubDate>Thu, 20 Jun 2024 08:00:00 GMT</pubDate></item>`);
    return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${items.join('')}</channel></rss>`);
  }
  const m = /^\/news\/(\d+)\.html$/.exec(url.pathname);
  if (m) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(Number(m[1])));
  res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;
const lookup = async () => [{ address: '127.0.0.1', family: 4 as const }];

async function fetchAll(hosts: number, count: number, perHostDelayMs: number) {
  const fetcher = new Fetcher({ allowPrivateNetwork: true, lookup, perHostDelayMs });
  const urls = Array.from({ length: count }, (_, i) => `http://h${i % hosts}.bench.test:${port}/news/${i}.html`);
  const cpu = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  await Promise.all(urls.map(async (url) => (bytes += (await fetcher.fetch({ url })).body.length)));
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    hosts,
    pages: count,
    per_host_delay_ms: perHostDelayMs,
    seconds: round(seconds),
    pages_per_second: round(count / seconds),
    // Fetching every host's robots.txt once is included.
    kb_per_second: round(bytes / 1e3 / seconds, 1),
    cpu_share_of_one_core: round((used.user + used.system) / 1e6 / seconds, 3),
  };
}

const loadAtStart = loadavg().map((x) => round(x));
const polite1 = await fetchAll(1, 10, 1000);
const polite8 = await fetchAll(8, 40, 1000);
const unthrottled = await fetchAll(8, 2000, 0);

feedItems = 300;
const store = new SqliteStoryStore(join(mkdtempSync(join(tmpdir(), 'storyline-fetch-bench-')), 'bench.db'));
const cpu = process.cpuUsage();
const start = performance.now();
const summary = await ingestUrls([`http://feed.bench.test:${port}/feed.xml`], store, { fetcher: new Fetcher({ allowPrivateNetwork: true, lookup, perHostDelayMs: 0 }) });
const ingestSeconds = (performance.now() - start) / 1000;
const ingestCpu = process.cpuUsage(cpu);
await store.close();
server.close();

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  load_average_at_start: loadAtStart,
  note: 'a local HTTP server on 127.0.0.1 serving ~2.5 KB article pages; host names h0..h7.bench.test all map to it through the injected DNS lookup, so politeness is per name; robots.txt is fetched once per host and counted; cpu_share_of_one_core is this process\'s user+system CPU time over wall time (the server runs in the same process)',
  polite_default_one_host: polite1,
  polite_default_eight_hosts: polite8,
  no_delay_eight_hosts: unthrottled,
  ingest_feed_no_delay: {
    feed_items: feedItems,
    added: summary.added,
    failed: summary.failed.length,
    seconds: round(ingestSeconds),
    pages_per_second: round(summary.added / ingestSeconds),
    cpu_share_of_one_core: round((ingestCpu.user + ingestCpu.system) / 1e6 / ingestSeconds, 3),
  },
};
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(join(ROOT, 'bench', 'results', 'fetch-throughput.json'), json);
process.stdout.write(json);
