// The not-text predicate: random bytes decoded through any legacy charset are refused, with the reason
// that fits them; no real text is, however short, in whatever language or script.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, SEEDS_DIR, SHARED_DATA } from '../../test/helpers/cli.js';
import { extractArticle } from './index.js';
import { findNotTextReason, measureWordEvidence } from './not-text.js';

/** The charsets the decoder may guess for bytes that are not UTF-8 (chardet's answers, and WHATWG's). */
const LEGACY_CHARSETS = [
  'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258', 'windows-874',
  'koi8-r', 'koi8-u', 'iso-8859-2', 'iso-8859-5', 'iso-8859-7', 'iso-8859-8', 'ibm866', 'macintosh', 'big5', 'gb18030', 'shift_jis', 'euc-jp', 'euc-kr', 'utf-8',
];

/** Deterministic bytes of the upper half (xorshift32): the same junk at every run. */
function highBytes(n: number, seed: number): Uint8Array {
  let x = seed || 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = 0x80 | (x & 0x7f);
  }
  return out;
}

test('random high bytes decoded through any legacy charset are not text', () => {
  for (const [i, charset] of LEGACY_CHARSETS.entries()) {
    for (const size of [1500, 3000, 20_000]) {
      const text = new TextDecoder(charset).decode(highBytes(size, 7919 * (i + 1) + size));
      const reason = findNotTextReason(text);
      assert.ok(reason, `${charset}, ${size} bytes: not refused ${JSON.stringify(measureWordEvidence(text), (k, v) => (k === 'tokens' || k === 'unspacedRuns' ? undefined : v))}`);
      assert.match(reason, /no words of any language/);
    }
  }
});

test('each shape of junk gets its own reason', () => {
  const decode = (charset: string) => new TextDecoder(charset).decode(highBytes(3000, 42));
  // Hebrew points and symbols, and bytes that decode to nothing.
  assert.match(findNotTextReason(decode('iso-8859-8'))!, /^\d+% of its characters are symbols or undecodable bytes/);
  // Accented Latin letters with no space between them.
  assert.match(findNotTextReason(decode('windows-1252'))!, /^\d+% of its letters stand in runs of over 30 characters without a space/);
  // Han characters that never make a word twice.
  assert.match(findNotTextReason(decode('gb18030'))!, /^its letters form no words of any language \(of \d+ word-length runs, [01]% recur/);
  // The same letters parted by spaces are still no words.
  const spaced = decode('windows-1251').replace(/(.{6})/gu, '$1 ');
  assert.match(findNotTextReason(spaced)!, /word-length runs/);
});

test('short texts are never judged: a sentence in any script is given the benefit of the doubt', () => {
  for (const text of ['四川省宜宾市今日凌晨发生里氏5.2级地震，暂无人员伤亡报告。', '東京都内で震度4の地震、津波の心配なし。', 'ข่าวด่วน นายกรัฐมนตรีประกาศยุบสภาวันนี้', new TextDecoder('windows-1252').decode(highBytes(200, 3))]) {
    assert.equal(findNotTextReason(text), null, text);
  }
});

test('a real text with most of its characters masked (a paywall) is still text', () => {
  const opening = 'Die Freien Wähler treten in Velburg mit einer ausgesprochen jungen Liste zum Rennen um das Bürgermeisteramt an. Der Stimmzettel für die Kommunalwahl im März füllt sich zusehends, denn die Liste der Freien Wähler kam hinzu. ';
  const masked = '#### ### ##### ## ######## ###### ###, ### #### ######### ## ### ####. '.repeat(40);
  assert.equal(findNotTextReason(opening + masked), null);
});

test('no real text of the fixtures, the seeds or the development samples is refused', () => {
  const texts: Array<{ name: string; text: string }> = [];
  const jsonl = (file: string) => {
    if (!existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const item = JSON.parse(line) as Record<string, unknown>;
      for (const key of ['text', 'text1', 'text2']) if (typeof item[key] === 'string') texts.push({ name: `${file} ${String(item.id ?? item.pair_id ?? '')}`, text: item[key] as string });
    }
  };
  const fixtures = join(REPO_ROOT, 'test', 'fixtures');
  for (const file of ['analysis/language-id.jsonl', 'analysis/multilingual.jsonl', 'clustering/stories.jsonl', 'embeddings/rail-strike.jsonl']) jsonl(join(fixtures, file));
  // Short samples of one language together: a few sentences, the least that is judged at all.
  const byLanguage = new Map<string, string[]>();
  for (const line of readFileSync(join(fixtures, 'analysis', 'language-id.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const { lang, text } = JSON.parse(line) as { lang: string; text: string };
    byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), text]);
  }
  for (const [lang, sentences] of byLanguage) texts.push({ name: `language-id ${lang}, together`, text: sentences.join('\n') });
  // The extraction fixtures pass through this check in extract.test.ts.
  for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))) {
    const body = readFileSync(join(SEEDS_DIR, file), 'utf8');
    texts.push({ name: file, text: extractArticle({ origin: file, format: 'text', body, hints: {} }).text });
  }
  // Real articles in en, de, es, fr, it, tr, ar (absent from a checkout without ../shared: skipped).
  const clustering = join(SHARED_DATA, 'clustering');
  jsonl(join(clustering, 'semeval2022-task8-pairs-dev', 'pairs.jsonl'));
  jsonl(join(clustering, 'semeval2022-task8-crosslingual-dev', 'pairs.jsonl'));
  jsonl(join(clustering, 'ml-crisis-topics-dev', 'items.jsonl'));
  jsonl(join(clustering, 'giveme5w1h-events-dev', 'items.jsonl'));
  assert.ok(texts.length > 300);
  const refused = texts.filter((t) => findNotTextReason(t.text) !== null).map((t) => `${t.name}: ${findNotTextReason(t.text)}`);
  assert.deepEqual(refused, []);
});
