// Finds date expressions in one sentence. Resolution against a reference date is separate (resolve.ts).
import { escapeRegExp } from '../lib/data-files.js';
import { expandYear, isValidYmd } from './calendar.js';
import { getDateVocabulary, type DateVocabulary, type RelativeUnit } from './vocabulary.js';
import { testOnce } from './test-once.js';

export type NumericOrder = 'dmy' | 'mdy' | 'ymd';

export type DateExpression =
  | { kind: 'full'; y: number; m: number; d: number; endDay?: number }
  | { kind: 'month'; y: number; m: number }
  | { kind: 'year'; y: number }
  | { kind: 'yearless'; m: number; d?: number; endDay?: number }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'relative'; relative: RelativeUnit }
  /** A month or day in a relative year or month: 去年11月, 지난해 6월, 今月27日. */
  | { kind: 'offset'; unit: 'year' | 'month'; offset: number; m?: number; d?: number }
  /** A day of a month left unsaid, as Chinese, Japanese and Korean news write it: 15日, 3일. */
  | { kind: 'dayOfMonth'; d: number };

export type FoundDate = DateExpression & {
  text: string;
  index: number;
  /** Only a point of reference ("since 2000"), not an event on that date. */
  reference: boolean;
};

export interface FindDatesOptions {
  language: string;
  /** The page's convention for ambiguous numeric dates; the language's default otherwise. */
  numericOrder?: NumericOrder;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const RANGE_JOINER = '\\s*(?:and|&|-|–|to|y|et|und|và|и|i)\\s*';
/** Languages written without spaces, or with particles joined to words: no word boundaries around dates. */
const JOINED_SCRIPT_LANGUAGES = new Set(['zh', 'ja', 'ko']);
/** Day and month markers of Chinese, Japanese and Korean (日/号, 일; 月, 월; 年, 년). */
const CJK_DAY = '[日号일]';
const CJK_MONTH = '[月월]';
const CJK_YEAR = '[年년]';
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

interface PatternSet {
  vocab: DateVocabulary;
  /**
   * Month names, weekday names and relative words, lower case, matched against the lower-cased
   * sentence: a pattern built on one kind is skipped in sentences that have none. A plain alternation
   * over lower-cased text scans several times faster than a case-insensitive one.
   */
  wordAnchors: Record<WordKind, RegExp>;
  /** Per pattern: whether it needs a digit, one kind of word, or can never match (its word list is empty here). */
  needs: Array<{ digit: boolean; words: WordKind[]; never: boolean }>;
  patterns: Array<{
    re: RegExp;
    build: (m: RegExpExecArray, order: NumericOrder) => DateExpression | null;
    prepGroup?: number;
    /** A four-digit number, or digits around a separator ("13/9"), without which the pattern cannot match. */
    needs?: 'year' | 'separator';
  }>;
}

type WordKind = 'month' | 'weekday' | 'relative';

const patternCache = new Map<string, PatternSet>();

/** All date expressions in `sentence`, left to right, without overlaps (longest wins). */
export function findDates(original: string, options: FindDatesOptions): FoundDate[] {
  const set = getPatterns(options.language);
  const hasDigit = hasAnyDigit(original);
  const lower = original.toLowerCase();
  const has: Record<WordKind, boolean> = {
    month: set.wordAnchors.month.test(lower),
    weekday: set.wordAnchors.weekday.test(lower),
    relative: set.wordAnchors.relative.test(lower),
  };
  // Every date expression has a digit, a month or weekday name, or a relative word: most sentences have none.
  if (!hasDigit && !has.month && !has.weekday && !has.relative) return [];
  const order = options.numericOrder ?? set.vocab.numericOrder;
  // Other scripts' digits (١٥, ۱۵, １５) read as ASCII; each is one UTF-16 unit, so offsets hold.
  const sentence = asciiDigits(original);
  // Most digits in news are counts and sums ("24 years", "5.000"): no year, no day/month pair.
  const hasYear = hasDigit && /\d{4}/.test(sentence);
  const hasSeparator = hasDigit && /\d[./-]\d/.test(sentence);
  const found: FoundDate[] = [];
  for (let p = 0; p < set.patterns.length; p++) {
    const needs = set.needs[p]!;
    if (needs.never || (needs.digit && !hasDigit) || needs.words.some((kind) => !has[kind])) continue;
    const { re, build, prepGroup, needs: form } = set.patterns[p]!;
    if ((form === 'year' && !hasYear) || (form === 'separator' && !hasSeparator)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const expr = build(m, order);
      if (!expr) continue;
      const prep = prepGroup !== undefined ? (m[prepGroup] ?? '').toLowerCase() : precedingWords(sentence, m.index);
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 4).trimStart();
      const postposition = set.vocab.referencePostpositions.some((p) => after.startsWith(p));
      found.push({ ...expr, text: original.slice(m.index, m.index + m[0].length), index: m.index, reference: postposition || isReferencePreposition(prep, set.vocab) });
    }
  }
  return withoutWeekdaysOfDates(removeOverlaps(found));
}

