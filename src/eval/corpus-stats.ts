// Document frequencies of entities and terms over a set of analysed articles (an evaluation's corpus).
import type { EnrichedArticle } from '../domain/index.js';
import type { CorpusStats } from '../store/index.js';
import { articleFeatures, documentTerms } from '../cluster/index.js';

export function countDocumentFrequencies(articles: EnrichedArticle[]): CorpusStats {
  const entityFrequency = new Map<string, number>();
  const termFrequency = new Map<string, number>();
  for (const a of articles) {
    for (const name of new Set(a.entities.map((e) => e.name))) entityFrequency.set(name, (entityFrequency.get(name) ?? 0) + 1);
    for (const t of documentTerms(articleFeatures(a))) termFrequency.set(t, (termFrequency.get(t) ?? 0) + 1);
  }
  return { articleCount: articles.length, entityFrequency, termFrequency };
}
