// The API's schemas: they validate requests and, through @hono/zod-openapi, are the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { JsonlArticleSchema } from '../ingest/index.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const isoDate = (what: string) => z.string().regex(DATE, `${what} must be a date: YYYY, YYYY-MM or YYYY-MM-DD`);

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }) })
  .openapi('Error');

export const IdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 's1a2b3c4d5e' }) });

export const StoryListQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: "words that must all occur in the story's articles (titles, texts, entity names and aliases), as words or their starts (case and accents ignored)" }),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'lang must be a language code such as en or vi').optional(),
  from: isoDate('from').optional().openapi({ description: 'stories with coverage on or after this date' }),
  to: isoDate('to').optional().openapi({ description: 'stories with coverage on or before this date' }),
  sort: z
    .enum(['newest', 'size', 'outlets', 'growth'], { errorMap: () => ({ message: 'sort must be one of newest, size, outlets, growth' }) })
    .default('newest')
    .openapi({
      description:
        'newest: newest last date first (undated last); size: most original articles first; outlets: most outlets first (ties: newest, then id); ' +
        'growth: originals of the 7 days ending at referenceDay over max(1, originals before them), highest first, among the stories whose last date is in those days, ' +
        'then the other stories newest first (it costs the recent stories, not the corpus)',
    }),
  outlet: z.string().min(1, 'outlet must not be empty').max(200).optional().openapi({ description: 'stories with an original from this outlet (its exact name; ASCII letters in either case)' }),
  entity: z.string().min(1, 'entity must not be empty').max(200).optional().openapi({ description: "stories with an article naming this entity: its canonical name or an alias (case and accents ignored)" }),
  min: z.coerce
    .number({ invalid_type_error: 'min must be a whole number from 1 to 100000' })
    .int('min must be a whole number from 1 to 100000')
    .min(1, 'min must be a whole number from 1 to 100000')
    .max(100000, 'min must be a whole number from 1 to 100000')
    .optional()
    .openapi({ description: 'stories with at least this many original articles' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional().openapi({ description: '`nextCursor` of the previous page, with the same sort' }),
});