/** "Sunday, 19 January", "يوم الأحد 19 يناير": the weekday names the date that follows, not a day of its own. */
function withoutWeekdaysOfDates(found: FoundDate[]): FoundDate[] {
  return found.filter((f, i) => {
    const next = found[i + 1];
    if (f.kind !== 'weekday' || !next) return true;
    const gap = next.index - (f.index + f.text.length);
    return !(gap <= 3 && (next.kind === 'full' || next.kind === 'yearless' || next.kind === 'dayOfMonth'));
  });
}

/** Maps every Unicode decimal digit to its ASCII digit. */
export function asciiDigits(s: string): string {
  // ASCII digits are the common case: only other scripts' digits need the lookup.
  return mayHaveOtherDigits(s) && NON_ASCII_DIGIT.test(s) ? s.replace(NON_ASCII_DIGITS, (d) => String(digitValue(d.codePointAt(0)!))) : s;
}

/** Any decimal digit of any script. \p{Nd} scans slowly; ASCII digits, or text below the first other digits, settle most sentences. */
function hasAnyDigit(s: string): boolean {
  return ASCII_DIGIT.test(s) || (mayHaveOtherDigits(s) && ANY_DIGIT.test(s));
}

/**
 * Could the text hold another script's digits? Every non-ASCII decimal digit (Unicode 15) lies in
 * U+0660-1C59, U+A620-ABF9, the full-width digits or the astral planes: Latin (also Vietnamese),
 * Cyrillic, Greek, Chinese and Korean text, with its curly quotes and dashes, is settled by this
 * plain range class without the slow \p{Nd} scan.
 */
function mayHaveOtherDigits(s: string): boolean {
  return DIGIT_BLOCKS.test(s);
}

const ASCII_DIGIT = /[0-9]/;
const DIGIT_BLOCKS = /[\u0660-\u1c59\ua620-\uabf9\uff10-\uff19\ud800-\udbff]/;
const ANY_DIGIT = /\p{Nd}/u;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/u;
const NON_ASCII_DIGITS = /(?![0-9])\p{Nd}/gu;
const digitValues = new Map<number, number>();

