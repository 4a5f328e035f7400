import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { asciiDigits, findDates, fromIso, resolveExpression, sentenceTense } from './index.js';
import { firstWords, lastWords } from './find-dates.js';

interface Case {
  lang: string;
  sentence: string;
  ref: string;
  expect: Array<{ text: string; start: string; end?: string; precision: string; reference: boolean }>;
}

const cases = readFileSync(new URL('../../test/fixtures/time/resolve.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Case);

for (const c of cases) {
  test(`resolves dates in [${c.lang}] ${c.sentence.slice(0, 60)}`, () => {
    const ref = { date: fromIso(c.ref), precision: 'day' as const };
    const got = findDates(c.sentence, { language: c.lang }).map((f) => {
      const tense = sentenceTense(c.sentence, c.lang, { index: f.index, length: f.text.length });
      const r = resolveExpression(f, ref, tense);
      return { text: f.text, start: r?.start, ...(r?.end ? { end: r.end } : {}), precision: r?.precision, reference: f.reference };
    });
    assert.deepEqual(got, c.expect);
  });
}

test('every decimal digit of every script reads as its ASCII digit, inside any text', () => {
  // The fast path skips text without characters in the digit blocks: a digit outside them would be lost.
  for (let c = 0x80; c <= 0x10ffff; c++) {
    const ch = String.fromCodePoint(c);
    if (!/\p{Nd}/u.test(ch)) continue;
    const read = asciiDigits(`Putin’s “${ch}”`);
    assert.match(read, /^Putin’s “[0-9]”$/, `U+${c.toString(16)}`);
  }
});

test('words near a date are read from a window: the same as splitting the whole text, on random texts and positions', () => {
  // Whitespace of several kinds and lengths, words of any length (longer than the window too).
  const pieces = ['a', 'word', 'x'.repeat(300), ' ', '  ', '\n', '\t ', 'ngày', '21/1', ''];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let round = 0; round < 500; round++) {
    const text = Array.from({ length: random(400) }, () => pieces[random(pieces.length)]).join('');
    const at = random(text.length + 1);
    const count = 1 + random(9);
    assert.equal(lastWords(text, at, count), text.slice(0, at).split(/\s+/).slice(-count).join(' '));
    assert.equal(firstWords(text, at, count), text.slice(at).split(/\s+/).slice(0, count).join(' '));
  }
});
