// An evaluation's corpus: its articles' comparison features, the document frequencies of their
// entities and terms, and each article's profile under them (each feature worked out once).
import type { EnrichedArticle } from '../domain/index.js';
import { articleFeatures, corpusIdf, documentTerms, similarityProfile, type SimilarityProfile } from '../cluster/index.js';

/** Each article's similarity profile, weighted by the statistics of these articles. */
export function profileCorpus(articles: EnrichedArticle[]): SimilarityProfile[] {
  const features = articles.map((a) => articleFeatures(a));
  const entityFrequency = new Map<string, number>();
  const termFrequency = new Map<string, number>();
  for (const f of features) {
    for (const name of new Set(f.entities.map((e) => e.name))) entityFrequency.set(name, (entityFrequency.get(name) ?? 0) + 1);
    for (const t of documentTerms(f)) termFrequency.set(t, (termFrequency.get(t) ?? 0) + 1);
  }
  const stats = { articleCount: articles.length, entityFrequency, termFrequency };
  const idf = corpusIdf(stats);
  return features.map((f) => similarityProfile(f, stats, idf));
}
