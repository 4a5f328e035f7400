// Stop words per language, from stopwords-iso (stop-word lists of 58 languages,
// https://github.com/stopwords-iso): loaded once for every stage that needs them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const STOPWORDS = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;

/** The language's stop words (none for a language the lists lack). */
export function stopWords(language: string): readonly string[] {
  return STOPWORDS[language] ?? [];
}

/** The languages that have a list (ISO 639-1 codes). */
export function stopWordLanguages(): readonly string[] {
  return Object.keys(STOPWORDS);
}
