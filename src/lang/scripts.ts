// Scripts written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Burmese. Word
// counts, the gazetteer and lexical terms all treat their text apart, from this one definition.
export const UNSPACED_SCRIPT_CLASS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';

/** One character of such a script. */
export const UNSPACED_SCRIPT = new RegExp(`[${UNSPACED_SCRIPT_CLASS}]`, 'u');
