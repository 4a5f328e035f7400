// Content terms for lexical similarity: folded words, syllable bigrams where words are syllables,
// character bigrams where words are not spaced (the standard indexing unit for Chinese and Japanese
// search: no dictionary, and an order of magnitude cheaper than word segmentation).
import { foldText, foldWord } from '../../lib/data-files.js';
import { UNSPACED_SCRIPT, UNSPACED_SCRIPT_CLASS } from '../../lang/index.js';

/** Languages written one syllable per space-separated token: a bigram stands for a word. */
const SYLLABIC = new Set(['vi']);
const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);
const MIN_TERM_CHARS = 3;
/**
 * A light stem for spaced alphabetic languages: a word's first six letters, so inflections and
 * derivations of longer words meet (Präsidenten/Präsident, elecciones/elección, seçimleri/seçim).
 * Language-independent and cheap; on the SemEval-2022 pair sample it correlates better with human
 * same-story ratings than whole words (see docs/clustering.md).
 */
const STEM_CHARS = 6;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function contentTerms(text: string, language: string): string[] {
  if (UNSPACED.has(language)) return characterBigrams(text);
  // Words are folded one by one (and remembered): most of an article's words were seen before.
  const syllabic = SYLLABIC.has(language);
  const words: string[] = [];
  for (const [w] of text.matchAll(WORD)) {
    if ((!syllabic && w.length < MIN_TERM_CHARS) || /^\d+$/.test(w)) continue;
    words.push(syllabic ? foldWord(w) : lightStem(w));
  }
  if (!syllabic) return words;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) bigrams.push(`${words[i]}_${words[i + 1]}`);
  return bigrams;
}

/** A word as a term of a spaced alphabetic language: folded, cut to the light stem. */
export function lightStem(word: string): string {
  return foldWord(word).slice(0, STEM_CHARS);
}

/** A run of an unspaced script, or a run of other letters and digits (a Latin name inside). */
const UNSPACED_RUN = new RegExp(`[${UNSPACED_SCRIPT_CLASS}]+|[^\\s\\p{P}\\p{S}${UNSPACED_SCRIPT_CLASS}]+`, 'gu');

function characterBigrams(text: string): string[] {
  const terms: string[] = [];
  for (const [run] of text.matchAll(UNSPACED_RUN)) {
    const chars = [...run];
    // Latin words inside (names, acronyms) stay words.
    if (!UNSPACED_SCRIPT.test(run[0]!)) {
      if (chars.length >= MIN_TERM_CHARS) terms.push(foldText(run));
      continue;
    }
    if (chars.length === 1) terms.push(run);
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  }
  return terms;
}

const HEADLINE_GRAM = 4;
/** Marks headline grams apart from body terms where both share corpus statistics. */
export const HEADLINE_TERM_PREFIX = '#';

/**
 * Character 4-grams of the headline's folded words, for headline similarity: robust to inflection
 * in any script, and headlines are too short for word overlap. Keyed apart from body terms.
 */
export function headlineTerms(title: string): string[] {
  const grams: string[] = [];
  for (const word of title.toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (word.length < HEADLINE_GRAM) {
      if (word.length >= 2) grams.push(HEADLINE_TERM_PREFIX + word);
      continue;
    }
    for (let i = 0; i + HEADLINE_GRAM <= word.length; i++) grams.push(HEADLINE_TERM_PREFIX + word.slice(i, i + HEADLINE_GRAM));
  }
  return grams;
}