export const OutletQuery = z.object({
  q: z.string().max(200).default('').openapi({ description: 'prefix of the outlet name (ASCII letters in either case)' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const EntityQuery = z.object({
  q: z.string().max(200).default('').openapi({ description: 'prefix of the canonical name' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const Precision = z.enum(['day', 'month', 'year']);
const EntityType = z.enum(['person', 'organization', 'place']);

export const StorySummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    articleCount: z.number().int().openapi({ description: 'original articles; syndicated copies are counted apart' }),
    copyCount: z.number().int(),
    eventCount: z.number().int().openapi({ description: 'developments (events) the original articles report' }),
    languages: z.array(z.string()),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
    outletCount: z.number().int().openapi({ description: 'distinct known outlets of the original articles' }),
    coverage: z.array(z.number().int()).openapi({ description: 'articles per equal slice of the span firstDate..lastDate (a sparkline)' }),
    pageCoverage: z.array(z.number().int()).openapi({ description: "originals per equal slice (24) of the page's coverageWindow: every story of the page on one x scale" }),
    recent: z
      .object({
        last24h: z.number().int().openapi({ description: 'originals published on referenceDay' }),
        last7d: z.number().int().openapi({ description: 'originals published in the 7 days ending at referenceDay' }),
      })
      .openapi({ description: "originals published lately, counted from the store's newest publication day" }),
  })
  .openapi('StorySummary');

export const StoryListSchema = z
  .object({
    stories: z.array(StorySummarySchema),
    nextCursor: z.string().nullable().openapi({ description: 'the cursor of the next page; null when this is the last' }),
    referenceDay: z.string().nullable().openapi({ description: "the newest publication day stored: 'now' for recent counts and growth (null: no dated article)" }),
    coverageWindow: z
      .object({ from: z.string(), to: z.string() })
      .nullable()
      .openapi({ description: "the page's first..last date: the span of every story's pageCoverage (null: no dated story on the page)" }),
  })
  .openapi('StoryList');

export const LanguageListSchema = z
  .object({
    languages: z.array(
      z.object({
        code: z.string(),
        name: z.string().openapi({ description: 'its English name (the code when it has none)' }),
        stories: z.number().int(),
        articles: z.number().int().openapi({ description: 'original articles in it' }),
      }),
    ),
  })
  .openapi('LanguageList');

export const OutletListSchema = z
  .object({
    outlets: z.array(z.object({ name: z.string(), articles: z.number().int().openapi({ description: 'original articles' }), stories: z.number().int() })),
  })
  .openapi('OutletList');

export const TimelinePointSchema = z
  .object({
    date: z.string(),
    start: z.string(),
    end: z.string().optional(),
    precision: Precision,
    text: z.string(),
    articles: z.array(z.string()),
    kind: z.enum(['development', 'background']),
  })
  .openapi('TimelinePoint');

export const StoryEntitySchema = z.object({ name: z.string(), type: EntityType, aliases: z.array(z.string()), mentions: z.number().int() }).openapi('StoryEntity');

/** The publication date as every article rendering gives it (timeline/story-view.ts publicationFields). */
const PublicationFields = {
  published: z.string().nullable(),
  publishedPrecision: Precision.nullable(),
  publishedInferred: z.boolean(),
};

export const StoryArticleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    path: z.string().nullable(),
    language: z.string(),
    ...PublicationFields,
    eventId: z.string().nullable(),
    duplicateOf: z.string().nullable().openapi({ description: 'set on syndicated copies: the original article' }),
  })
  .openapi('StoryArticle');

/** The same object as `storyline story ID --json`. */
export const StoryViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    languages: z.array(z.string()),
    articles: z.array(StoryArticleSchema),
    timeline: z.array(TimelinePointSchema),
    background: z.array(TimelinePointSchema),
    entities: z.array(StoryEntitySchema),
    outlets: z
      .array(z.object({ name: z.string(), articles: z.number().int(), languages: z.array(z.string()), first: z.string().nullable(), last: z.string().nullable() }))
      .openapi({ description: 'the known outlets of the original articles, most articles first, then by name; first and last: their publication dates' }),
    unknownOutletArticles: z.number().int().openapi({ description: 'original articles whose outlet is unknown' }),
  })
  .openapi('Story');

export const TimelineSchema = z.object({ id: z.string(), timeline: z.array(TimelinePointSchema), background: z.array(TimelinePointSchema) }).openapi('Timeline');

export const StoryQuoteSchema = z
  .object({
    speaker: z.string().nullable(),
    speakerText: z.string(),
    text: z.string(),
    kind: z.enum(['direct', 'reported']),
    article: z.string(),
    source: z.string().nullable(),
    language: z.string(),
    published: z.string().nullable(),
  })
  .openapi('StoryQuote');

const DateReportSchema = z.object({ article: z.string(), source: z.string().nullable(), date: z.string(), sentence: z.string() });

export const SourceDifferencesSchema = z
  .object({
    outlets: z.array(z.string()).openapi({ description: 'the distinct known outlets' }),
    unknownOutletArticles: z.number().int().openapi({ description: 'articles whose outlet is unknown: not counted among the outlets' }),
    singleSource: z.array(z.object({ date: z.string(), text: z.string(), source: z.string(), articles: z.array(z.string()) })),
    dateConflicts: z.array(z.object({ similarity: z.number(), reports: z.tuple([DateReportSchema, DateReportSchema]) })),
  })
  .openapi('SourceDifferences');

/** The same object as one item of `storyline articles --json`. */
export const ArticleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.string().nullable().openapi({ description: 'the outlet that published it; null when the page does not name it' }),
    agency: z.string().nullable().openapi({ description: 'the news agency the article credits (AFP, dpa/AFP), never the outlet' }),
    url: z.string().nullable(),
    path: z.string().nullable(),
    origin: z.string(),
    externalId: z.string().nullable(),
    language: z.string(),
    languageConfidence: z.number(),
    ...PublicationFields,
    datePublishedSource: z.string().nullable(),
    modified: z.string().nullable(),
    authors: z.array(z.string()),
    canonicalUrl: z.string().nullable(),
    imageUrl: z.string().nullable(),
    entities: z.array(StoryEntitySchema),
    dates: z.array(z.object({ text: z.string(), start: z.string(), end: z.string().optional(), precision: Precision, reference: z.boolean(), kind: z.enum(['event', 'reference', 'forecast', 'anniversary']) })),
    quotes: z.array(z.object({ speaker: z.string().nullable(), speakerText: z.string(), text: z.string(), kind: z.enum(['direct', 'reported']) })),
    text: z.string(),
    story: z.string().nullable(),
    duplicateOf: z.string().nullable(),
  })
  .openapi('Article');

