// An extracted article built from plain fields (fixtures, benchmarks, callers that hold text and a
// date): the metadata extraction would have found is empty.
import type { ExtractedArticle } from './types.js';

export interface PlainArticleFields extends Partial<ExtractedArticle> {
  origin: string;
  title: string;
  text: string;
  /** Publication day, ISO (YYYY-MM-DD), as supplied. */
  publishedDay?: string;
}

export function plainArticle({ publishedDay, ...fields }: PlainArticleFields): ExtractedArticle {
  return {
    source: null,
    agency: null,
    published: publishedDay ? { start: publishedDay, precision: 'day' } : null,
    publishedSource: publishedDay ? 'supplied' : null,
    declaredLanguage: null,
    chromeLanguage: null,
    authors: [],
    canonicalUrl: null,
    imageUrl: null,
    modified: null,
    ...fields,
  };
}
