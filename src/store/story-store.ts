// The storage contract. Implementations: sqlite/ (embedded, default).
import type { CalendarDate, DateMention, DateSignal, EntityType, StoredArticle, UnresolvedDate } from '../domain/index.js';

export interface CandidateQuery {
  /** Canonical entity names of the new article. */
  entities: string[];
  /** Entities in more than this many articles are too common to retrieve by. */
  maxEntityFrequency: number;
  limit: number;
}

export interface CorpusStats {
  articleCount: number;
  entityFrequency: Map<string, number>;
  termFrequency: Map<string, number>;
}

export interface AddArticleOptions {
  newStory: boolean;
  mergeStoryIds?: string[];
  dateUpdates: DateUpdate[];
}

export interface DateUpdate {
  id: string;
  published: CalendarDate;
  publishedSource: DateSignal;
  dates: DateMention[];
  unresolvedDates: UnresolvedDate[];
}

/**
 * Guarantees:
 * - `addArticle` is atomic: the article, its entity index rows, corpus statistics, its story and
 *   any date updates land together or not at all, so a crash mid-ingest leaves no partial article.
 * - Content hashes are unique: adding an article whose hash is stored is refused, so re-ingesting
 *   the same input adds nothing.
 * - Reads return articles in ingest order unless stated otherwise.
 */
export interface EntityListing {
  name: string;
  type: EntityType;
  /** Stored articles that mention it. */
  articles: number;
  mentions: number;
}

export interface StoryStore {
  hasContentHash(hash: string): boolean;
  /** Stored articles that share an entity with the query, most recent first, without duplicates. */
  findCandidates(query: CandidateQuery): StoredArticle[];
  corpusStats(entities: string[], terms: string[]): CorpusStats;
  /**
   * Stores the article in `article.storyId` (created when `newStory`), first merging `mergeStoryIds`
   * into that story: their articles move over and their ids redirect to it.
   */
  addArticle(article: StoredArticle, options: AddArticleOptions): void;
  /** The current id of a story, following merges; null when unknown. */
  resolveStoryId(id: string): string | null;
  getArticle(id: string): StoredArticle | null;
  listArticles(storyId?: string): StoredArticle[];
  listStoryIds(): string[];
  storyArticles(storyId: string): StoredArticle[];
  close(): void;

  // --- Read queries for the HTTP API ---

  /**
   * Canonical entity names starting with `prefix` (case-insensitive for ASCII letters), most
   * reported first (articles, then mentions, then name); every entity when the prefix is empty.
   */
  listEntities(prefix: string, limit: number): EntityListing[];
}
