// Table-driven (test/fixtures/time/kinds.jsonl): forecasts, anniversaries and points of reference are
// told from events in each language with cue words in data/time/date-kinds.json.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { dayDate, fromIso } from '../../time/index.js';
import { findDateMentions } from './date-mentions.js';

interface Row {
  lang: string;
  sentence: string;
  ref: string;
  expect: Array<{ text: string; kind: string }>;
}

const rows = readFileSync(new URL('../../../test/fixtures/time/kinds.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

for (const row of rows) {
  test(`${row.lang}: ${row.sentence}`, () => {
    const { dates } = findDateMentions([{ text: row.sentence, offset: 0 }], row.lang, dayDate(fromIso(row.ref)), null);
    for (const want of row.expect) {
      const found = dates.find((d) => d.text.includes(want.text));
      assert.ok(found, `"${want.text}" found among ${JSON.stringify(dates.map((d) => d.text))}`);
      assert.equal(found.kind, want.kind, `kind of "${found.text}"`);
    }
  });
}
