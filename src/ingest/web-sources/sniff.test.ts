import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { serializeWarcRecord } from '../../../test/helpers/warc.js';
import { randomBytes, seededRandom } from '../../../test/helpers/fuzz.js';
import { sniffWebSource } from './sniff.js';

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'web-sources');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const b = (s: string) => Buffer.from(s, 'utf8');

describe('sniffWebSource', () => {
  it('tells feeds, sitemaps and pages by their first bytes, whatever the header says', () => {
    for (const f of ['rss2.xml', 'rss091.xml', 'rdf.xml', 'atom.xml', 'feed.json']) {
      for (const type of ['text/xml', 'text/html; charset=utf-8', 'application/octet-stream', null]) assert.equal(sniffWebSource(fixture(f), type, 'https://a.example/x'), 'feed', `${f} as ${type}`);
    }
    assert.equal(sniffWebSource(fixture('news-sitemap.xml'), 'text/html', 'https://a.example/sitemap'), 'sitemap');
    assert.equal(sniffWebSource(fixture('sitemap-index.xml'), 'application/xml', 'https://a.example/s.xml'), 'sitemap');
    assert.equal(sniffWebSource(b('<!DOCTYPE html><html><body>x</body></html>'), 'application/rss+xml', 'https://a.example/feed'), 'html');
    assert.equal(sniffWebSource(b('\ufeff  <!-- c --><html lang="en">'), null, 'https://a.example/'), 'html');
    assert.equal(sniffWebSource(b('<rss version="2.0"><channel>'), 'text/html', 'https://a.example/'), 'feed');
  });

  it('looks inside gzip: a gzipped sitemap, a .warc.gz', async () => {
    assert.equal(sniffWebSource(gzipSync(fixture('news-sitemap.xml')), 'application/x-gzip', 'https://a.example/sitemap.xml.gz'), 'sitemap');
    const warc = await serializeWarcRecord({ uri: 'https://a.example/', html: '<html></html>' }, { gzip: true });
    assert.equal(sniffWebSource(warc, 'application/gzip', 'https://a.example/crawl.warc.gz'), 'warc');
    assert.equal(sniffWebSource(await serializeWarcRecord({ uri: 'https://a.example/', html: '<html></html>' }, { gzip: false }), 'application/octet-stream', 'https://a.example/x'), 'warc');
    assert.equal(sniffWebSource(gzipSync(Buffer.alloc(20_000_000)), 'application/gzip', 'https://a.example/bomb.gz'), 'unknown');
  });

  it('falls back to the media type only when the bytes leave it open', () => {
    assert.equal(sniffWebSource(b('Plain words of an article.'), 'text/plain', 'https://a.example/a.txt'), 'text');
    assert.equal(sniffWebSource(b('Plain words sent as HTML.'), 'text/html', 'https://a.example/a'), 'text');
    assert.equal(sniffWebSource(b('<p>A fragment</p>'), 'text/html', 'https://a.example/a'), 'html');
    assert.equal(sniffWebSource(b('Not a feed at all'), 'application/rss+xml', 'https://a.example/feed'), 'unknown');
    assert.equal(sniffWebSource(b('{"items": []}'), 'application/json', 'https://a.example/x.json'), 'unknown');
    assert.equal(sniffWebSource(b('<?xml version="1.0"?><catalog/>'), 'application/rss+xml', 'https://a.example/feed'), 'unknown');
    assert.equal(sniffWebSource(new Uint8Array(0), 'text/html', 'https://a.example/'), 'unknown');
    assert.equal(sniffWebSource(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'text/html', 'https://a.example/'), 'unknown');
    assert.equal(sniffWebSource(Buffer.from('<html><body>UTF-16</body></html>', 'utf16le'), null, 'https://a.example/'), 'html');
  });

  it('property: never throws on random bytes', () => {
    const random = seededRandom(7);
    const types = [null, 'text/html', 'text/xml', 'application/gzip', 'application/warc', 'application/rss+xml'];
    for (let i = 0; i < 500; i++) {
      const bytes = randomBytes(random, 400, ['<?xml version="1.0"?><', '\x1f\x8b\x08\x00', 'WARC/', '<!doctype html>', '{"version":"https://jsonfeed.org/version/1"']);
      const kind = sniffWebSource(bytes, types[i % types.length]!, 'https://a.example/x');
      assert.ok(['feed', 'sitemap', 'warc', 'html', 'text', 'unknown'].includes(kind));
    }
  });
});