export const EntityListSchema = z
  .object({ entities: z.array(z.object({ name: z.string(), type: EntityType, articles: z.number().int(), mentions: z.number().int() })) })
  .openapi('EntityList');

/** One article as `POST /api/articles` takes it: the JSONL line schema the CLI validates with. */
export const ArticleInputSchema = JsonlArticleSchema.openapi('ArticleInput', {
  description: 'one article; `text` or `html` is required. An NDJSON body (application/x-ndjson) holds one such object per line.',
});

export const IngestResultSchema = z
  .object({
    added: z.number().int(),
    copies: z.number().int().openapi({ description: 'of those added, syndicated copies of stored articles (linked by duplicateOf)' }),
    duplicates: z.number().int().openapi({ description: 'articles already stored (the same text from the same source): not stored again' }),
    articles: z.array(z.string()).openapi({ description: 'ids of the articles added' }),
    stories: z.array(z.string()).openapi({ description: 'stories the added articles are in' }),
    warnings: z.array(z.object({ origin: z.string(), message: z.string() })),
  })
  .openapi('IngestResult');

export const TopicTimelineQuery = z.object({
  story: z.string().min(1).max(200).optional().openapi({ description: 'the articles of this story (a merged story answers under its old id)' }),
  q: z.string().max(200).optional().openapi({ description: 'articles whose title, text or entity names hold every word (case and accents ignored; a word matches the start of one)' }),
  entity: z.string().max(200).optional().openapi({ description: 'articles naming this entity: its canonical name or an alias (case and accents ignored)' }),
  from: isoDate('from').optional().openapi({ description: 'articles published or dating a development on or after this date' }),
  to: isoDate('to').optional().openapi({ description: 'articles published or dating a development on or before this date' }),
  language: z.string().regex(/^[a-z]{2,3}$/, 'language must be a language code such as en or vi').optional().openapi({ description: 'tell the points in this language' }),
  points: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'the N most important points, in date order (default: a size that fits the selection)' }),
});

const TopicTimelinePointSchema = z
  .object({
    date: z.string(),
    start: z.string(),
    end: z.string().optional(),
    precision: Precision,
    text: z.string().openapi({ description: 'the sentence (or headline) that tells the development' }),
    language: z.string().openapi({ description: 'the language of text' }),
    articles: z.array(z.string()).openapi({ description: 'the original articles reporting it (copies counted once)' }),
    sources: z.array(z.string()).openapi({ description: 'the outlets reporting it' }),
    otherLanguages: z.array(z.string()).openapi({ description: 'other languages it is reported in' }),
    importance: z.number().min(0).max(1),
  })
  .openapi('TopicTimelinePoint');

/** The same object as `storyline timeline --json`. */
export const TopicTimelineSchema = z
  .object({
    points: z.array(TopicTimelinePointSchema).openapi({ description: 'the most important dated developments, in date order' }),
    background: z.array(TopicTimelinePointSchema.extend({ reason: z.string() })),
    summary: z.string(),
    language: z.string(),
    articleCount: z.number().int().openapi({ description: 'original articles selected (copies apart)' }),
    selection: z.object({
      story: z.string().optional(),
      query: z.string().optional(),
      entity: z.string().optional(),
      entities: z.array(z.string()).optional().openapi({ description: 'the canonical names the entity was found under (empty: none)' }),
      from: z.string().optional(),
      to: z.string().optional(),
      language: z.string().optional(),
    }),
    articles: z.array(StoryArticleSchema).openapi({ description: 'the articles the points and background cite, oldest first' }),
  })
  .openapi('TopicTimeline');

export const HealthSchema = z.object({ status: z.literal('ok'), articles: z.number().int(), stories: z.number().int() }).openapi('Health');
