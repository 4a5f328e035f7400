// Terms that say nothing about a story: the stop words of the article's language (lib/stop-words), in
// the form content terms take (the light stem). They keep their place in the stored features and the
// copy fingerprints; similarity gives them no weight.
import { lightStem } from '../enrich/terms/content-terms.js';
import { stopWords } from '../lib/stop-words.js';

const byLanguage = new Map<string, ReadonlySet<string>>();

export function stopTerms(language: string): ReadonlySet<string> {
  let set = byLanguage.get(language);
  if (!set) {
    set = new Set(stopWords(language).map(lightStem));
    byLanguage.set(language, set);
  }
  return set;
}
