// Plain data types shared by every stage. No I/O here.

/** How precisely a date is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A calendar date (ISO `YYYY-MM-DD`) with the precision it really has. */
export interface CalendarDate {
  /** First day covered, ISO `YYYY-MM-DD`. */
  start: string;
  /** Last day covered when the expression names a range ("June 18th and 19th"). */
  end?: string;
  precision: DatePrecision;
}

/** What ingest hands to extraction: one document as it was found. */
export interface RawDocument {
  /** Where it came from, for messages and provenance: a file path, `file.jsonl:LINE`, or a URL. */
  origin: string;
  /** File path when read from disk. */
  path?: string;
  url?: string;
  /** `text` for scraped page text, `html` for markup. */
  format: 'text' | 'html';
  body: string;
  /** When the page was fetched (ISO 8601): relative stamps ("2 hours ago") count from it. */
  fetchedAt?: string;
  /**
   * What the place it was listed in said of it (a feed item, a sitemap entry, a WARC record): candidates
   * beside the page's own metadata and weaker than it. Dates are ISO 8601: `published` a feed item's or
   * news sitemap's publication date, or a WARC record's capture date (the page is at most that new);
   * `modified` a sitemap's lastmod.
   */
  listing?: { kind: 'feed' | 'sitemap' | 'warc'; title?: string; published?: string; modified?: string; summary?: string; language?: string };
  /** Best-effort decisions taken while reading it (a guessed charset, a truncated page). */
  warnings?: string[];
  /** Metadata supplied with the document (JSONL fields); trusted over what extraction guesses. */
  hints: {
    id?: string;
    title?: string;
    published?: string;
    language?: string;
    source?: string;
  };
}

/** Which signal gave a publication date: supplied metadata, structured data, markup, the URL, the visible text, or inference. */
export type DateSignal = 'supplied' | 'json-ld' | 'meta' | 'time' | 'url' | 'text' | 'inferred' | 'story' | 'feed' | 'sitemap' | 'capture';

