// Golden tests: each folder of test/fixtures/extract holds a page and the fields expected from it.
// UPDATE_GOLDEN=1 rewrites expected.json from the current output, for review in the diff.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractArticle } from './index.js';
import { collapseRepeat } from './text-page.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/extract/', import.meta.url));

interface Expected {
  title: string;
  source: string | null;
  published: string | null;
  textStartsWith: string;
  textEndsWith: string;
  mustNotContain: string[];
}

for (const name of readdirSync(FIXTURES).sort()) {
  const dir = join(FIXTURES, name);
  const pageFile = ['page.txt', 'page.html'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
  test(`extracts ${name}`, () => {
    const body = readFileSync(pageFile, 'utf8');
    const article = extractArticle({ origin: pageFile, path: pageFile, format: pageFile.endsWith('.html') ? 'html' : 'text', body, hints: {} });
    const expectedFile = join(dir, 'expected.json');
    const actual = {
      title: article.title,
      source: article.source,
      published: article.published ? article.published.start.slice(0, article.published.precision === 'day' ? 10 : 7) : null,
      textStartsWith: article.text.slice(0, 60),
      textEndsWith: article.text.slice(-60),
    };
    if (process.env.UPDATE_GOLDEN) {
      const previous = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected) : null;
      writeFileSync(expectedFile, `${JSON.stringify({ ...actual, mustNotContain: previous?.mustNotContain ?? [] }, null, 2)}\n`);
      return;
    }
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
    assert.equal(actual.title, expected.title, 'title');
    assert.equal(actual.source, expected.source, 'source');
    assert.equal(actual.published, expected.published, 'published');
    assert.equal(actual.textStartsWith, expected.textStartsWith, 'start of text');
    assert.equal(actual.textEndsWith, expected.textEndsWith, 'end of text');
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
