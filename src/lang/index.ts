export { detectLanguage, resolveLanguage, type LanguageGuess } from './detect-language.js';
export { splitSentences, splitWords, type Sentence } from './sentences.js';
export { wordCount } from './word-count.js';
export { hasUnspacedScript, UNSPACED_SCRIPT, UNSPACED_SCRIPT_CLASS } from './scripts.js';