/** Decimal digit blocks are runs of ten starting at a code point whose value is zero. */
function digitValue(code: number): number {
  let value = digitValues.get(code);
  if (value === undefined) {
    let zero = code;
    while (zero > code - 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    value = code - zero;
    digitValues.set(code, value);
  }
  return value;
}

function isReferencePreposition(prep: string, vocab: DateVocabulary): boolean {
  const p = prep.trim().toLowerCase();
  return vocab.referencePrepositions.some((r) => p === r || p.endsWith(` ${r}`));
}

function precedingWords(sentence: string, index: number): string {
  return sentence.slice(Math.max(0, index - 12), index).trim().split(/\s+/).slice(-2).join(' ');
}

function removeOverlaps(found: FoundDate[]): FoundDate[] {
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: FoundDate[] = [];
  let end = -1;
  for (const f of found) {
    if (f.index < end) continue;
    kept.push(f);
    end = f.index + f.text.length;
  }
  return kept;
}

function alternation(words: Iterable<string>): string {
  const list = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  return list.length ? list.map(escapeRegExp).join('|').replace(/ /g, '\\s+') : '(?!)';
}

function yearOk(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function dayMonthFromNumeric(a: number, b: number, order: NumericOrder): { d: number; m: number } {
  // A part above 12 can only be the day, whatever the convention says.
  if (a > 12 && b <= 12) return { d: a, m: b };
  if (b > 12 && a <= 12) return { d: b, m: a };
  return order === 'mdy' ? { d: b, m: a } : { d: a, m: b };
}

function full(y: number, m: number, d: number, endDay?: number): DateExpression | null {
  if (!yearOk(y) || !isValidYmd(y, m, d)) return null;
  if (endDay !== undefined && (endDay <= d || !isValidYmd(y, m, endDay))) return null;
  return endDay !== undefined ? { kind: 'full', y, m, d, endDay } : { kind: 'full', y, m, d };
}

function yearless(m: number, d?: number, endDay?: number): DateExpression | null {
  if (m < 1 || m > 12) return null;
  if (d !== undefined && !isValidYmd(2024, m, d)) return null;
  if (endDay !== undefined && (d === undefined || endDay <= d || !isValidYmd(2024, m, endDay))) return null;
  const expr: DateExpression = { kind: 'yearless', m };
  if (d !== undefined) expr.d = d;
  if (endDay !== undefined) expr.endDay = endDay;
  return expr;
}

function getPatterns(language: string): PatternSet {
  const vocab = getDateVocabulary(language);
  const cached = patternCache.get(vocab.language);
  if (cached) return cached;
  const english = vocab.language === 'en';
  const MN = `(${alternation(vocab.months.keys())})`;
  const monthOf = (name: string): number | null => {
    // English capitalises month names; "may" and "march" in lower case are verbs.
    if (english && name[0] !== name[0]!.toUpperCase()) return null;
    return vocab.months.get(name.toLowerCase()) ?? null;
  };
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const flags = 'giu';
  const patterns: PatternSet['patterns'] = [
    // 2024-06-18, 2024/06/18
    {
      needs: 'year',
      re: new RegExp(`${B}(\\d{4})([./-])(\\d{1,2})\\2(\\d{1,2})${E}`, flags),
      build: (m) => full(+m[1]!, +m[3]!, +m[4]!),
    },
    // 2021年03月23日, 2024년 6월 15일
    {
      needs: 'year',
      re: new RegExp(`(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]`, flags),
      build: (m) => full(+m[1]!, +m[2]!, +m[3]!),
    },
    // 3 hours ago, vor 2 Tagen, hace 3 días, 2 giờ trước: against the reference (the fetch time for stamps)
    ...vocab.agoPatterns.map((pattern) => ({
      re: new RegExp(`${B}${pattern.regex}${E}`, flags),
      build: (m: RegExpExecArray) => ({ kind: 'relative' as const, relative: { unit: 'day' as const, offset: -Math.floor((+m[1]! * pattern.hours) / 24) } }),
    })),
    // 13/9/2023, 18.06.2024, 11-02-2024
    {
      needs: 'separator',
      re: new RegExp(`${B}(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})${E}(?![./-]\\d)`, flags),
      build: (m, order) => {
        if (m[4]!.length === 2 && m[2] === '-') return null;
        // Dotted dates are day-first in every locale that writes them.
        const { d, m: mo } = dayMonthFromNumeric(+m[1]!, +m[3]!, m[2] === '.' ? 'dmy' : order);
        return full(expandYear(+m[4]!), mo, d);
      },
    },
    // tháng 10/2023 (month word, month/year)
    {
      needs: 'separator',
      re: new RegExp(`${B}(?:${alternation(vocab.monthWords)})\\s+(\\d{1,2})[/.-](\\d{4})${E}`, flags),
      build: (m) => (yearOk(+m[2]!) && +m[1]! >= 1 && +m[1]! <= 12 ? { kind: 'month', y: +m[2]!, m: +m[1]! } : null),
    },
    // tháng 9 năm 2023 / tháng 9
    {
      re: new RegExp(`${B}(?:${alternation(vocab.monthWords)})\\s+(\\d{1,2})${E}(?![/.]\\d)(?:\\s+(?:${alternation(vocab.yearWords)})\\s+(\\d{4})${E})?`, flags),
      build: (m) => {
        const mo = +m[1]!;
        if (m[2]) return yearOk(+m[2]) && mo >= 1 && mo <= 12 ? { kind: 'month', y: +m[2], m: mo } : null;
        return yearless(mo);
      },
    },
    // ngày 16/1 (day word, day/month without year)
    {
      needs: 'separator',
      re: new RegExp(`${B}(?:${alternation(vocab.dayWords)})\\s+(\\d{1,2})[/.](\\d{1,2})${E}(?![/.]\\d)`, flags),
      build: (m, order) => {
        const { d, m: mo } = dayMonthFromNumeric(+m[1]!, +m[2]!, order === 'ymd' ? 'dmy' : order);
        return yearless(mo, d);
      },
    },
    // June 18th and 19th, 2024 / September 13 / October 12, 1948
    {
      re: new RegExp(`${B}${MN}\\s+${DAY}(?:${RANGE_JOINER}${DAY})?(?:,?\\s+(\\d{4}))?${E}`, flags),
      build: (m) => {
        const mo = monthOf(m[1]!);
        if (mo === null) return null;
        const d = +m[2]!;
        const endDay = num(m[3]);
        return m[4] ? full(+m[4], mo, d, endDay) : yearless(mo, d, endDay);
      },
    },
    // 13 September 2023 / 13. September / 18 и 19 июня / 13 de septiembre de 2023
    {
      re: new RegExp(`${B}${DAY}(?:${RANGE_JOINER}${DAY})?\\.?\\s+(?:of\\s+|de\\s+)?${MN}(?:,?\\s+(?:de\\s+)?(\\d{4}))?${E}`, flags),
      build: (m) => {
        const mo = monthOf(m[3]!);
        if (mo === null) return null;
        const d = +m[1]!;
        const endDay = num(m[2]);
        return m[4] ? full(+m[4], mo, d, endDay) : yearless(mo, d, endDay);
      },
    },
    // September 2023 / septiembre de 2023
    {
      re: new RegExp(`${B}${MN},?\\s+(?:of\\s+|de\\s+)?(\\d{4})${E}`, flags),
      build: (m) => {
        const mo = monthOf(m[1]!);
        return mo !== null && yearOk(+m[2]!) ? { kind: 'month', y: +m[2]!, m: mo } : null;
      },
    },
    // in May / since March (a preposition keeps verbs like "may" out)
    {
      re: new RegExp(`${B}(${alternation(vocab.datePrepositions)})\\s+${MN}${E}(?!\\s*\\d)`, flags),
      build: (m) => {
        const mo = monthOf(m[2]!);
        return mo === null ? null : yearless(mo);
      },
      prepGroup: 1,
    },
    // in 2000 / since 2000 / năm 2023
    {
      needs: 'year',
      re: new RegExp(`${B}(${alternation(vocab.yearWords)})\\s+(\\d{4})${E}(?![./-]\\d)`, flags),
      build: (m) => (yearOk(+m[2]!) ? { kind: 'year', y: +m[2]! } : null),
      prepGroup: 1,
    },
    // Minggu (3/12): Indonesian papers put the date after the weekday, day first
    {
      needs: 'separator',
      re: new RegExp(`${B}(?:${alternation(vocab.weekdays.keys())})\\s*\\((\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\)`, flags),
      build: (m) => {
        const d = +m[1]!;
        const mo = +m[2]!;
        if (mo < 1 || mo > 12) return null;
        return m[3] ? full(expandYear(+m[3]), mo, d) : yearless(mo, d);
      },
    },
    // on Tuesday / Wednesday afternoon / thứ Ba
    {
      re: new RegExp(`${B}(${alternation(vocab.weekdays.keys())})${E}`, flags),
      build: (m) => {
        const name = m[1]!;
        if (english && name[0] !== name[0]!.toUpperCase()) return null;
        const wd = vocab.weekdays.get(name.toLowerCase());
        return wd === undefined ? null : { kind: 'weekday', weekday: wd };
      },
    },
    // yesterday / last week / tuần trước
    {
      re: new RegExp(`${B}(?<!the\\s)(?<!over\\s)(${alternation(Object.keys(vocab.relative))})${E}`, flags),
      build: (m) => {
        const key = Object.keys(vocab.relative).find((k) => k.toLowerCase() === m[1]!.toLowerCase().replace(/\s+/g, ' '));
        return key ? { kind: 'relative', relative: vocab.relative[key]! } : null;
      },
    },
  ];
  if (JOINED_SCRIPT_LANGUAGES.has(vocab.language)) patterns.push(...cjkPatterns(vocab));
  const wordLists: Record<WordKind, string[]> = {
    month: [...vocab.months.keys()],
    weekday: [...vocab.weekdays.keys()],
    relative: Object.keys(vocab.relative),
  };
  const kinds = Object.keys(wordLists) as WordKind[];
  const wordAnchors = Object.fromEntries(kinds.map((k) => [k, new RegExp(alternation(wordLists[k].map((w) => w.toLowerCase())), 'u')])) as Record<WordKind, RegExp>;
  const listSources = kinds.map((k) => [k, alternation(wordLists[k])] as const).filter(([, src]) => src !== '(?!)');
  // What a pattern needs, read off its source once lookarounds are set aside ("(?!\\s*\\d)" needs no digit).
  const needs = patterns.map(({ re }) => {
    const mandatory = re.source.replace(/\(\?<?[!=][^()]*(?:\([^()]*\)[^()]*)*\)/g, '');
    const words = listSources.filter(([, src]) => mandatory.includes(src)).map(([k]) => k);
    return { digit: mandatory.includes('\\d'), words, never: /\((?:\?:)?\(\?!\)\)/.test(re.source) };
  });
  const set = { vocab, patterns, wordAnchors, needs };
  patternCache.set(vocab.language, set);
  return set;
}

/**
 * Chinese, Japanese and Korean dates: written without spaces (or with particles joined), so only
 * digits bound them; months and days alone, relative years and months with a month or day
 * (去年11月, 今月27日), and relative words (去年, 지난해, 이달).
 */
function cjkPatterns(vocab: DateVocabulary): PatternSet['patterns'] {
  const flags = 'gu';
  const ND = '(?<!\\d)';
  const relative = (units: string[]) => Object.keys(vocab.relative).filter((k) => units.includes(vocab.relative[k]!.unit));
  const yearWords = alternation(relative(['year']));
  const monthWords = alternation(relative(['month']));
  const offsetOf = (word: string) => vocab.relative[word]!;
  const patterns: PatternSet['patterns'] = [
    // 2024年6月 (no day)
    {
      re: new RegExp(`${ND}(\\d{4})\\s*${CJK_YEAR}\\s*(\\d{1,2})\\s*${CJK_MONTH}(?!\\s*\\d)`, flags),
      build: (m) => (yearOk(+m[1]!) && +m[2]! >= 1 && +m[2]! <= 12 ? { kind: 'month', y: +m[1]!, m: +m[2]! } : null),
    },
    // 6月25日, 6월 25일, 6月18日至19日
    {
      re: new RegExp(`${ND}(\\d{1,2})\\s*${CJK_MONTH}\\s*(\\d{1,2})\\s*${CJK_DAY}(?:\\s*[至到~〜-]\\s*(\\d{1,2})\\s*${CJK_DAY})?`, flags),
      build: (m) => (+m[1]! >= 1 && +m[1]! <= 12 ? yearless(+m[1]!, +m[2]!, m[3] ? +m[3] : undefined) : null),
    },
    // 15日, 3일 (not 日本, 일본: Japan)
    {
      re: new RegExp(`(?<![\\d月월])(\\d{1,2})\\s*${CJK_DAY}(?![本본])`, flags),
      build: (m) => (+m[1]! >= 1 && +m[1]! <= 31 ? { kind: 'dayOfMonth', d: +m[1]! } : null),
    },
    // 2023年, 2025년 (not 1990年代, decades)
    {
      re: new RegExp(`${ND}(\\d{4})\\s*${CJK_YEAR}(?!\\s*\\d{1,2}\\s*${CJK_MONTH})(?!代|대)`, flags),
      build: (m) => (yearOk(+m[1]!) ? { kind: 'year', y: +m[1]! } : null),
    },
  ];
  if (yearWords) {
    // 去年11月, 지난해 6월, 昨年12月5日
    patterns.push({
      re: new RegExp(`(${yearWords})\\s*(\\d{1,2})\\s*${CJK_MONTH}(?:\\s*(\\d{1,2})\\s*${CJK_DAY})?`, flags),
      build: (m) => (+m[2]! >= 1 && +m[2]! <= 12 ? { kind: 'offset', unit: 'year', offset: offsetOf(m[1]!).offset, m: +m[2]!, ...(m[3] ? { d: +m[3] } : {}) } : null),
    });
  }
  if (monthWords) {
    // 今月27日, 이달 5일
    patterns.push({
      re: new RegExp(`(${monthWords})\\s*(\\d{1,2})\\s*${CJK_DAY}`, flags),
      build: (m) => ({ kind: 'offset', unit: 'month', offset: offsetOf(m[1]!).offset, d: +m[2]! }),
    });
  }
  const words = Object.keys(vocab.relative);
  if (words.length) {
    // 去年, 지난해, 今日
    patterns.push({
      re: new RegExp(`(${alternation(words)})`, flags),
      build: (m) => ({ kind: 'relative', relative: vocab.relative[m[1]!]! }),
    });
  }
  // 星期二, 火曜日, 화요일
  patterns.push({
    re: new RegExp(`(${alternation(vocab.weekdays.keys())})`, flags),
    build: (m) => {
      const wd = vocab.weekdays.get(m[1]!.toLowerCase());
      return wd === undefined ? null : { kind: 'weekday', weekday: wd };
    },
  });
  return patterns;
}

/**
 * Past or future reading of the clause around a date expression: the tense marker nearest the
 * expression within a few words wins ("quien la felicitó la noche del domingo" after "sucederá"),
 * then a future marker anywhere in the sentence.
 */
export function sentenceTense(sentence: string, language: string, at?: { index: number; length: number }): 'past' | 'future' {
  const { future, past } = tenseMarkers(language);
  if (at) {
    const before = lastWords(sentence, at.index, 8);
    const after = firstWords(sentence, at.index + at.length, 4);
    // Distance from the expression: from the end of the words before, from the start of those after.
    const nearest = (re: RegExp) => {
      const ends = [...before.matchAll(globalOf(re))].map((m) => before.length - (m.index! + m[0].length));
      const starts = [...after.matchAll(globalOf(re))].map((m) => m.index!);
      return Math.min(Infinity, ...ends, ...starts);
    };
    const f = nearest(future);
    const p = nearest(past);
    if (f !== Infinity || p !== Infinity) return f <= p ? 'future' : 'past';
  }
  return testOnce(future, sentence) ? 'future' : 'past';
}

/** Smallest window read around a date: enough for the words near it in any real sentence. */
const WORD_WINDOW = 256;

/**
 * `text.slice(0, end).split(/\s+/).slice(-count).join(' ')`, reading only as far back as those words
 * reach: a sentence dense with dates would otherwise be split whole for each of them. A window whose
 * first word may be cut off counts only when more than `count` words are in it.
 */
export function lastWords(text: string, end: number, count: number): string {
  for (let width = WORD_WINDOW; ; width *= 2) {
    const start = Math.max(0, end - width);
    const words = text.slice(start, end).split(/\s+/);
    if (start === 0 || words.length > count) return words.slice(-count).join(' ');
  }
}

/** `text.slice(start).split(/\s+/).slice(0, count).join(' ')`, reading only as far as those words reach. */
export function firstWords(text: string, start: number, count: number): string {
  for (let width = WORD_WINDOW; ; width *= 2) {
    const end = Math.min(text.length, start + width);
    const words = text.slice(start, end).split(/\s+/);
    if (end === text.length || words.length > count) return words.slice(0, count).join(' ');
  }
}

const globalCache = new WeakMap<RegExp, RegExp>();

function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, `${re.flags}g`);
    globalCache.set(re, g);
  }
  return g;
}

const tenseCache = new Map<string, { future: RegExp; past: RegExp }>();

function tenseMarkers(language: string): { future: RegExp; past: RegExp } {
  const vocab = getDateVocabulary(language);
  let markers = tenseCache.get(vocab.language);
  if (!markers) {
    // Joined scripts have no word boundaries to require; a future-tense ending marks its word.
    const [b, e] = JOINED_SCRIPT_LANGUAGES.has(vocab.language) ? ['', ''] : [B, E];
    const endings = (list: string[]) => (list.length ? `|\\p{L}{2,}(?:${alternation(list)})` : '');
    markers = {
      future: new RegExp(`${b}(?:${alternation(vocab.futureMarkers)}${endings(vocab.futureSuffixes)})${e}`, 'iu'),
      past: new RegExp(`${b}(?:${alternation(vocab.pastMarkers)}${endings(vocab.pastSuffixes)})${e}`, 'iu'),
    };
    tenseCache.set(vocab.language, markers);
  }
  return markers;
}
