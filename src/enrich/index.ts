// Enrich: ExtractedArticle -> EnrichedArticle (language, entities, dates, terms).
import type { EnrichedArticle, ExtractedArticle } from '../domain/index.js';
import { resolveLanguage, splitSentences } from '../lang/index.js';
import { isAlias, nameWordKind } from './entities/gazetteer.js';
import { recognizeEntities } from './entities/recognize.js';
import { findQuotes } from './quotes/index.js';
import { repairGluedWords } from './repair/glued-words.js';
import { contentTerms, headlineTerms } from './terms/content-terms.js';
import { findDateMentions } from './time/date-mentions.js';
import { inferFromContent } from './time/infer-published.js';
import { minDateConfidence } from '../time/index.js';

export { inferFromStory, inferFromContent } from './time/infer-published.js';
export { datesFromStory, type DatingMember } from './time/dates-from-story.js';
export { recognizeEntities } from './entities/recognize.js';
export { contentTerms, lightStem } from './terms/content-terms.js';
export { embeddingText, loadSentenceEmbedder, type SentenceEmbedder } from './embeddings/sentence-embedder.js';

/** The gazetteer as the glued-word repair reads names; one object, so the repair's per-word cache lasts. */
const names = { kindOf: nameWordKind, isAlias };

export interface EnrichOptions {
  /** Today's date (ISO): nothing is published after it. */
  today?: string;
}

export function enrichArticle(extracted: ExtractedArticle, options: EnrichOptions = {}): EnrichedArticle {
  // The text decides; a language the input declares is a hint that stands for short or ambiguous texts.
  const { language, confidence } = resolveLanguage(extracted.declaredLanguage, `${extracted.title}\n${extracted.text}`);
  // Glued words are split first, so every later step reads "Putin will", not "Putinwill".
  const article = { ...extracted, title: repairGluedWords(extracted.title, language, names).text, text: repairGluedWords(extracted.text, language, names).text };
  const fullText = `${article.title}\n${article.text}`;
  const entities = recognizeEntities(fullText, language);
  const sentences = splitSentences(fullText, language);
  const mentions = findDateMentions(sentences, language, article.published, article.chromeLanguage);
  let { published, publishedSource, publishedConfidence } = article;
  let dates = mentions.dates;
  let unresolved = mentions.unresolved;
  if (!published) {
    const inferred = inferFromContent(dates, unresolved, options.today ?? new Date().toISOString().slice(0, 10), { undatedNews: mentions.undatedNews > 0 });
    // Below the stored confidence the article stays undated rather than wrongly dated.
    if (inferred && inferred.confidence >= minDateConfidence()) {
      published = inferred.published;
      publishedSource = 'inferred';
      publishedConfidence = inferred.confidence;
      dates = [...dates, ...inferred.resolved].sort((a, b) => a.offset - b.offset);
      unresolved = inferred.stillUnresolved;
    }
  }
  return {
    ...article,
    published,
    publishedSource,
    ...(publishedConfidence !== undefined ? { publishedConfidence } : {}),
    language,
    languageConfidence: confidence,
    entities,
    dates,
    unresolvedDates: unresolved,
    terms: contentTerms(fullText, language),
    titleTerms: headlineTerms(article.title),
    quotes: findQuotes(fullText, language, entities),
  };
}
