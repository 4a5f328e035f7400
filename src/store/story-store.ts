// The storage contract. Implementations: sqlite/ (embedded, default), postgres/ (several processes).
import type { LiveStore } from './live-store.js';
import type { ArticleFeatures, CalendarDate, DateMention, DateSignal, DayCount, EntityType, StoredArticle, StorySummary, UnresolvedDate } from '../domain/index.js';

/** Frequencies are read through `get`: an implementation may keep them anywhere. */
export interface Frequencies {
  get(key: string): number | undefined;
}

export interface CorpusStats {
  articleCount: number;
  entityFrequency: Frequencies;
  termFrequency: Frequencies;
}

/** A publication window, in days since 1970-01-01. */
export interface DayWindow {
  fromDay: number;
  toDay: number;
}

/** A stored original as clustering sees it: its place and the features it is compared by. */
export interface ClusterCandidate {
  id: string;
  title: string;
  storyId: string;
  eventId: string | null;
  features: ArticleFeatures;
}

/** A stored article with the same text, or a near-duplicate signature match. */
export interface CopyCandidate {
  id: string;
  storyId: string | null;
  eventId: string | null;
  duplicateOf: string | null;
  /** The `sourceKey` it was stored under (null for rows stored before it was kept). */
  sourceKey: string | null;
  origin: string;
  language: string;
}

export interface ArticleIndex {
  /** Where the article came from (file path, JSONL id, URL): with the text hash, its identity. */
  sourceKey: string;
  /** Retrieval keys (entities and distinctive terms) for later articles' candidates; none for copies. */
  keys: string[];
  minhash: Uint32Array;
  lshBuckets: number[];
  /** What later articles compare it by (stored with it). */
  features: ArticleFeatures;
  /** The terms it counts in the corpus statistics (document frequencies). */
  documentTerms: string[];
}

export interface AddArticleOptions {
  newStory: boolean;
  mergeStoryIds?: string[];
  dateUpdates: DateUpdate[];
  index: ArticleIndex;
  /**
   * The title of `article.storyId` once the article is in it, as the timeline stage decides it
   * (`storyTitle`); without it the story's title is undecided until `setStoryTitle`.
   */
  storyTitle?: string;
  /**
   * Clustering's decision whether the article opens an event of its own (a copy never does). Given,
   * with no merge and no date update, the store counts the article into its story's summary alone
   * instead of counting the story's members again: the write costs the article, not the story.
   */
  opensEvent?: boolean;
}

export interface DateUpdate {
  id: string;
  published: CalendarDate;
  publishedSource: DateSignal;
  dates: DateMention[];
  unresolvedDates: UnresolvedDate[];
  /** The article's comparison features under its new date. */
  features: ArticleFeatures;
}

/** Articles for a selection (a topic timeline): every given condition holds. */
export interface ArticleQuery {
  /** A current story id (resolve merged ids first). */
  storyId?: string;
  /**
   * Every word occurs in the title, the text or an entity's name or alias, as a word or the start of
   * one (case and accents ignored).
   */
  words?: string[];
  /** Mentions at least one of these canonical entity names. */
  entities?: string[];
  /**
   * Published in the period, or dating a development in it (points of reference do not count).
   * ISO days, inclusive; either end may be open.
   */
  from?: string;
  to?: string;
}

/**
 * What the story list shows of a story (domain StorySummary), as stored at its last write. The title
 * is null until the timeline stage has decided it (stories stored before summaries were kept).
 * outletCount: the distinct outlets (`source`; names differing only in the case of ASCII letters are
 * one) of its originals; an article without one is no outlet, a copy adds none.
 */
export type StorySummaryRow = Omit<StorySummary, 'title'> & { title: string | null; outletCount: number };

/** The list's orders: newest last date; most originals; most outlets. Ties: newest last date, then id. */
export type StoryListSort = 'newest' | 'size' | 'outlets';

/**
 * A page of the story list, in `sort` order (default newest: newest last date first, undated last,
 * then by id). Every condition given holds.
 */
export interface StoryListQuery {
  sort?: StoryListSort;
  /** Every word occurs in some article of the story (title, text, an entity's name or alias), as a word or the start of one. */
  words?: string[];
  /** One of the languages of its originals. */
  language?: string;
  /** An outlet of its originals: this whole name, ASCII letters in either case (other letters as written). */
  outlet?: string;
  /**
   * Some article of it names one of these canonical entity names. Costs the entities' articles (an
   * index look-up per name), not the page: a widely reported entity is a long look-up.
   */
  entities?: string[];
  /** At least this many originals. */
  minArticles?: number;
  /** Its first..last dates overlap the period (dates compare at their own precision); undated stories never do. */
  from?: string;
  to?: string;
  /**
   * Its last date as listed (at its precision; '' when undated) compares, as text, at or after
   * `from` and before `before`: a range of the sort's index for the newest order.
   */
  lastDate?: { from?: string; before?: string };
  /**
   * The sort key of the last story of the previous page (`sortKey`): the values of the sort's
   * columns (newest: [lastDate or '']; size: [articleCount, lastDate or '']; outlets: [outletCount,
   * lastDate or '']), and its id.
   */
  after?: { key: Array<string | number>; id: string };
  limit: number;
}

