// Sentence and word segmentation from the runtime's ICU data (works for scripts without spaces),
// with the abbreviations ICU would break after ("Mr.", "TS.", "г.") joined back (data/lang).
import { z } from 'zod';
import { loadDataFile } from '../lib/data-files.js';

export interface Sentence {
  text: string;
  /** Offset in the source text. */
  offset: number;
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const key = `${language}:${granularity}`;
  let s = sentenceSegmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(language === 'und' ? 'en' : language, { granularity });
    } catch {
      s = new Intl.Segmenter('en', { granularity });
    }
    sentenceSegmenters.set(key, s);
  }
  return s;
}

const AbbreviationsSchema = z.object({ version: z.number(), languages: z.record(z.array(z.string())), ordinalDotLanguages: z.array(z.string()) });
const abbreviationSets = new Map<string, Set<string>>();

function abbreviations(language: string): Set<string> {
  let set = abbreviationSets.get(language);
  if (!set) {
    set = new Set(loadDataFile('lang/abbreviations.json', AbbreviationsSchema).languages[language] ?? []);
    abbreviationSets.set(language, set);
  }
  return set;
}

/** Languages that write ordinals with a stop ("am 15. Januar"): a number and a stop end no sentence. */
function writesOrdinalDots(language: string): boolean {
  return loadDataFile('lang/abbreviations.json', AbbreviationsSchema).ordinalDotLanguages.includes(language);
}

/** A number and its stop at the end of a sentence ("am 15."), read on the sentence's last characters. */
const ORDINAL_END = /(?<!\d)\d{1,2}\.$/;
const ORDINAL_TAIL_CHARS = 4;

/** The word before a segment's final stop: "Mr" in "… Mr. ", "U.S" in "the U.S. ". */
const LAST_WORD = /(?<![\p{L}\p{N}.-])([\p{L}\p{N}][\p{L}\p{N}.-]*)\.$/u;
/** Characters before the final stop in which its word is looked for. */
const LAST_WORD_TAIL_CHARS = 24;

/**
 * Paragraphs longer than this are segmented a window at a time: the runtime's sentence iterator slows
 * down more than linearly on long strings (seconds on 200,000 characters), and some inputs are one
 * paragraph of megabytes. Each window's sentences are kept up to its last boundary that the text in the
 * window decides, so the sentences are those of the whole paragraph.
 */
const SEGMENT_WINDOW_CHARS = 20_000;
/**
 * A sentence longer than this is cut (at a space, else anywhere): text without sentence ends (a
 * list, a dump) would otherwise be one sentence of any length. The longest sentences of the shared
 * samples' 77,000 are about 2,100 characters.
 */
export const MAX_SENTENCE_CHARS = 5_000;

const LETTER = /\p{L}/u;
const SPACE = /\s/;

/** Does the sentence text[start, end) end with an abbreviation or an initial rather than a sentence? */
function endsWithAbbreviation(text: string, start: number, end: number, known: Set<string>): boolean {
  if (text[end - 1] !== '.') return false;
  // Only the last word matters: the pattern runs on the tail, not the whole sentence.
  const word = LAST_WORD.exec(text.slice(Math.max(start, end - LAST_WORD_TAIL_CHARS), end))?.[1];
  if (!word) return false;
  return [...word].length === 1 || known.has(word.toLowerCase());
}

/** Where text[start, end) ends once trailing white space is dropped. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return end;
}

function trimmedStart(text: string, start: number, end: number): number {
  while (start < end && SPACE.test(text[start]!)) start++;
  return start;
}

/** Sentences of a text, never crossing a paragraph (line) break. */
export function splitSentences(text: string, language: string): Sentence[] {
  return splitSentencesInWindows(text, language, SEGMENT_WINDOW_CHARS);
}

