// Character classes and bounded walks over a paragraph: sentence ends, clause segments, trimmed ranges.
import { fold } from './fold.js';
import { MAX_SENTENCE_CHARS, MAX_SPEAKER_CHARS, MIN_QUOTE_WORDS } from './limits.js';
import { getShared } from './rules.js';

const STOP_CHARS = new Set([...',;:!?…\n。！？；：，、،؛؟()[]{}—–|']);
export const COMMAS = new Set([',', '，', '、', '،']);
export const CLAUSE_BREAKS = new Set([...COMMAS, '—', '–', '-']);
const SENTENCE_CHARS = new Set(['.', '!', '?', '…', '؟']);
const HARD_SENTENCE_CHARS = new Set(['。', '！', '？', '\n']);
const APOSTROPHES = new Set(['’', '‘', '‚']);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
export const SPACE = /\s/;

export function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return WORD_CHAR.test(c);
}

/** Any space but a newline (a newline ends a line, which we treat as a sentence end). */
export function isSpace(c: string | undefined): boolean {
  if (c === undefined || c === '\n') return false;
  return c === ' ' || SPACE.test(c);
}

/** True for ASCII letters, digits and the space: the characters most per-character checks can skip at once. */
function isPlainAscii(c: string): boolean {
  const code = c.charCodeAt(0);
  return code === 32 || (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
}

export function isQuoteMark(p: string, j: number): boolean {
  const c = p[j]!;
  if (!getShared().quoteChars.has(c)) return false;
  return !(APOSTROPHES.has(c) && isWordChar(p[j - 1]) && isWordChar(p[j + 1]));
}

/** A period ends a sentence unless it follows an initial or abbreviation ("Mr.", "U.S.") or a lower-case word follows. */
export function isSentenceEnd(p: string, i: number): boolean {
  const c = p[i]!;
  if (isPlainAscii(c)) return false;
  if (HARD_SENTENCE_CHARS.has(c)) return true;
  if (!SENTENCE_CHARS.has(c)) return false;
  const { quoteChars } = getShared();
  let j = i + 1;
  while (j < p.length && quoteChars.has(p[j]!)) j++;
  if (j < p.length && !SPACE.test(p[j]!)) return false;
  while (j < p.length && isSpace(p[j])) j++;
  const next = p[j];
  if (next !== undefined && next !== next.toUpperCase() && next === next.toLowerCase() && c === '.') return false;
  if (c !== '.') return true;
  let w = i;
  while (w > 0 && (p[w - 1] === '.' || isWordChar(p[w - 1]))) w--;
  const word = p.slice(w, i);
  if (word.length === 1 && word !== word.toLowerCase()) return false;
  return !getShared().abbreviations.has(fold(word));
}

/** A character that ends a speaker phrase or clause fragment: punctuation, a sentence end, a quote mark. */
export function isStop(p: string, j: number): boolean {
  const c = p[j]!;
  if (isPlainAscii(c)) return false;
  if (c === '.') return isSentenceEnd(p, j);
  if (STOP_CHARS.has(c)) return true;
  if (c === '-') return p[j - 1] === ' ' && p[j + 1] === ' ';
  return isQuoteMark(p, j);
}

/** Start of the sentence containing i, or -1 when it is implausibly long. */
export function sentenceStart(p: string, i: number): number {
  const floor = Math.max(0, i - MAX_SENTENCE_CHARS);
  for (let j = i - 1; j >= floor; j--) if (isSentenceEnd(p, j)) return j + 1;
  return floor === 0 ? 0 : -1;
}

/** Index of the sentence-final mark at or after i (or the paragraph end), or -1 when too far. */
export function sentenceEnd(p: string, i: number): number {
  const ceil = Math.min(p.length, i + MAX_SENTENCE_CHARS);
  for (let j = i; j < ceil; j++) if (isSentenceEnd(p, j)) return j;
  return ceil === p.length ? p.length : -1;
}

/** True when only spaces separate i from the end of the sentence. */
export function endsSentence(p: string, i: number): boolean {
  let j = i;
  while (j < p.length && isSpace(p[j])) j++;
  return j >= p.length || isSentenceEnd(p, j);
}

export interface Segment {
  from: number;
  /** The stop character before the segment; '' at paragraph start, 'min' at the caller's limit. */
  boundary: string;
}

/** The clause fragment ending at `to`: back to the nearest stop character, at most MAX_SPEAKER_CHARS. */
export function segmentBefore(p: string, to: number, minFrom: number): Segment | null {
  const floor = Math.max(minFrom, to - MAX_SPEAKER_CHARS);
  for (let j = to - 1; j >= floor; j--) {
    if (isStop(p, j)) return { from: j + 1, boundary: p[j]! };
  }
  if (floor > minFrom) return null;
  return { from: minFrom, boundary: minFrom === 0 ? '' : 'min' };
}

export function startsSentence(seg: Segment, p: string): boolean {
  if (seg.boundary === '') return true;
  if (seg.boundary === 'min') return false;
  // '… prepared.” Ushakov added': a closing mark after a sentence end still starts a sentence.
  return isSentenceEnd(p, seg.from - 1) || (isQuoteMark(p, seg.from - 1) && seg.from >= 2 && isSentenceEnd(p, seg.from - 2));
}

/** Where a speaker phrase that starts at `from` must end: the next stop character. */
export function runEnd(p: string, from: number): number {
  const ceil = Math.min(p.length, from + MAX_SPEAKER_CHARS);
  for (let j = from; j < ceil; j++) if (isStop(p, j)) return j;
  return ceil;
}

export function skipSpaces(p: string, i: number): number {
  while (i < p.length && isSpace(p[i])) i++;
  return i;
}

export function skipSpacesBack(p: string, i: number): number {
  while (i > 0 && isSpace(p[i - 1])) i--;
  return i;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Word count, capped: Han/kana runs count a word per two characters. */
function hasWords(p: string, start: number, end: number, min: number): boolean {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = start; i < end && words + Math.ceil(cjk / 2) < min; i++) {
    const c = p[i]!;
    const word = isWordChar(c);
    if (word && c.charCodeAt(0) >= 0x3040 && CJK.test(c)) cjk++;
    else if (word && !inWord) words++;
    inWord = word;
  }
  return words + Math.ceil(cjk / 2) >= min;
}

export interface Range {
  start: number;
  end: number;
}

/** Trims spaces and the given edge punctuation; null when fewer than `minWords` words remain. */
export function trimmed(p: string, start: number, end: number, lead: RegExp, trail: RegExp, minWords = MIN_QUOTE_WORDS): Range | null {
  while (start < end && (SPACE.test(p[start]!) || lead.test(p[start]!))) start++;
  while (end > start && (SPACE.test(p[end - 1]!) || trail.test(p[end - 1]!))) end--;
  if (end <= start || !hasWords(p, start, end, minWords)) return null;
  return { start, end };
}

export const CLAUSE_LEAD = /[,，、،:：;—–-]/;
export const CLAUSE_TRAIL = /[.!?。！？,，、،;；:：…—–-]/;
export const QUOTE_TRAIL = /[,，、،]/;
export const NOTHING = /$^/;

/** The clause from `start` to the end of its sentence, trimmed of edge punctuation. */
export function clauseToSentenceEnd(p: string, start: number): Range | null {
  const end = sentenceEnd(p, start);
  return end >= 0 ? trimmed(p, start, end, CLAUSE_LEAD, CLAUSE_TRAIL) : null;
}

/** The clause from the sentence start up to `end` (a comma before the attribution). */
export function clauseBefore(p: string, end: number): Range | null {
  const start = sentenceStart(p, end);
  return start < 0 ? null : trimmed(p, start, end, CLAUSE_LEAD, CLAUSE_TRAIL);
}

/** Paragraphs are separated by blank lines; a quote never crosses one. */
export function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n[^\S\n]*\n/g)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}
