import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { canonicalLanguageTag } from './language-tag.js';

test('a language hint is a well-formed BCP 47 tag, canonicalised; anything else is refused', () => {
  const cases: Array<[string, string | null]> = [
    ['en', 'en'],
    ['EN-us', 'en-US'],
    ['pt_BR', 'pt-BR'],
    [' zh-hant-tw ', 'zh-Hant-TW'],
    ['iw', 'he'],
    ['und', 'und'],
    ['en"><script>', null],
    ['en-', null],
    ['', null],
    ['123', null],
    ['x'.repeat(100), null],
  ];
  for (const [value, expected] of cases) assert.equal(canonicalLanguageTag(value), expected, value);
});
