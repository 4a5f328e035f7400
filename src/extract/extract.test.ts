// Golden tests: each folder of test/fixtures/extract holds a page and the fields expected from it.
// UPDATE_GOLDEN=1 rewrites expected.json from the current output, for review in the diff.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../ingest/index.js';
import { enrichArticle } from '../enrich/index.js';
import { extractArticle } from './index.js';
import { collapseRepeat } from './text-page.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/extract/', import.meta.url));

interface Expected {
  title: string;
  /** The outlet; null when nothing on the page names it (never a dateline, a place or an agency). */
  source: string | null;
  /** The news agency the page credits. */
  agency: string | null;
  /** The article's language as analysis decides it (the text, with a declared language as a hint). */
  language: string;
  published: string | null;
  textStartsWith: string;
  textEndsWith: string;
  mustNotContain: string[];
  /** HTML pages only: the structured fields. */
  structured?: { publishedSource: string | null; authors: string[]; canonicalUrl: string | null; imageUrl: string | null; modified: string | null };
}

for (const name of readdirSync(FIXTURES).sort()) {
  const dir = join(FIXTURES, name);
  const pageFile = ['page.txt', 'page.html'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
  test(`extracts ${name}`, () => {
    const isHtml = pageFile.endsWith('.html');
    const decoded = decodeText(readFileSync(pageFile), { html: isHtml });
    assert.ok(decoded.ok, 'page decodes');
    // meta.json, when present, gives what a crawler would know beside the bytes: the URL, the fetch time.
    const metaFile = join(dir, 'meta.json');
    const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { url?: string; fetchedAt?: string }) : {};
    const article = extractArticle({ origin: pageFile, path: pageFile, format: isHtml ? 'html' : 'text', body: decoded.text, hints: {}, ...meta });
    const expectedFile = join(dir, 'expected.json');
    const actual = {
      title: article.title,
      source: article.source,
      agency: article.agency,
      language: enrichArticle(article, { today: '2026-01-01' }).language,
      published: article.published ? article.published.start.slice(0, article.published.precision === 'day' ? 10 : 7) : null,
      textStartsWith: article.text.slice(0, 60),
      textEndsWith: article.text.slice(-60),
      ...(isHtml
        ? {
            structured: {
              publishedSource: article.publishedSource,
              authors: article.authors,
              canonicalUrl: article.canonicalUrl,
              imageUrl: article.imageUrl,
              modified: article.modified?.start ?? null,
            },
          }
        : {}),
    };
    if (process.env.UPDATE_GOLDEN) {
      const previous = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected) : null;
      writeFileSync(expectedFile, `${JSON.stringify({ ...actual, mustNotContain: previous?.mustNotContain ?? [] }, null, 2)}\n`);
      return;
    }
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
    assert.equal(actual.title, expected.title, 'title');
    assert.equal(actual.source, expected.source, 'source');
    assert.equal(actual.agency, expected.agency, 'agency');
    assert.equal(actual.language, expected.language, 'language');
    assert.equal(actual.published, expected.published, 'published');
    assert.equal(actual.textStartsWith, expected.textStartsWith, 'start of text');
    assert.equal(actual.textEndsWith, expected.textEndsWith, 'end of text');
    assert.deepEqual(actual.structured, expected.structured, 'structured fields');
    for (const phrase of expected.mustNotContain) assert.ok(!article.text.includes(phrase), `text must not contain "${phrase}"`);
  });
}

test('collapseRepeat undoes a doubled outlet name', () => {
  assert.equal(collapseRepeat('Báo Quốc TếBáo Quốc Tế'), 'Báo Quốc Tế');
  assert.equal(collapseRepeat('Reuters Reuters'), 'Reuters');
  assert.equal(collapseRepeat('The Guardian'), 'The Guardian');
});

test('a page without article text is refused with its origin', () => {
  assert.throws(
    () => extractArticle({ origin: 'x.txt', format: 'text', body: 'Menu\nHome\n', hints: {} }),
    /x\.txt: no article text found/,
  );
});
