// Is this text language at all? Why: bytes that are no text in any charset (random data, a
// compressed or encrypted file saved as .txt) pass the binary check when they have no NUL bytes, and
// the decoder's last resort, a charset guessed from byte statistics (src/ingest/decode.ts), turns them
// into letters: accented Latin, Cyrillic, Hebrew points, Han, halfwidth kana. Those letters form no
// words of any language, and an article of them would be stored, clustered and shown as if it said
// something. Three shapes betray them, each judged only on enough text to tell (a sentence or two is
// always given the benefit of the doubt):
//   - words that never recur: every language repeats its words (function words, the story's names),
//     random letter runs almost never do;
//   - letters not parted into words: in scripts written with spaces, real words stand between spaces;
//   - characters that are mostly not letters or digits (symbols, marks, undecodable bytes).
// Any sign of language clears a text: its words recur, or a good share of its letters are common words
// (stop words) of one of the 58 languages stopwords-iso lists. Languages without a list (Georgian, Tamil,
// Lao...) are cleared by recurrence, which needs no knowledge of the language.
//
// The thresholds were set on measurements, with wide margins: the real texts of the test fixtures and
// the development samples (../shared/data, 2,400 texts in 60 languages), against random bytes decoded
// through each charset the decoder may guess, 300 to 10,000 bytes. Real texts of 150 words or more
// recur at least 13% (the lowest, Japanese news); random ones at most 2%. No real text of 150 letters
// has fewer than 87% of them in space-separated runs of at most 30 characters; random high bytes have
// under 20%. Real texts whose characters are under half letters or digits (a paywall's masked text)
// all have recurring words.
import { stopWordLanguages, stopWords } from '../lib/stop-words.js';
import { UNSPACED_SCRIPT_CLASS } from '../lang/index.js';

/** What is judged: enough for every measure, at no cost for long articles. */
const SAMPLE_CHARS = 5000;
/** Fewer words than this and recurrence tells nothing (a one-paragraph flash may repeat no word). */
const MIN_WORDS_FOR_RECURRENCE = 150;
/** Share of word units recurring in the sample below which words are taken not to recur. */
const MIN_RECURRENCE = 0.05;
/** Evidence of any kind needs this many letters (or characters, for the symbol share). */
const MIN_JUDGED_CHARS = 150;
/** A space-separated run longer than this is no word (the longest compounds are around 30 letters). */
const MAX_WORD_RUN_CHARS = 30;
/** Share of letters that must stand in word-sized runs, in scripts written with spaces. */
const MIN_PARTED_LETTER_SHARE = 0.5;
/** Share of non-space characters that must be letters, marks or digits. */
const MIN_WORD_CHAR_SHARE = 0.5;
/** Share of letters in the stop words of one language that is evidence of that language. */
const MIN_STOP_WORD_SHARE = 0.1;
/** Letters a language's share is computed over, at least (fewer: a share of a handful means nothing). */
const MIN_STOP_WORD_BASE = 20;

const UNSPACED_CHAR = new RegExp(`[${UNSPACED_SCRIPT_CLASS}]`, 'u');
/** A run of letters (with their marks), lower-cased: split below into spaced and unspaced parts. */
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const SCRIPT_PARTS = new RegExp(`[${UNSPACED_SCRIPT_CLASS}][${UNSPACED_SCRIPT_CLASS}\\p{M}]*|[^${UNSPACED_SCRIPT_CLASS}]+`, 'gu');
const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;

/** The measures the verdict is drawn from (exported for tests and diagnostics). */
export interface WordEvidence {
  /** Words: letter runs of three or more in spaced scripts, plus unspaced characters / 2. */
  words: number;
  /** Word units (see recurrence) and how many of them occur more than once. */
  units: number;
  recurring: number;
  /** Non-space characters, and how many of them are letters, marks or digits. */
  nonSpace: number;
  wordChars: number;
  /** Letters of scripts written with spaces, and how many stand in runs of word size. */
  spacedLetters: number;
  partedLetters: number;
  /** The tokens, for the stop-word measure (computed only when needed). */
  tokens: string[];
  unspacedRuns: string[][];
}

/**
 * Measures a text's sample. Units for recurrence: letter runs of three or more characters in spaced
 * scripts; in unspaced ones, overlapping character pairs of Han (thousands of characters: a pair that
 * recurs is a word) and triples elsewhere (kana and Thai have alphabets of a few dozen letters).
 */
