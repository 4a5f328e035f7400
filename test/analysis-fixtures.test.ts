// The hand-labelled analysis fixtures themselves (test/fixtures/analysis): well-formed, as broad as
// promised, and labelled only with names Storyline can emit.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readAnalysisFixtures, readLanguageItems, type GoldDate } from '../src/eval/run-analysis.js';
import { REPO_ROOT } from './helpers/cli.js';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'analysis');
const MULTILINGUAL = join(DIR, 'multilingual.jsonl');
const LANGUAGE_ID = join(DIR, 'language-id.jsonl');

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());

/** The writing systems counted for breadth; Han and Kana count as one. */
const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Han/Kana', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
];

/** The script most of a text's letters are written in. */
function mainScript(text: string): string | null {
  let best: [string, number] | null = null;
  for (const [name, re] of SCRIPTS) {
    const n = [...text].filter((c) => re.test(c)).length;
    if (n > 0 && (!best || n > best[1])) best = [name, n];
  }
  return best?.[0] ?? null;
}

function isCalendarDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function lastDayOfMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return `${iso.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

function canonicalNames(): Set<string> {
  const aliases = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'entities', 'aliases.json'), 'utf8')) as { entities: Array<{ name: string }> };
  const names = new Set(aliases.entities.map((e) => e.name));
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = english.of(code);
      if (name && name !== code) names.add(name);
    }
  }
  return names;
}

test('every line of both fixture files is one JSON object with a two-letter language code', () => {
  for (const file of [MULTILINGUAL, LANGUAGE_ID]) {
    for (const [i, line] of lines(file).entries()) {
      let value: unknown;
      assert.doesNotThrow(() => (value = JSON.parse(line)), `${file}:${i + 1} is not JSON`);
      assert.ok(value && typeof value === 'object' && !Array.isArray(value), `${file}:${i + 1} is not an object`);
      assert.match(String((value as { lang?: unknown }).lang), /^[a-z]{2}$/, `${file}:${i + 1}: lang`);
    }
  }
  // The schemas the evaluation reads them with.
  assert.ok(readAnalysisFixtures(MULTILINGUAL).length > 0);
  assert.ok(readLanguageItems(LANGUAGE_ID).length > 0);
});

test('multilingual.jsonl: at least 48 short articles in at least 12 languages and 5 scripts', () => {
  const fixtures = readAnalysisFixtures(MULTILINGUAL);
  assert.ok(fixtures.length >= 48, `${fixtures.length} articles`);
  assert.equal(new Set(fixtures.map((f) => f.id)).size, fixtures.length, 'ids are unique');
  const languages = new Set(fixtures.map((f) => f.lang));
  assert.ok(languages.size >= 12, `${languages.size} languages`);
  for (const lang of ['en', 'es', 'fr', 'de', 'ru', 'uk', 'vi', 'zh', 'ja', 'ko', 'ar', 'hi']) assert.ok(languages.has(lang), `no ${lang} article`);
  const scripts = new Set(fixtures.map((f) => mainScript(f.text)));
  assert.ok(scripts.size >= 5, `scripts: ${[...scripts].join(', ')}`);
  for (const f of fixtures) {
    const sentences = f.text.split(/(?<=[.!?])\s+(?=\S)|(?<=[。！？।۔])\s*(?=\S)/u).length;
    assert.ok(sentences >= 2 && sentences <= 5, `${f.id}: ${sentences} sentences`);
  }
});

test('multilingual.jsonl: gold dates are well formed and occur in the article', () => {
  const checkDate = (id: string, d: GoldDate, full: string) => {
    const what = `${id} "${d.text}"`;
    assert.ok(full.includes(d.text), `${what} is not in the title or text`);
    assert.ok(isCalendarDate(d.start), `${what}: start ${d.start}`);
    if (d.end !== undefined) {
      assert.ok(isCalendarDate(d.end), `${what}: end ${d.end}`);
      assert.ok(d.end >= d.start, `${what}: ends before it starts`);
    }
    if (d.precision === 'month') {
      assert.equal(d.start.slice(8), '01', `${what}: a month starts on its first day`);
      assert.equal(d.end, lastDayOfMonth(d.start), `${what}: a month ends on its last day`);
    }
    if (d.precision === 'year') {
      assert.equal(d.start.slice(5), '01-01', `${what}: a year starts on 1 January`);
      assert.equal(d.end?.slice(5), '12-31', `${what}: a year ends on 31 December`);
    }
  };
  let count = 0;
  for (const f of readAnalysisFixtures(MULTILINGUAL)) {
    assert.ok(isCalendarDate(f.published), `${f.id}: published ${f.published}`);
    const full = `${f.title}\n${f.text}`;
    for (const d of f.dates) checkDate(f.id, d, full);
    // A text written n times is labelled at most n times.
    for (const text of new Set(f.dates.map((d) => d.text))) {
      const labelled = f.dates.filter((d) => d.text === text).length;
      assert.ok(full.split(text).length - 1 >= labelled, `${f.id}: "${text}" labelled more often than it occurs`);
    }
    count += f.dates.length;
  }
  assert.ok(count >= 100, `${count} gold dates`);
});

test('multilingual.jsonl: every gold entity is a canonical gazetteer name or a CLDR English country name', () => {
  const names = canonicalNames();
  for (const f of readAnalysisFixtures(MULTILINGUAL)) {
    assert.ok(f.entities.length > 0, `${f.id}: no entities`);
    assert.equal(new Set(f.entities).size, f.entities.length, `${f.id}: an entity is listed twice`);
    for (const name of f.entities) assert.ok(names.has(name), `${f.id}: "${name}" is neither in data/entities/aliases.json nor a CLDR country name`);
  }
});

test('language-id.jsonl: at least 50 languages, a headline, a sentence and a paragraph each, and mixed texts', () => {
  const items = readLanguageItems(LANGUAGE_ID);
  const byLanguage = new Map<string, string[]>();
  for (const item of items) {
    if (item.kind === 'mixed') continue;
    byLanguage.set(item.lang, [...(byLanguage.get(item.lang) ?? []), item.kind ?? '']);
  }
  assert.ok(byLanguage.size >= 50, `${byLanguage.size} languages`);
  const news = ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'ru', 'uk', 'pl', 'tr', 'ar', 'fa', 'hi', 'bn', 'id', 'vi', 'th', 'zh', 'ja', 'ko'];
  for (const lang of news) assert.ok(byLanguage.has(lang), `no ${lang} texts`);
  for (const [lang, kinds] of byLanguage) assert.deepEqual([...kinds].sort(), ['headline', 'paragraph', 'sentence'], `${lang}: ${kinds.join(', ')}`);
  assert.ok(items.filter((i) => i.kind === 'mixed').length >= 10, 'at least 10 mixed texts');
  assert.equal(new Set(items.map((i) => i.text)).size, items.length, 'no text is listed twice');
});
