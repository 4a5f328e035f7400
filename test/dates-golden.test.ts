// Golden date cases: each folder of test/fixtures/dates holds an article (first line the headline),
// meta.json (a supplied publication day, if any) and the dates expected from it. Named after the behaviour.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isEventMention, plainArticle } from '../src/domain/index.js';
import { enrichArticle } from '../src/enrich/index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/dates/', import.meta.url));
/** A fixed "today", so that no fixture depends on the day the tests run. */
const TODAY = '2026-01-01';

interface Expected {
  published: string | null;
  publishedInferred: boolean;
  dates: Array<{ text: string; kind: string; start?: string; background?: boolean }>;
  /** Dates written without a year (no digits) never resolve before this day. */
  yearlessNeverBefore?: string;
}

for (const name of readdirSync(FIXTURES).sort()) {
  test(name, () => {
    const dir = join(FIXTURES, name);
    const [title, ...body] = readFileSync(join(dir, 'article.txt'), 'utf8').trim().split('\n');
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { published?: string };
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const article = enrichArticle(plainArticle({ origin: name, title: title!, text: body.join('\n').trim(), ...(meta.published ? { publishedDay: meta.published } : {}) }), { today: TODAY });
    assert.equal(article.published?.start ?? null, expected.published, 'published');
    assert.equal(article.publishedSource === 'inferred', expected.publishedInferred, 'publishedInferred');
    for (const want of expected.dates) {
      const found = article.dates.find((d) => d.text === want.text);
      assert.ok(found, `a date "${want.text}" is found`);
      assert.equal(found.kind, want.kind, `kind of "${want.text}"`);
      if (want.start) assert.equal(found.start, want.start, `start of "${want.text}"`);
      if (want.background !== undefined) assert.equal(found.background ?? false, want.background, `background of "${want.text}"`);
      assert.equal(isEventMention(found), want.kind === 'event', `"${want.text}" is a development only when an event`);
    }
    if (expected.yearlessNeverBefore) {
      for (const d of article.dates.filter((m) => !/\d/.test(m.text))) {
        assert.ok(d.start >= expected.yearlessNeverBefore, `"${d.text}" in "${d.sentence}" resolved to ${d.start}`);
      }
    }
  });
}
