// WARC reading throughput: generates a .warc.gz of STORYLINE_BENCH_WARC_PAGES (default 10,000) news
// pages of 5-20 KB in os.tmpdir(), each HTML response preceded by its request record as crawlers
// write them (so 20,000 WARC records for 10,000 pages; a third of the responses gzip-encoded, a third
// chunked), then measures readWarc alone and readWarc + extractArticle per page: WARC records/s,
// pages/s, MB/s of the file and of page HTML, and peak RSS. Writes bench/results/warc-throughput.json
// and prints the same JSON on stdout. The temporary file is deleted at the end.
//   node --import tsx bench/warc-throughput.ts
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extractArticle } from '../src/extract/index.js';
import { readWarc } from '../src/ingest/web-sources/index.js';
import { writeWarcFile, type WarcRecordSpec } from '../test/helpers/warc.js';

const ROOT = resolve(import.meta.dirname, '..');
const PAGES = Number(process.env.STORYLINE_BENCH_WARC_PAGES ?? 10_000);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Seeded, so that every run reads the same file. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
const random = seeded(2024);
const choose = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const TOWNS = ['Harbourside', 'Millbrook', 'Eastgate', 'Norrvik', 'Saint Aubin', 'Kirkwall', 'Vellmar', 'Portreath'];
const PEOPLE = ['Ana Kovač', 'Tomas Lindqvist', 'Mariam Haddad', 'Peter Okafor', 'Lucía Ferrer', 'Jonas Berg', 'Chen Wei', 'Ruth Adebayo'];
const ACTS = ['approved', 'postponed', 'rejected', 'announced', 'questioned', 'welcomed'];
const THINGS = ['the harbour expansion', 'a new ferry timetable', 'the school budget', 'flood defences on the river', 'a bus fare freeze', 'the hospital merger'];
const WHEN = ['on Monday', 'late on Tuesday', 'after a three-hour debate', 'in a closed session', 'despite protests outside the town hall'];

function sentence(town: string): string {
  switch (Math.floor(random() * 3)) {
    case 0:
      return `The council of ${town} ${choose(ACTS)} ${choose(THINGS)} ${choose(WHEN)}.`;
    case 1:
      return `"We cannot wait another year," said ${choose(PEOPLE)}, who has followed ${choose(THINGS)} since it was first proposed.`;
    default:
      return `About ${100 + Math.floor(random() * 9000)} residents are affected, and a decision on ${choose(THINGS)} is expected by ${choose(['March', 'June', 'autumn', 'the end of the year'])}.`;
  }
}

/** A news page of 5-20 KB: head, navigation, the article, related links, footer. */
function newsPage(i: number, target: number): string {
  const town = choose(TOWNS);
  const title = `${town} council ${choose(ACTS)} ${choose(THINGS)}`;
  const nav = ['Home', 'Local', 'Business', 'Sport', 'Opinion', 'Weather'].map((s) => `<li><a href="/${s.toLowerCase()}/">${s}</a></li>`).join('');
  const related = Array.from({ length: 6 }, (_, k) => `<li><a href="/local/${i + k + 1}/">${choose(TOWNS)} ${choose(THINGS)}</a></li>`).join('');
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} | The Gazette</title><meta property="og:title" content="${title}"><meta property="article:published_time" content="2024-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00+01:00"><link rel="canonical" href="https://gazette.example/local/${i}/"><script>window.dataLayer=[];</script></head><body><header><a class="logo" href="/">The Gazette</a><nav><ul>${nav}</ul></nav></header><main><article><h1>${title}</h1><p class="byline">By ${choose(PEOPLE)} · <time datetime="2024-03-${String(1 + (i % 28)).padStart(2, '0')}">${1 + (i % 28)} March 2024</time></p>`;
  const tail = `</article><aside><h2>Related</h2><ul>${related}</ul></aside></main><footer><p>© 2024 The Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>`;
  let body = '';
  while (head.length + body.length + tail.length < target) {
    const n = 3 + Math.floor(random() * 3);
    body += `<p>${Array.from({ length: n }, () => sentence(town)).join(' ')}</p>`;
  }
  return head + body + tail;
}

function chunked(bytes: Uint8Array): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 4096) {
    const piece = bytes.subarray(i, i + 4096);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), Buffer.from(piece), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

let pageBytes = 0;
function* records(): Generator<WarcRecordSpec> {
  for (let i = 0; i < PAGES; i++) {
    const uri = `https://gazette.example/local/${i}/`;
    const date = new Date(Date.UTC(2024, 2, 1) + i * 60_000).toISOString();
    const html = newsPage(i, 5 * 1024 + Math.floor(random() * 15 * 1024));
    pageBytes += Buffer.byteLength(html);
    yield { type: 'request', uri, date };
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', Server: 'nginx' };
    let body: Uint8Array = Buffer.from(html);
    if (i % 3 === 1) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    } else if (i % 3 === 2) {
      body = chunked(body);
      headers['Transfer-Encoding'] = 'chunked';
    }
    yield { uri, date, body, httpHeaders: headers };
  }
}

