import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../../domain/index.js';
import { parseFeedDocument, MAX_FEED_ITEMS, SUMMARY_MAX_CHARS } from './feed.js';
import { damaged, randomBytes, seededRandom } from '../../../test/helpers/fuzz.js';

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'web-sources');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const FEED_URL = 'https://gazette.example/feed/';

describe('parseFeedDocument', () => {
  it('reads RSS 2.0: CDATA titles as text, pubDate and dc:date, relative links, permalink guids', () => {
    const feed = parseFeedDocument(fixture('rss2.xml'), FEED_URL);
    assert.equal(feed.format, 'rss');
    assert.equal(feed.title, 'Harbour Gazette – Latest');
    assert.equal(feed.language, 'en-GB');
    assert.deepEqual(feed.items[0], {
      url: 'https://gazette.example/2024/03/05/harbour-expansion/',
      title: 'Council approves harbour expansion after "long" debate',
      published: '2024-03-05T08:00:00+01:00',
      summary: 'The council voted 7–2 on Monday to approve the harbour expansion. Work starts in May.',
      id: 'https://gazette.example/?p=1201',
    });
    assert.equal(feed.items[1]!.url, 'https://gazette.example/2024/03/04/ferry-timetable/');
    assert.equal(feed.items[1]!.title, 'Ferry timetable changes & what they mean');
    assert.equal(feed.items[1]!.published, '2024-03-04T17:30:00+01:00');
    assert.equal(feed.items[1]!.summary, 'New summer timetable.');
    assert.equal(feed.items[2]!.url, 'https://gazette.example/2024/03/03/guid-only/');
    assert.equal(feed.items[2]!.published, '2024-03-03T10:00:00Z');
    // A non-permalink guid and a mailto: link give no URL: dropped and counted.
    assert.equal(feed.skipped, 2);
    assert.equal(feed.items.length, 4);
    assert.equal(feed.items[3]!.published, undefined, 'an unparseable date is left out');
    assert.equal(feed.truncated, false);
  });

  it('reads RSS 0.91', () => {
    const feed = parseFeedDocument(fixture('rss091.xml'), 'http://oldwire.example/rss.xml');
    assert.equal(feed.format, 'rss');
    assert.equal(feed.language, 'en-us');
    assert.deepEqual(
      feed.items.map((i) => i.url),
      ['http://oldwire.example/stories/mill.html', 'http://oldwire.example/stories/bridge.html'],
    );
  });

  it('reads RDF (RSS 1.0) with dc:date and dc:language', () => {
    const feed = parseFeedDocument(fixture('rdf.xml'), 'https://nachrichten.example/rss');
    assert.equal(feed.format, 'rdf');
    assert.equal(feed.language, 'de');
    assert.equal(feed.items.length, 2);
    assert.equal(feed.items[0]!.published, '2024-03-05T08:00:00+01:00');
    assert.equal(feed.items[1]!.published, '2024-03-04');
    assert.equal(feed.items[1]!.title, 'Fähre fährt öfter');
  });

  it('reads Atom: alternate links resolved against nested xml:base, html and xhtml text, published before updated', () => {
    const feed = parseFeedDocument(fixture('atom.xml'), 'https://blog.example/feed.atom');
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'Le Blog');
    assert.equal(feed.language, 'fr');
    assert.deepEqual(feed.items[0], {
      url: 'https://blog.example/news/2024/premier.html',
      title: 'Premier article',
      published: '2024-03-01T09:30:00+01:00',
      summary: 'Un résumé & plus',
      id: 'tag:blog.example,2024:1',
    });
    assert.equal(feed.items[1]!.url, 'https://autre.example/archives/deux', 'the first link without rel, against the entry xml:base');
    assert.equal(feed.items[1]!.title, 'Second post');
    assert.equal(feed.items[1]!.published, '2024-03-02T10:00:00Z', 'updated when there is no published');
    assert.equal(feed.items[1]!.summary, 'x < y and y > z', 'type="text" is not parsed as markup');
    assert.equal(feed.items[1]!.language, 'en');
    assert.equal(feed.skipped, 1);
  });

  it('resolves relative Atom links against the feed URL when there is no xml:base', () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>a</title><id>1</id><updated>2024-01-01T00:00:00Z</updated><link href="posts/a"/></entry></feed>';
    assert.equal(parseFeedDocument(atom, 'https://site.example/blog/feed.xml').items[0]!.url, 'https://site.example/blog/posts/a');
  });

  it('reads JSON Feed', () => {
    const feed = parseFeedDocument(fixture('feed.json'), 'https://json.example/feed.json');
    assert.equal(feed.format, 'json');
    assert.equal(feed.language, 'es');
    assert.deepEqual(feed.items, [{ url: 'https://json.example/1', title: 'Primera', published: '2024-03-05T08:00:00-05:00', summary: 'Hola mundo', id: '1' }]);
    assert.equal(feed.skipped, 1);
  });

  it('clips long summaries to plain text of at most 2,000 characters', () => {
    const long = '<p>' + 'word '.repeat(2000) + '</p>';
    const rss = `<rss version="2.0"><channel><title>t</title><item><link>https://a.example/1</link><description><![CDATA[${long}]]></description></item></channel></rss>`;
    const summary = parseFeedDocument(rss, FEED_URL).items[0]!.summary!;
    assert.ok(summary.length <= SUMMARY_MAX_CHARS);
    assert.ok(summary.endsWith('…'));
    assert.ok(!summary.includes('<'));
  });

  it('keeps the first 10,000 items of a huge feed and says so', () => {
    const items = Array.from({ length: MAX_FEED_ITEMS + 5 }, (_, i) => `<item><link>https://a.example/${i}</link></item>`).join('');
    const feed = parseFeedDocument(`<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`, FEED_URL);
    assert.equal(feed.items.length, MAX_FEED_ITEMS);
    assert.equal(feed.truncated, true);
    assert.equal(feed.items.at(-1)!.url, `https://a.example/${MAX_FEED_ITEMS - 1}`);
  });

  it('refuses what is not a feed with an InputError naming the URL and what it looks like', () => {
    const cases: Array<[string, RegExp]> = [
      ['<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>', /an HTML page/],
      ['{"not": "a feed"}', /JSON that is not a JSON Feed/],
      ['', /empty/],
      ['\u0000\u0001\u0002binary', /binary data/],
      ['<?xml version="1.0"?><catalog><book/></catalog>', /root element is <catalog>/],
      ['<rss version="2.0"><channel><title>cut', /rss/],
    ];
    for (const [text, why] of cases) {
      assert.throws(
        () => parseFeedDocument(text, FEED_URL),
        (err: unknown) => err instanceof InputError && err.origin === FEED_URL && /^not an RSS or Atom feed \(/.test(err.reason) && why.test(err.reason),
        text,
      );
    }
  });

  it('property: random bytes and damaged feeds give a feed or an InputError, nothing else', () => {
    const random = seededRandom(20240305);
    const valid = ['rss2.xml', 'rss091.xml', 'rdf.xml', 'atom.xml', 'feed.json'].map((f) => Buffer.from(fixture(f)));
    const prefixes = ['<?xml version="1.0"?><rss version="2.0"><channel>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<rdf:RDF ', '{"version":"https://jsonfeed.org/version/1.1","items":['];
    for (let i = 0; i < 400; i++) {
      const bytes = i % 2 ? randomBytes(random, 600, prefixes) : damaged(random, valid[i % valid.length]!);
      const text = Buffer.from(bytes).toString(i % 3 ? 'utf8' : 'latin1');
      try {
        const feed = parseFeedDocument(text, FEED_URL);
        for (const item of feed.items) assert.match(item.url, /^https?:\/\//);
      } catch (err) {
        assert.ok(err instanceof InputError, `case ${i}: ${String(err)}`);
      }
    }
  });
});
