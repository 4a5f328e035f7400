// An article as both stores keep it: its columns, with the analysis (entities, dates, quotes, ...) kept
// whole as JSON, and the mapping back to the domain's StoredArticle.
import type { DatePrecision, DateSignal, Placement, StoredArticle } from '../domain/index.js';
import type { CopyCandidate } from './story-store.js';

/** What an article's analysis column holds. */
export type Analysis = Pick<
  StoredArticle,
  'entities' | 'dates' | 'unresolvedDates' | 'terms' | 'titleTerms' | 'quotes' | 'agency' | 'declaredLanguage' | 'chromeLanguage' | 'authors' | 'canonicalUrl' | 'imageUrl' | 'modified'
>;

/** An articles row with its JSON columns parsed (SQLite keeps them as text, PostgreSQL as JSONB). */
export interface ArticleRecord {
  id: string;
  content_hash: string;
  external_id: string | null;
  origin: string;
  path: string | null;
  url: string | null;
  title: string;
  text: string;
  source: string | null;
  language: string;
  language_confidence: number;
  published: string | null;
  published_end: string | null;
  published_precision: DatePrecision | null;
  published_source: DateSignal | null;
  story_id: string | null;
  duplicate_of: string | null;
  ingested_at: string;
  analysis: Partial<Analysis>;
  text_hash: string | null;
  source_key: string | null;
  event_id: string | null;
  placement: Placement | null;
}

export function analysisOf(article: StoredArticle): Analysis {
  return {
    entities: article.entities,
    dates: article.dates,
    unresolvedDates: article.unresolvedDates,
    terms: article.terms,
    titleTerms: article.titleTerms,
    quotes: article.quotes,
    agency: article.agency,
    declaredLanguage: article.declaredLanguage,
    chromeLanguage: article.chromeLanguage,
    authors: article.authors,
    canonicalUrl: article.canonicalUrl,
    imageUrl: article.imageUrl,
    modified: article.modified,
  };
}

export function articleFromRecord(row: ArticleRecord): StoredArticle {
  // Fields added after the first release default when an older row lacks them.
  const analysis = { agency: null, authors: [], canonicalUrl: null, imageUrl: null, modified: null, quotes: [], titleTerms: [], ...row.analysis } as Analysis;
  return {
    id: row.id,
    contentHash: row.content_hash,
    origin: row.origin,
    ...(row.path ? { path: row.path } : {}),
    ...(row.url ? { url: row.url } : {}),
    ...(row.external_id ? { suppliedId: row.external_id } : {}),
    title: row.title,
    text: row.text,
    source: row.source,
    published: row.published
      ? { start: row.published, ...(row.published_end ? { end: row.published_end } : {}), precision: row.published_precision ?? 'day' }
      : null,
    publishedSource: row.published_source,
    language: row.language,
    languageConfidence: row.language_confidence,
    textHash: row.text_hash ?? row.content_hash,
    storyId: row.story_id,
    eventId: row.event_id,
    duplicateOf: row.duplicate_of,
    ingestedAt: row.ingested_at,
    placement: row.placement,
    ...analysis,
  };
}

/** The columns a copy look-up reads. */
export interface CopyRow {
  id: string;
  story_id: string | null;
  event_id: string | null;
  duplicate_of: string | null;
  source_key: string | null;
  origin: string;
  language: string;
}

export function toCopyCandidate(r: CopyRow): CopyCandidate {
  return { id: r.id, storyId: r.story_id, eventId: r.event_id, duplicateOf: r.duplicate_of, sourceKey: r.source_key, origin: r.origin, language: r.language };
}
