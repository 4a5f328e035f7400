// Content terms for lexical similarity: folded words, or syllable bigrams where words are syllables.
import { foldText } from '../../lib/data-files.js';
import { splitWords } from '../../lang/index.js';

/** Languages written one syllable per space-separated token: a bigram stands for a word. */
const SYLLABIC = new Set(['vi']);
const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);
const MIN_TERM_CHARS = 3;

export function contentTerms(text: string, language: string): string[] {
  if (UNSPACED.has(language)) return splitWords(text, language).filter((w) => /\p{L}/u.test(w));
  const words = foldText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w && !/^\d+$/.test(w));
  if (SYLLABIC.has(language)) {
    const bigrams: string[] = [];
    for (let i = 0; i + 1 < words.length; i++) bigrams.push(`${words[i]}_${words[i + 1]}`);
    return bigrams;
  }
  return words.filter((w) => w.length >= MIN_TERM_CHARS);
}
