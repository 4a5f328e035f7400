import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../domain/index.js';
import { damaged, randomBytes, seededRandom } from '../../../test/helpers/fuzz.js';
import { parseSitemap } from './sitemap.js';

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'web-sources');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const URL_ = 'https://gazette.example/sitemap.xml';

function urlset(n: number, extra = ''): Buffer {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (let i = 0; i < n; i++) parts.push(`<url><loc>https://e.example/${i}</loc>${extra}</url>`);
  parts.push('</urlset>');
  return Buffer.from(parts.join(''));
}

describe('parseSitemap', () => {
  it('reads a Google News sitemap: loc, lastmod, news title, publication date and language; image locs are not pages', () => {
    const map = parseSitemap(fixture('news-sitemap.xml'), URL_);
    assert.equal(map.kind, 'urlset');
    assert.deepEqual(map.entries[0], {
      url: 'https://gazette.example/2024/03/05/harbour-expansion/',
      lastmod: '2024-03-05T09:00:00+01:00',
      news: { title: 'Council approves harbour expansion & dredging', published: '2024-03-05T08:00:00+01:00', language: 'en' },
    });
    assert.equal(map.entries[1]!.url, 'https://gazette.example/2024/03/04/ferry-timetable/?a=1&b=2', 'CDATA loc');
    assert.equal(map.entries[1]!.news!.published, '2024-03-04');
    assert.deepEqual(map.entries[2], { url: 'https://gazette.example/plain?x=1&y=2' }, 'entities decoded, a bad lastmod left out');
    assert.equal(map.total, 5);
    assert.equal(map.skipped, 2, 'a relative loc and an ftp: loc');
    assert.equal(map.truncated, false);
    assert.equal(map.endedEarly, false);
  });

  it('reads a sitemap index after a stylesheet instruction and a comment', () => {
    const map = parseSitemap(fixture('sitemap-index.xml'), URL_);
    assert.equal(map.kind, 'sitemapindex');
    assert.deepEqual(map.entries, [
      { url: 'https://gazette.example/sitemap-news.xml', lastmod: '2024-03-05T09:12:00Z' },
      { url: 'https://gazette.example/sitemap-2024-02.xml.gz' },
    ]);
  });

  it('reads gzipped sitemaps, told by their magic bytes whatever the URL says', () => {
    const plain = parseSitemap(fixture('news-sitemap.xml'), URL_);
    assert.deepEqual(parseSitemap(gzipSync(fixture('news-sitemap.xml')), URL_), plain);
    assert.equal(parseSitemap(gzipSync(fixture('sitemap-index.xml')), 'https://x.example/index.xml').kind, 'sitemapindex');
  });

  it('keeps maxEntries and counts the rest', () => {
    const map = parseSitemap(urlset(120), URL_, { maxEntries: 100 });
    assert.equal(map.entries.length, 100);
    assert.equal(map.total, 120);
    assert.equal(map.truncated, true);
    assert.equal(map.entries[99]!.url, 'https://e.example/99');
  });

  it('a million URLs: 50,000 kept by default, all counted', () => {
    const gz = gzipSync(urlset(1_000_000));
    const before = process.memoryUsage().heapUsed;
    const map = parseSitemap(gz, URL_);
    assert.equal(map.entries.length, 50_000);
    assert.equal(map.total, 1_000_000);
    assert.equal(map.truncated, true);
    // The kept entries and the decompressed bytes (40 MB, off the heap), not a million entries.
    assert.ok(process.memoryUsage().heapUsed - before < 200 * 1024 * 1024);
  });

  it('refuses a gzip bomb, naming the URL and the cap', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    assert.ok(bomb.length < 100 * 1024);
    assert.throws(
      () => parseSitemap(bomb, URL_),
      (err: unknown) => err instanceof InputError && err.origin === URL_ && /more than 50 MiB/.test(err.reason),
    );
    assert.throws(() => parseSitemap(gzipSync(urlset(1000)), URL_, { maxBytes: 10_000 }), /more than 10000 bytes/);
  });

  it('keeps the complete entries of a cut download and says it ended early', () => {
    const whole = urlset(100);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const map = parseSitemap(cut, URL_);
    assert.equal(map.endedEarly, true);
    assert.ok(map.entries.length > 10 && map.entries.length < 60);
    const gz = gzipSync(whole);
    const fromGz = parseSitemap(gz.subarray(0, Math.floor(gz.length / 2)), URL_);
    assert.equal(fromGz.endedEarly, true);
    assert.ok(fromGz.entries.length < 100);
  });

  it('refuses what is not a sitemap with an InputError naming the URL', () => {
    const cases: Array<[string | Buffer, RegExp]> = [
      ['<!doctype html><html><body>Not found</body></html>', /an HTML page/],
      ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', /root element is <rss>/],
      ['https://a.example/1\nhttps://a.example/2\n', /plain text/],
      ['', /empty/],
      [Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]), /binary|not a sitemap/],
    ];
    for (const [input, why] of cases) {
      assert.throws(
        () => parseSitemap(typeof input === 'string' ? Buffer.from(input) : input, URL_),
        (err: unknown) => err instanceof InputError && err.origin === URL_ && /^not a sitemap \(/.test(err.reason) && why.test(err.reason),
        String(input),
      );
    }
    assert.throws(() => parseSitemap(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7]), URL_), InputError);
  });

  it('property: random bytes and damaged sitemaps (plain and gzipped) give a sitemap or an InputError, nothing else', () => {
    const random = seededRandom(50_000);
    const valid = [fixture('news-sitemap.xml'), fixture('sitemap-index.xml'), urlset(50, '<lastmod>2024-01-01</lastmod>')];
    const prefixes = ['<?xml version="1.0"?><urlset>', '<sitemapindex><sitemap><loc>', '\x1f\x8b'];
    for (let i = 0; i < 400; i++) {
      let bytes: Uint8Array;
      if (i % 3 === 0) bytes = randomBytes(random, 800, prefixes);
      else if (i % 3 === 1) bytes = damaged(random, valid[i % valid.length]!);
      else bytes = damaged(random, gzipSync(valid[i % valid.length]!));
      try {
        const map = parseSitemap(bytes, URL_, { maxEntries: 20 });
        assert.ok(map.entries.length <= 20);
        for (const e of map.entries) assert.match(e.url, /^https?:\/\//);
      } catch (err) {
        assert.ok(err instanceof InputError, `case ${i}: ${String(err)}`);
      }
    }
  });
});