/** Output of extraction: clean text plus metadata, each with the signal it came from. */
export interface ExtractedArticle {
  origin: string;
  path?: string;
  url?: string;
  suppliedId?: string;
  title: string;
  /** Main text, paragraphs separated by blank lines, boilerplate removed. */
  text: string;
  /** The outlet that published it (site name, publisher, host); null when nothing on the page names it. */
  source: string | null;
  /** The news agency it credits ("AFP", "dpa/AFP", "الوكالات"), when it credits one: never the outlet. */
  agency: string | null;
  published: CalendarDate | null;
  publishedSource: DateSignal | null;
  /** How far the publication date is trusted (0-1), when a page or inference gave it; supplied dates are certain. */
  publishedConfidence?: number;
  /** Language stated by the input (JSONL field or HTML lang attribute). */
  declaredLanguage: string | null;
  /** Language of the page furniture (masthead, dateline), which tells the outlet's conventions. */
  chromeLanguage: string | null;
  authors: string[];
  canonicalUrl: string | null;
  /** Lead image. */
  imageUrl: string | null;
  /** Last-modified date, when the page states one. */
  modified: CalendarDate | null;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface EntityMention {
  /** Canonical name: one per real-world thing. */
  name: string;
  type: EntityType;
  /** The surface forms seen in this article. */
  aliases: string[];
  mentions: number;
}

/** A date expression found in the text, resolved to the calendar. */
export interface DateMention extends CalendarDate {
  text: string;
  /** The sentence the expression occurs in. */
  sentence: string;
  /** Offset of the sentence in the article text; orders mentions. */
  offset: number;
  /** True when the expression is only a point of reference ("since 2000"); the same as `kind === 'reference'`. */
  reference: boolean;
  /**
   * What the date is to the report: an event, a point of reference, a forecast or target ("by 2022"),
   * or the commemorated past of an anniversary ("the 10th anniversary of the 2014 attack"). Only
   * events are developments of a timeline. Analyses stored before this field read as event/reference.
   */
  kind: DateMentionKind;
  /** Told as background ("had", "previously"): an event, but not the report's own news. */
  background?: boolean;
  /** Past or future reading of the clause around it. */
  tense: 'past' | 'future';
}

export type DateMentionKind = 'event' | 'reference' | 'forecast' | 'anniversary';


/** Direct or reported speech, with its speaker resolved to an entity where one is known. */
export interface Quote {
  /** Canonical entity name of the speaker, or null when the speaker is not a known entity. */
  speaker: string | null;
  /** The speaker as written ("Peskov", "Kremlin spokesman Dmitry Peskov", "ông Lavrov"). */
  speakerText: string;
  /** The quoted words (direct) or the reported clause (reported), without quotation marks. */
  text: string;
  kind: 'direct' | 'reported';
  /** Offsets of `text` in the article's title + newline + text. */
  start: number;
  end: number;
}

/** Output of enrichment. */
export interface EnrichedArticle extends ExtractedArticle {
  language: string;
  languageConfidence: number;
  entities: EntityMention[];
  dates: DateMention[];
  /** Yearless day/month expressions ("May 8") kept for resolving once a reference year is known. */
  unresolvedDates: UnresolvedDate[];
  /** Content words, lower-cased, for lexical similarity. */
  terms: string[];
  /** Headline character grams, for headline similarity (keyed apart from body terms). */
  titleTerms: string[];
  quotes: Quote[];
}

/**
 * What clustering and copy detection compare an article by, none of it dependent on corpus
 * statistics: worked out once at ingest and stored with the article, so that a stored article is
 * compared without reading back its text and analysis.
 */
export interface ArticleFeatures {
  language: string;
  /** Publication day (days since 1970-01-01); null when unknown or only inferred from the content. */
  publishedDay: number | null;
  textLength: number;
  /** Distinct body terms and how often each occurs, aligned. */
  terms: string[];
  termCounts: number[];
  /** Distinct headline grams and their counts, aligned. */
  titleTerms: string[];
  titleCounts: number[];
  entities: Array<{ name: string; type: EntityType; mentions: number }>;
  /** Months (YYYY-MM) of the developments it dates (not points of reference, not bare years). */
  months: string[];
  /** Language-independent content: figures and the days of dated developments (lib/reported-facts). */
  facts: string[];
  /** A unit sentence embedding of the headline and lead, when a local model is configured (`--embeddings`). */
  embedding?: number[];
}

export interface UnresolvedDate {
  text: string;
  sentence: string;
  offset: number;
  month: number;
  /** Absent for a month alone ("in May"). */
  day?: number;
  endDay?: number;
  /** Past/future reading of the clause, used to pick the year. */
  tense: 'past' | 'future';
  reference: boolean;
  kind: DateMentionKind;
  background?: boolean;
}

/** An article as stored, with its identity and story. */
export interface StoredArticle extends EnrichedArticle {
  id: string;
  /** Identity: the text's fingerprint and where it came from (re-ingesting the same input adds nothing). */
  contentHash: string;
  /** Fingerprint of the text alone: syndicated copies share it. */
  textHash: string;
  storyId: string | null;
  /** The development of its story this article reports (articles about the same development share it). */
  eventId: string | null;
  /** The original this article copies (a syndicated, lightly edited or translated re-post); null for originals. */
  duplicateOf: string | null;
  ingestedAt: string;
  /** Why the article was placed where it is (`storyline why`); null for rows stored before it was kept. */
  placement: Placement | null;
}

/** How an article came to its story: the evidence and the scores, so a user can trust or correct it. */
export interface Placement {
  decision: 'new-story' | 'joined' | 'copy';
  /** Score of the story joined (or of the best candidate, for a new story), and the bar it had to clear. */
  storyScore: number;
  joinThreshold: number;
  articlesCompared: number;
  storiesCompared: number;
  bestMatch: PlacementMatch | null;
  runnerUp: { storyId: string; score: number } | null;
  mergedStories: string[];
  event: { id: string; joined: boolean; withArticle: string | null };
  copy: { of: string; method: CopyMethod; similarity: number } | null;
}

/** How a copy was recognised: the same text, a light edit of it, or a translation. */
export type CopyMethod = 'exact' | 'near' | 'translation';

/** The stored original an article copies (dedup's decision), how it was recognised and how alike they are. */
export interface CopyDecision {
  id: string;
  storyId: string;
  eventId: string | null;
  method: CopyMethod;
  similarity: number;
}

/** How alike two articles are, and the evidence: what clustering compares and `storyline why` shows. */
export interface SimilarityBreakdown {
  /** The probability that the two report one story (the fitted same-story model). */
  score: number;
  /** The pieces of evidence the score was computed from, each in [0, 1] (cluster/pair-evidence). */
  evidence: Record<string, number>;
  /** Which model scored the pair: one language, two languages whose words compare, or two scripts (names and figures only). */
  comparedBy: 'within' | 'across' | 'acrossScripts';
  /** Within a language: the blend of body and headline similarity. */
  lexicalScore: number;
  bodyScore: number;
  titleScore: number;
  entityScore: number;
  dateScore: number;
  /** Cosine of the two sentence embeddings, when both articles have one (`--embeddings`). */
  embeddingScore: number | null;
  sharedEntities: string[];
  /** The shared terms that weigh most (within a language). */
  sharedTerms: string[];
  /** Months in which both articles date a development. */
  sharedMonths: string[];
  /** Days between the two publication dates, when both are known. */
  gapDays: number | null;
}

/** The closest story member an article was compared with, and how alike they are (scores rounded). */
export interface PlacementMatch extends SimilarityBreakdown {
  articleId: string;
  title: string;
  storyId: string;
}

export interface TimelinePoint extends CalendarDate {
  date: string;
  text: string;
  articles: string[];
  /** Developments before the story's window are background, shown apart. */
  kind: 'development' | 'background';
}

export interface StorySummary {
  id: string;
  title: string;
  /** Original articles (syndicated copies apart). */
  articleCount: number;
  copyCount: number;
  eventCount: number;
  languages: string[];
  firstDate: string | null;
  lastDate: string | null;
}

/** A listed date (at its precision) and how many of a story's originals carry it. */
export interface DayCount {
  date: string;
  count: number;
}

export interface StoryEntity {
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
}

export interface StoryView {
  id: string;
  title: string;
  summary: string;
  languages: string[];
  articles: Array<{
    id: string;
    title: string;
    source: string | null;
    url: string | null;
    path: string | null;
    language: string;
    published: string | null;
    publishedPrecision: DatePrecision | null;
    publishedInferred: boolean;
    /** The development (event) of the story the article reports. */
    eventId: string | null;
    /** Set on syndicated copies: the original's id. Copies are not counted as separate coverage. */
    duplicateOf: string | null;
  }>;
  timeline: TimelinePoint[];
  background: TimelinePoint[];
  entities: StoryEntity[];
  /** The outlets of the originals (copies apart), most originals first, then by name. */
  outlets: StoryOutlet[];
  /** Originals whose outlet is unknown: never counted as an outlet. */
  unknownOutletArticles: number;
}

/** An outlet of a story: its originals, their languages (most used first) and first and last publication dates as listed. */
export interface StoryOutlet {
  name: string;
  articles: number;
  languages: string[];
  first: string | null;
  last: string | null;
}
