// An article's comparison features (domain ArticleFeatures), worked out once at ingest from its analysis.
import type { ArticleFeatures, EnrichedArticle } from '../domain/index.js';
import { reportedFacts } from '../lib/reported-facts.js';
import { epochDay } from '../time/index.js';
import { skeletonKey } from './pair-evidence.js';

export type FeatureInput = Pick<EnrichedArticle, 'text' | 'titleTerms' | 'entities' | 'terms' | 'language' | 'published' | 'publishedSource' | 'dates'>;

/** Features of an analysed article, with its sentence embedding when a model made one. */
export function articleFeatures(x: FeatureInput, embedding?: number[]): ArticleFeatures {
  const body = counted(x.terms);
  const title = counted(x.titleTerms);
  return {
    language: x.language,
    // A date guessed from the developments an article reports is no evidence of when it appeared.
    publishedDay: x.publishedSource !== 'inferred' ? epochDay(x.published?.start) : null,
    textLength: x.text.length,
    terms: [...body.keys()],
    termCounts: [...body.values()],
    titleTerms: [...title.keys()],
    titleCounts: [...title.values()],
    entities: x.entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
    months: [...new Set(x.dates.filter((d) => !d.reference && d.precision !== 'year').map((d) => d.start.slice(0, 7)))],
    facts: [...reportedFacts(x)],
    // Five decimals keep cosines to 1e-4 and the stored features small.
    ...(embedding ? { embedding: embedding.map((v) => Math.round(v * 1e5) / 1e5) } : {}),
  };
}

/**
 * The terms an article adds to the corpus statistics (document frequencies): its body terms, its
 * headline grams and the consonant skeletons of its longer terms (cross-language cognate keys).
 */
export function documentTerms(f: Pick<ArticleFeatures, 'terms' | 'titleTerms'>): string[] {
  const out = new Set([...f.terms, ...f.titleTerms]);
  for (const t of f.terms) {
    const key = skeletonKey(t);
    if (key) out.add(key);
  }
  return [...out];
}

function counted(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