export function measureWordEvidence(text: string): WordEvidence {
  const sample = text.slice(0, SAMPLE_CHARS);
  const tokens: string[] = [];
  const unspacedRuns: string[][] = [];
  for (const run of sample.toLowerCase().match(LETTER_RUN) ?? []) {
    for (const part of run.match(SCRIPT_PARTS) ?? []) {
      if (UNSPACED_CHAR.test(part)) unspacedRuns.push([...part]);
      else tokens.push(part);
    }
  }
  const units: string[] = [];
  for (const token of tokens) if ([...token].length >= 3) units.push(token);
  const spacedWords = units.length;
  let unspacedChars = 0;
  for (const chars of unspacedRuns) {
    unspacedChars += chars.length;
    for (let i = 0; i < chars.length; i++) {
      const n = HAN.test(chars[i]!) && i + 1 < chars.length && HAN.test(chars[i + 1]!) ? 2 : 3;
      if (i + n <= chars.length) units.push(chars.slice(i, i + n).join(''));
    }
  }
  const counts = new Map<string, number>();
  for (const unit of units) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  let recurring = 0;
  for (const unit of units) if (counts.get(unit)! > 1) recurring++;

  let nonSpace = 0;
  let wordChars = 0;
  let spacedLetters = 0;
  let partedLetters = 0;
  for (const chunk of sample.split(/\s+/u)) {
    const chars = [...chunk];
    let letters = 0;
    for (const ch of chars) {
      nonSpace++;
      if (WORD_CHAR.test(ch)) wordChars++;
      if (LETTER.test(ch) && !UNSPACED_CHAR.test(ch)) letters++;
    }
    spacedLetters += letters;
    if (chars.length <= MAX_WORD_RUN_CHARS) partedLetters += letters;
  }
  return { words: Math.round(spacedWords + unspacedChars / 2), units: units.length, recurring, nonSpace, wordChars, spacedLetters, partedLetters, tokens, unspacedRuns };
}

/**
 * Why the text is probably no language at all, or null when it is language (or when there is too
 * little of it to tell). The reason reads after "not text: ".
 */
export function findNotTextReason(text: string): string | null {
  const e = measureWordEvidence(text);
  const suspicion = suspectNotText(e);
  if (!suspicion) return null;
  if (hasRecurringWords(e) || bestStopWordShare(e) >= MIN_STOP_WORD_SHARE) return null;
  return suspicion;
}

function suspectNotText(e: WordEvidence): string | null {
  const pct = (a: number, b: number) => Math.round((100 * a) / b);
  if (e.nonSpace >= MIN_JUDGED_CHARS && e.wordChars < MIN_WORD_CHAR_SHARE * e.nonSpace) {
    return `${pct(e.nonSpace - e.wordChars, e.nonSpace)}% of its characters are symbols or undecodable bytes, and its letters form no words of any language`;
  }
  if (e.spacedLetters >= MIN_JUDGED_CHARS && e.partedLetters < MIN_PARTED_LETTER_SHARE * e.spacedLetters) {
    return `${pct(e.spacedLetters - e.partedLetters, e.spacedLetters)}% of its letters stand in runs of over ${MAX_WORD_RUN_CHARS} characters without a space: no words of any language`;
  }
  if (e.words >= MIN_WORDS_FOR_RECURRENCE && !hasRecurringWords(e)) {
    return `its letters form no words of any language (of ${e.words} word-length runs, ${pct(e.recurring, e.units)}% recur; every language repeats its words)`;
  }
  return null;
}

function hasRecurringWords(e: WordEvidence): boolean {
  return e.units > 0 && e.recurring >= MIN_RECURRENCE * e.units;
}

/**
 * The largest share of letters that stand in stop words of one language: whole tokens of two letters
 * or more in spaced scripts (a random one-letter token is too often a word), for unspaced ones the
 * characters covered by stop words of two characters or more, matched longest first.
 */
function bestStopWordShare(e: WordEvidence): number {
  let best = 0;
  const tokenLetters = e.tokens.reduce((n, t) => n + [...t].length, 0);
  const unspacedChars = e.unspacedRuns.reduce((n, r) => n + r.length, 0);
  for (const list of stopWordLists()) {
    let hits = 0;
    let base = 0;
    if (list.unspaced) {
      base = unspacedChars;
      for (const chars of e.unspacedRuns) hits += coveredChars(chars, list.words, list.longest);
    } else {
      base = tokenLetters;
      for (const token of e.tokens) if (list.words.has(token)) hits += [...token].length;
    }
    if (base >= MIN_STOP_WORD_BASE) best = Math.max(best, hits / base);
  }
  return best;
}

function coveredChars(chars: string[], words: Set<string>, longest: number): number {
  let covered = 0;
  for (let i = 0; i < chars.length; ) {
    let match = 0;
    for (let k = Math.min(longest, chars.length - i); k >= 2; k--) {
      if (words.has(chars.slice(i, i + k).join(''))) {
        match = k;
        break;
      }
    }
    covered += match;
    i += match || 1;
  }
  return covered;
}

interface StopWordList {
  words: Set<string>;
  /** Written without spaces (Chinese, Japanese, Thai): matched inside runs. */
  unspaced: boolean;
  longest: number;
}

let lists: StopWordList[] | undefined;

function stopWordLists(): StopWordList[] {
  lists ??= stopWordLanguages().map((language) => {
    const words = new Set(stopWords(language).map((w) => w.toLowerCase()).filter((w) => [...w].length >= 2));
    const unspaced = [...words].filter((w) => UNSPACED_CHAR.test(w)).length * 2 > words.size;
    return { words, unspaced, longest: Math.max(0, ...[...words].map((w) => [...w].length)) };
  });
  return lists;
}
