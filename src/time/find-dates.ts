// Finds date expressions in one sentence. Resolution against a reference date is separate (resolve.ts).
import { escapeRegExp } from '../lib/data-files.js';
import { expandYear, isValidYmd } from './calendar.js';
import { getDateVocabulary, type DateVocabulary, type RelativeUnit } from './vocabulary.js';

export type NumericOrder = 'dmy' | 'mdy' | 'ymd';

export type DateExpression =
  | { kind: 'full'; y: number; m: number; d: number; endDay?: number }
  | { kind: 'month'; y: number; m: number }
  | { kind: 'year'; y: number }
  | { kind: 'yearless'; m: number; d?: number; endDay?: number }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'relative'; relative: RelativeUnit };

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
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

interface PatternSet {
  vocab: DateVocabulary;
  patterns: Array<{ re: RegExp; build: (m: RegExpExecArray, order: NumericOrder) => DateExpression | null; prepGroup?: number }>;
}

const patternCache = new Map<string, PatternSet>();

/** All date expressions in `sentence`, left to right, without overlaps (longest wins). */
export function findDates(original: string, options: FindDatesOptions): FoundDate[] {
  const set = getPatterns(options.language);
  const order = options.numericOrder ?? set.vocab.numericOrder;
  // Other scripts' digits (١٥, ۱۵, １５) read as ASCII; each is one UTF-16 unit, so offsets hold.
  const sentence = asciiDigits(original);
  const found: FoundDate[] = [];
  for (const { re, build, prepGroup } of set.patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const expr = build(m, order);
      if (!expr) continue;
      const prep = prepGroup !== undefined ? (m[prepGroup] ?? '').toLowerCase() : precedingWords(sentence, m.index);
      found.push({ ...expr, text: original.slice(m.index, m.index + m[0].length), index: m.index, reference: isReferencePreposition(prep, set.vocab) });
    }
  }
  return removeOverlaps(found);
}

/** Maps every Unicode decimal digit to its ASCII digit. */
export function asciiDigits(s: string): string {
  // ASCII digits are the common case: only other scripts' digits need the lookup.
  return NON_ASCII_DIGIT.test(s) ? s.replace(NON_ASCII_DIGITS, (d) => String(digitValue(d.codePointAt(0)!))) : s;
}

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
      re: new RegExp(`${B}(\\d{4})([./-])(\\d{1,2})\\2(\\d{1,2})${E}`, flags),
      build: (m) => full(+m[1]!, +m[3]!, +m[4]!),
    },
    // 2021年03月23日, 2024년 6월 15일
    {
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
      re: new RegExp(`${B}(${alternation(vocab.yearWords)})\\s+(\\d{4})${E}(?![./-]\\d)`, flags),
      build: (m) => (yearOk(+m[2]!) ? { kind: 'year', y: +m[2]! } : null),
      prepGroup: 1,
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
  const set = { vocab, patterns };
  patternCache.set(vocab.language, set);
  return set;
}

/**
 * Past or future reading of the clause around a date expression: a marker near the
 * expression wins ("told reporters on Monday that ... would"), then the sentence's.
 */
export function sentenceTense(sentence: string, language: string, at?: { index: number; length: number }): 'past' | 'future' {
  const { future, past } = tenseMarkers(language);
  if (at) {
    const before = sentence.slice(0, at.index).split(/\s+/).slice(-8).join(' ');
    const after = sentence.slice(at.index + at.length).split(/\s+/).slice(0, 4).join(' ');
    const local = `${before} … ${after}`;
    if (future.test(local)) return 'future';
    if (past.test(local)) return 'past';
  }
  return future.test(sentence) ? 'future' : 'past';
}

const tenseCache = new Map<string, { future: RegExp; past: RegExp }>();

function tenseMarkers(language: string): { future: RegExp; past: RegExp } {
  const vocab = getDateVocabulary(language);
  let markers = tenseCache.get(vocab.language);
  if (!markers) {
    markers = {
      future: new RegExp(`${B}(?:${alternation(vocab.futureMarkers)})${E}`, 'iu'),
      past: new RegExp(`${B}(?:${alternation(vocab.pastMarkers)})${E}`, 'iu'),
    };
    tenseCache.set(vocab.language, markers);
  }
  return markers;
}