/** The keyset of a story in a sort: what `StoryListQuery.after` takes to continue after it. */
export function sortKey(sort: StoryListSort, s: Pick<StorySummaryRow, 'articleCount' | 'outletCount' | 'lastDate' | 'id'>): { key: Array<string | number>; id: string } {
  const activity = s.lastDate ?? '';
  const key = sort === 'size' ? [s.articleCount, activity] : sort === 'outlets' ? [s.outletCount, activity] : [activity];
  return { key, id: s.id };
}

/** Every language of stored originals: in how many stories, and how many originals. */
export interface LanguageListing {
  code: string;
  stories: number;
  articles: number;
}

/** An outlet (a `source`, ASCII case apart; named by its first spelling in code order): its original articles and the stories they are in. */
export interface OutletListing {
  name: string;
  articles: number;
  stories: number;
}

export interface EntityListing {
  name: string;
  type: EntityType;
  /** Stored articles that mention it. */
  articles: number;
  mentions: number;
}

/**
 * Guarantees:
 * - `addArticle` is atomic: the article, its index rows, corpus statistics, its story and any date
 *   updates land together or not at all, so a crash mid-ingest leaves no partial article.
 * - Identities (`contentHash`) are unique: adding an article whose identity is stored is refused, so
 *   re-ingesting the same input adds nothing. Both stores refuse with ArticleExistsError, also when
 *   another process stored it between the caller's look-up and its add.
 * - Placement is serialised per key (`withPlacement`): of two articles sharing a retrieval key, the
 *   second reads its candidates after the first's write has committed, so two processes placing
 *   related articles at once never open two stories where one would have been opened.
 * - Candidate look-ups cost the same however large the store grows: they read an index bounded by
 *   key frequency, time window and limit, never every article.
 * - Reads return articles in ingest order unless stated otherwise.
 * - The live-news guarantees (feeds, fetched pages, alerts) are LiveStore's (live-store.ts); addArticle
 *   makes the article's URL and canonical URL known pages in its own transaction.
 */
export interface StoryStore extends LiveStore {
  hasContentHash(hash: string): Promise<boolean>;
  /** Stored articles with exactly this text. */
  findByTextHash(textHash: string): Promise<CopyCandidate[]>;
  /** Stored originals in this language whose signature shares an LSH bucket, with their signatures. */
  findNearDuplicates(lshBuckets: number[], language: string): Promise<Array<CopyCandidate & { minhash: Uint32Array }>>;
  /** Stored originals sharing index keys with the query, most keys shared first. */
  /**
   * For each key, the ids of the originals indexed under it: those published in the window, most
   * recent first, at most `perKey`, then at most `perKey` undated ones (always in any window).
   * Which keys to ask and how to rank what comes back is clustering's business (src/cluster).
   */
  findKeyPostings(keys: string[], window: DayWindow, perKey: number): Promise<Map<string, string[]>>;
  /** The stored originals with these ids as clustering compares them, in the order given (unknown ids left out). */
  getCandidates(ids: string[]): Promise<ClusterCandidate[]>;
  /**
   * Corpus statistics (article count, document frequencies) as of the last stored article. A store
   * shared by several processes may lag behind the others' latest articles by a bound it documents.
   */
  corpusStats(): Promise<CorpusStats>;
  /**
   * Runs `work` (an article's look-ups, its placement decision and at most one addArticle) holding
   * the placement locks of `keys` (its query keys): another placement sharing a key waits until this
   * article's write commits, and then sees it. Locks are taken in one order by every writer, before
   * any story row, so they cannot deadlock each other. The article commits on its own when `work`
   * resolves; when `work` throws, nothing of it stays. Inside an open batch `work` runs as it is, and
   * the article commits with the batch: batches are for one writer, placing with other processes is
   * for one article per transaction (`ingest --workers`). `work` may run more than once: a transaction the database rolls back
   * to break a deadlock is run again, so it must have no effects outside the store before it resolves.
   * SQLite runs `work` as it is: one writer per file, and a batch holds the file's write lock from
   * its start (BEGIN IMMEDIATE), so its look-ups and writes are never interleaved with another's.
   */
  withPlacement<T>(keys: string[], work: () => Promise<T>): Promise<T>;
  /**
   * Stores the article in `article.storyId` (created when `newStory`), first merging `mergeStoryIds`
   * into that story: their articles move over and their ids redirect to it.
   */
  addArticle(article: StoredArticle, options: AddArticleOptions): Promise<void>;
  /**
   * Groups the articles added until `commitBatch` into one durable commit. Each article stays
   * all-or-nothing within it; a crash loses at most the uncommitted batch, never what was committed,
   * and re-running the ingest adds what was lost. Reads see the batch's articles at once.
   */
  beginBatch(): Promise<void>;
  /** Makes the batch durable; a no-op without one. */
  commitBatch(): Promise<void>;
  /** Stored articles without comparison features (stored before features were kept), oldest first. */
  articlesWithoutFeatures(limit: number): Promise<StoredArticle[]>;
  setFeatures(id: string, features: ArticleFeatures): Promise<void>;
  /** The current id of a story, following merges; null when unknown. */
  resolveStoryId(id: string): Promise<string | null>;
  /**
   * A value that changes whenever what the story's view is built from changes (an article or copy
   * added, a story merged in, members' dates updated: each is a write of the story), null for a
   * story id that is not current. Readers cache views by it.
   */
  storyVersion(storyId: string): Promise<string | null>;
  getArticle(id: string): Promise<StoredArticle | null>;
  listArticles(storyId?: string): Promise<StoredArticle[]>;
  listStoryIds(): Promise<string[]>;
  storyArticles(storyId: string): Promise<StoredArticle[]>;
  /** Members of the story without a publication date that name dates without a year (the ones a story can date). */
  undatedArticles(storyId: string): Promise<StoredArticle[]>;
  /** Publication dates (ISO) of the story's members dated by themselves, not by their story. */
  publishedDates(storyId: string): Promise<string[]>;
  close(): Promise<void>;