interface PassFigure {
  seconds: number;
  pages: number;
  errors: number;
  warc_records_per_second: number;
  pages_per_second: number;
  file_mb_per_second: number;
  page_html_mb_per_second: number;
  rss_at_start_mb: number;
  peak_rss_mb: number;
}

async function pass(file: string, fileBytes: number, extract: boolean): Promise<PassFigure> {
  let pages = 0;
  let errors = 0;
  const atStart = process.memoryUsage.rss();
  let peak = atStart;
  const started = process.hrtime.bigint();
  for await (const item of readWarc(createReadStream(file, { highWaterMark: 256 * 1024 }), file)) {
    if (item.kind === 'doc') {
      pages++;
      if (extract) extractArticle(item.doc);
      if (pages % 250 === 0) peak = Math.max(peak, process.memoryUsage.rss());
    } else if (item.kind === 'error') errors++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    seconds: round(seconds),
    pages,
    errors,
    warc_records_per_second: round((pages * 2) / seconds, 1),
    pages_per_second: round(pages / seconds, 1),
    file_mb_per_second: round(fileBytes / 1048576 / seconds),
    page_html_mb_per_second: round(pageBytes / 1048576 / seconds),
    rss_at_start_mb: Math.round(atStart / 1048576),
    peak_rss_mb: Math.round(peak / 1048576),
  };
}

const loadAtStart = loadavg().map((x) => round(x));
const dir = mkdtempSync(join(tmpdir(), 'storyline-warc-throughput-'));
try {
  const file = join(dir, 'crawl.warc.gz');
  const genStarted = process.hrtime.bigint();
  await writeWarcFile(file, records(), { gzip: true });
  const generateSeconds = Number(process.hrtime.bigint() - genStarted) / 1e9;
  const fileBytes = statSync(file).size;
  process.stderr.write(`generated ${PAGES} pages (${PAGES * 2} WARC records), ${round(fileBytes / 1048576, 1)} MB gzipped, ${round(pageBytes / 1048576, 1)} MB of page HTML, in ${round(generateSeconds, 1)} s\n`);
  const readOnly = await pass(file, fileBytes, false);
  process.stderr.write(`readWarc alone: ${JSON.stringify(readOnly)}\n`);
  const withExtraction = await pass(file, fileBytes, true);
  process.stderr.write(`readWarc + extractArticle: ${JSON.stringify(withExtraction)}\n`);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    load_average_at_start: loadAtStart,
    note: 'one .warc.gz (one gzip member per record) of generated news pages; each page is a request record and a response record, so warc_records = 2 x pages; a third of the responses gzip Content-Encoding, a third chunked; readWarc reads from a file stream; extractArticle runs on each page in the same process; peak_rss_mb is the process RSS peak sampled every 250 pages during the pass, rss_at_start_mb the RSS when it began (tsx, the modules and the generator\'s leftovers)',
    pages: PAGES,
    warc_records: PAGES * 2,
    file_mb: round(fileBytes / 1048576),
    page_html_mb: round(pageBytes / 1048576),
    mean_page_kb: round(pageBytes / PAGES / 1024),
    generate_seconds: round(generateSeconds, 1),
    read_warc_only: readOnly,
    read_warc_and_extract: withExtraction,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'warc-throughput.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(JSON.stringify(results));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
