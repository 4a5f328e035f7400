// Scripts written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Burmese. Word
// counts, the gazetteer and lexical terms all treat their text apart, from this one definition.
export const UNSPACED_SCRIPT_CLASS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';

/** One character of such a script. */
export const UNSPACED_SCRIPT = new RegExp(`[${UNSPACED_SCRIPT_CLASS}]`, 'u');

/**
 * Code units at or above Thai (U+0E00), outside Latin Extended Additional, Greek Extended and general
 * punctuation (U+1E00-2E7F): every script without spaces lies in this range, and most Latin, Cyrillic,
 * Arabic or Vietnamese text has nothing in it, which a plain range class settles fast.
 */
const MAYBE_UNSPACED = /[\u0e00-\u1dff\u2e80-\uffff]/;

/** Does the text hold a character of a script written without spaces? */
export function hasUnspacedScript(text: string): boolean {
  return MAYBE_UNSPACED.test(text) && UNSPACED_SCRIPT.test(text);
}