  // --- Read queries for the HTTP API ---

  /**
   * Canonical entity names starting with `prefix` (case-insensitive for ASCII letters), most
   * reported first (articles, then mentions, then name); every entity when the prefix is empty.
   */
  listEntities(prefix: string, limit: number): Promise<EntityListing[]>;
  /**
   * One page of the story list, read from the stored summaries: its cost is the page's, whatever
   * the number of stories (an index range walked from the cursor; words through the full-text index).
   */
  findStorySummaries(query: StoryListQuery): Promise<StorySummaryRow[]>;
  /**
   * Every language of stored originals with its stories and originals, most stories first (then
   * originals, then code): one pass over the stories' languages (the summaries), not the articles.
   */
  listLanguages(): Promise<LanguageListing[]>;
  /**
   * Outlets whose name starts with `prefix` (ASCII letters in either case), most originals first (then
   * stories, then name): one pass over the stories' outlets of that prefix (the summaries).
   */
  listOutlets(prefix: string, limit: number): Promise<OutletListing[]>;
  /** The newest publication date (ISO day) of a stored original, null when none is dated: an index's end. */
  newestPublicationDate(): Promise<string | null>;
  /** Every story's summary, newest last date first, then the most recently written. */
  listStorySummaries(): Promise<StorySummaryRow[]>;
  /**
   * The publication dates of each story's originals, at their precision, each with how many originals
   * carry it, in date order: counted by the database, so a story of 30,000 articles is a few hundred
   * rows (one per day) rather than 30,000.
   */
  storyPublicationDays(storyIds: string[]): Promise<Map<string, DayCount[]>>;
  /**
   * Stories whose summary has no title: written since their title was set (a write leaves it
   * undecided), or stored before summaries were kept. With each, its number of articles and copies.
   */
  storiesWithoutTitle(limit: number): Promise<Array<{ id: string; members: number }>>;
  setStoryTitle(storyId: string, title: string): Promise<void>;

  // --- Selections (topic timelines) ---

  /** The stored articles (copies included) meeting every condition of the query, in ingest order. */
  findArticles(query: ArticleQuery): Promise<StoredArticle[]>;
  /**
   * Canonical names of the entities called `name`: by their canonical name or by an alias seen in an
   * article (case and accents ignored, the whole name). Most reported first; empty when none.
   */
  findEntityNames(name: string): Promise<string[]>;
}

/** An outlet name as the stores compare it: ASCII letters folded to lower case, others as written. */
export function outletKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** A write the story's summary can count by the article alone: no merge, no date update, the event decision given. */
export function countsAlone(options: AddArticleOptions): boolean {
  return options.opensEvent !== undefined && !options.newStory && !options.mergeStoryIds?.length && options.dateUpdates.length === 0;
}
