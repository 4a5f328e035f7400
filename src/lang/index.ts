export { detectLanguage, type LanguageGuess } from './detect-language.js';
export { splitSentences, splitWords, type Sentence } from './sentences.js';
