// Terms that say nothing about a story: the stop words of the article's language (stopwords-iso, 58
// languages), in the form content terms take (folded, cut to the light stem). They keep their place
// in the stored features and the copy fingerprints; similarity gives them no weight.
import { createRequire } from 'node:module';
import { foldWord } from '../lib/data-files.js';

const require = createRequire(import.meta.url);
const STOPWORDS = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
/** The light stem of spaced alphabetic languages (enrich/terms/content-terms.ts). */
const STEM_CHARS = 6;
const byLanguage = new Map<string, ReadonlySet<string>>();

export function stopTerms(language: string): ReadonlySet<string> {
  let set = byLanguage.get(language);
  if (!set) {
    set = new Set((STOPWORDS[language] ?? []).map((w) => foldWord(w).slice(0, STEM_CHARS)));
    byLanguage.set(language, set);
  }
  return set;
}