/** splitSentences with the window size as a parameter, for tests that show it does not change the sentences. */
export function splitSentencesInWindows(text: string, language: string, windowChars: number): Sentence[] {
  const out: Sentence[] = [];
  const known = abbreviations(language);
  const ordinals = writesOrdinalDots(language);
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim()) {
      const push = (start: number, end: number) => {
        const from = trimmedStart(paragraph, start, end);
        const to = trimmedEnd(paragraph, from, end);
        if (to > from) out.push({ text: paragraph.slice(from, to), offset: offset + from });
      };
      // A segment ending with an abbreviation is joined to the next one: pending from `pending` on.
      let pending: number | null = null;
      for (const [start, end] of segmentRanges(paragraph, segmenter(language, 'sentence'), windowChars)) {
        if (pending !== null && end - pending > MAX_SENTENCE_CHARS) {
          push(pending, start);
          pending = null;
        }
        const from: number = pending ?? start;
        const last = trimmedEnd(paragraph, from, end);
        const tail = paragraph.slice(Math.max(from, last - ORDINAL_TAIL_CHARS), last);
        if (endsWithAbbreviation(paragraph, from, last, known) || (ordinals && ORDINAL_END.test(tail))) {
          pending = from;
          continue;
        }
        pending = null;
        push(from, end);
      }
      if (pending !== null) push(pending, paragraph.length);
    }
    offset += paragraph.length + 1;
  }
  return out;
}

/**
 * The paragraph's sentence segments as [start, end) ranges, none longer than MAX_SENTENCE_CHARS. A long
 * paragraph is segmented window by window; a window's segments are kept up to its last boundary with a
 * letter after it in the window: where a boundary falls depends on the text up to the next letter, so
 * that one falls where it does in the whole paragraph. A window without such a boundary (a sentence
 * longer than the window) ends at its last space, else anywhere.
 */
function* segmentRanges(paragraph: string, segmenter: Intl.Segmenter, windowChars: number): Generator<[number, number]> {
  for (let from = 0; from < paragraph.length; ) {
    let to = Math.min(paragraph.length, from + windowChars);
    if (to < paragraph.length && isHighSurrogate(paragraph.charCodeAt(to - 1))) to--;
    const window = from === 0 && to === paragraph.length ? paragraph : paragraph.slice(from, to);
    const starts: number[] = [];
    for (const seg of segmenter.segment(window)) starts.push(seg.index);
    let until = window.length;
    if (to < paragraph.length) {
      const lastLetter = lastIndexWhere(window, window.length, (c) => LETTER.test(c));
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > lastLetter) k--;
      until = k > 0 ? starts[k]! : cutPoint(window, 0, window.length);
    }
    for (let i = 0; i < starts.length && starts[i]! < until; i++) {
      yield* boundedPieces(paragraph, from + starts[i]!, from + Math.min(starts[i + 1] ?? window.length, until));
    }
    from += until;
  }
}

/** text[start, end) in pieces of at most MAX_SENTENCE_CHARS. */
function* boundedPieces(text: string, start: number, end: number): Generator<[number, number]> {
  while (end - start > MAX_SENTENCE_CHARS) {
    const cut = cutPoint(text, start, start + MAX_SENTENCE_CHARS);
    yield [start, cut];
    start = cut;
  }
  if (end > start) yield [start, end];
}

/** Where to cut text[start, end) that has no sentence end: after its last space in the second half, else at `end` (never inside a surrogate pair). */
function cutPoint(text: string, start: number, end: number): number {
  const space = lastIndexWhere(text, end, (c) => SPACE.test(c), start + (end - start) / 2);
  if (space >= 0) return space + 1;
  return isHighSurrogate(text.charCodeAt(end - 1)) && end - 1 > start ? end - 1 : end;
}

/** The last index before `end` (and not before `floor`) whose character passes `test`, or -1. */
function lastIndexWhere(s: string, end: number, test: (c: string) => boolean, floor = 0): number {
  for (let i = end - 1; i >= floor; i--) if (test(s[i]!)) return i;
  return -1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Word-like segments, lower-cased. */
export function splitWords(text: string, language: string): string[] {
  const out: string[] = [];
  for (const seg of segmenter(language, 'word').segment(text)) {
    if (seg.isWordLike) out.push(seg.segment.toLowerCase());
  }
  return out;
}
