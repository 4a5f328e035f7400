// Timeline: a story's articles -> title, summary, dated developments (oldest first), entities.
import { isEventMention, type DatePrecision, type EnrichedArticle, type StoredArticle, type StoryEntity, type StoryOutlet, type StoryView, type TimelinePoint } from '../domain/index.js';
import { addDays, fromIso, toIso } from '../time/index.js';
import { mostCentralArticle } from './central-article.js';
import { summarizeTopic } from './topic-timeline.js';

/** Developments this long before the story's first report are background, shown apart. */
const BACKGROUND_DAYS = 180;
const MAX_POINT_TEXT = 280;
const SUMMARY_ARTICLES = 3;

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

/** Not a syndicated copy: copies are listed with their original but are not separate coverage. */
export function isOriginal(a: { duplicateOf: string | null }): boolean {
  return !a.duplicateOf;
}

export function buildStoryView(storyId: string, articles: StoredArticle[]): StoryView {
  const listed = [...articles].sort(byPublished);
  // Syndicated copies are listed with their original but are not separate coverage: the timeline,
  // title, summary and counts come from the originals.
  const ordered = listed.filter(isOriginal);
  const languages = languagesByCount(ordered);
  const mainLanguage = languages[0] ?? 'und';
  const central = centralOriginal(ordered, languages);
  const points = timelinePoints(ordered, mainLanguage);
  const firstPublished = ordered.find((a) => a.published)?.published?.start ?? null;
  const threshold = firstPublished ? toIso(addDays(fromIso(firstPublished), -BACKGROUND_DAYS)) : null;
  for (const p of points) p.kind = threshold && p.start < threshold ? 'background' : 'development';
  return {
    id: storyId,
    title: central?.title ?? '',
    // 2-4 central sentences without dangling openers or page furniture (topic-timeline), else the leads.
    summary: summarizeTopic(ordered, mainLanguage) || storySummary(ordered, mainLanguage, central),
    languages,
    articles: listed.map(articleListing),
    timeline: points.filter((p) => p.kind === 'development'),
    background: points.filter((p) => p.kind === 'background'),
    entities: storyEntities(ordered),
    outlets: storyOutlets(ordered),
    unknownOutletArticles: ordered.filter((a) => !a.source).length,
  };
}

/**
 * The known outlets of the originals (`source`; an empty one is unknown). Names that differ only in the
 * case of ASCII letters are one outlet, named by the first of them in code order (as the stores count them).
 */
function storyOutlets(originals: StoredArticle[]): StoryOutlet[] {
  const byKey = new Map<string, StoredArticle[]>();
  for (const a of originals) {
    if (!a.source) continue;
    const key = a.source.replace(/[A-Z]/g, (c) => c.toLowerCase());
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  return [...byKey.values()]
    .map((articles) => {
      const name = articles.map((a) => a.source!).sort(codeOrder)[0]!;
      const dates = articles.flatMap((a) => (a.published ? [formatPublished(a.published.start, a.published.precision)] : [])).sort(codeOrder);
      return { name, articles: articles.length, languages: languagesByCount(articles), first: dates[0] ?? null, last: dates.at(-1) ?? null };
    })
    .sort((a, b) => b.articles - a.articles || codeOrder(a.name, b.name));
}

function codeOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The story's title: the headline of its most central original in its main language. The ingest
 * asks for it at every write and the store keeps it with the story's summary (the story list reads
 * it from there); the story view computes it the same way.
 */
export function storyTitle(articles: StoredArticle[]): string {
  const ordered = [...articles].sort(byPublished).filter(isOriginal);
  return centralOriginal(ordered, languagesByCount(ordered))?.title ?? '';
}

/** `ordered`: originals oldest first (ties: the central one is the first met); `languages`: most used first. */
function centralOriginal(ordered: StoredArticle[], languages: string[]): StoredArticle | null {
  return mostCentralArticle(ordered, languages[0] ?? 'und');
}

/** How an article is listed in a story, and the common part of every article rendering. */
export function articleListing(a: StoredArticle): StoryView['articles'][number] {
  return {
    id: a.id,
    title: a.title,
    source: a.source,
    url: a.url ?? null,
    path: a.path ?? null,
    language: a.language,
    ...publicationFields(a),
    eventId: a.eventId,
    duplicateOf: a.duplicateOf,
  };
}

/** How every article rendering gives its publication date: written at its precision, and whether Storyline guessed it. */
export function publicationFields(a: Pick<EnrichedArticle, 'published' | 'publishedSource'>): { published: string | null; publishedPrecision: DatePrecision | null; publishedInferred: boolean } {
  return {
    published: a.published ? formatPublished(a.published.start, a.published.precision) : null,
    publishedPrecision: a.published?.precision ?? null,
    // From the developments the article reports, or from its story: not a date the page gave.
    publishedInferred: a.publishedSource === 'inferred' || a.publishedSource === 'story',
  };
}

export function formatPublished(start: string, precision: DatePrecision): string {
  return precision === 'year' ? start.slice(0, 4) : precision === 'month' ? start.slice(0, 7) : start.slice(0, 10);
}

function byPublished(a: StoredArticle, b: StoredArticle): number {
  const x = a.published?.start ?? '9999';
  const y = b.published?.start ?? '9999';
  return x < y ? -1 : x > y ? 1 : a.ingestedAt.localeCompare(b.ingestedAt);
}

function languagesByCount(articles: StoredArticle[]): string[] {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.language, (counts.get(a.language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
}

/** The central report's lead, then the opening sentences of the first and the latest report, in the main language. */
function storySummary(articles: StoredArticle[], mainLanguage: string, central: StoredArticle | null): string {
  const pool = articles.filter((a) => a.language === mainLanguage);
  const picks = central ? [central, ...[pool[0], pool[pool.length - 1]].filter((a) => a && a !== central)] : pool;
  return [...new Set(picks.slice(0, SUMMARY_ARTICLES).map((a) => leadSentence(a!.text)).filter(Boolean))].join(' ');
}

function leadSentence(text: string): string {
  const paragraph = text.split('\n').find((p) => p.split(' ').length >= 8) ?? '';
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(paragraph)?.[0] ?? paragraph;
  return truncate(sentence);
}

function truncate(s: string): string {
  return s.length <= MAX_POINT_TEXT ? s : `${s.slice(0, MAX_POINT_TEXT - 1).trimEnd()}…`;
}

interface PointDraft {
  start: string;
  end?: string;
  precision: DatePrecision;
  texts: Array<{ text: string; language: string; fromTitle: boolean }>;
  articles: Set<string>;
}

/** Each article's own news (its headline on its publication date) and every development it dates. */
function timelinePoints(articles: StoredArticle[], mainLanguage: string): TimelinePoint[] {
  const drafts = new Map<string, PointDraft>();
  const add = (start: string, end: string | undefined, precision: DatePrecision, text: string, article: StoredArticle, fromTitle: boolean) => {
    // Developments starting the same day are one point ("June 18th and 19th" and "on Tuesday, June 18").
    const key = `${start}|${precision}`;
    const draft = drafts.get(key) ?? { start, precision, texts: [], articles: new Set<string>() };
    if (end && (!draft.end || end > draft.end)) draft.end = end;
    draft.texts.push({ text: truncate(text), language: article.language, fromTitle });
    draft.articles.add(article.id);
    drafts.set(key, draft);
  };
  for (const a of articles) {
    if (a.published) add(a.published.start, undefined, a.published.precision, a.title, a, true);
    for (const d of a.dates) {
      // Points of reference, forecasts ("by 2030") and anniversaries are not developments.
      if (!isEventMention(d)) continue;
      add(d.start, d.precision === 'day' ? d.end : undefined, d.precision, d.sentence, a, d.sentence === a.title);
    }
  }
  const names = entityNames(articles);
  const kept = dropRetoldAtCoarserPrecision([...drafts.values()]);
  return kept
    .map((d) => toPoint(d, mainLanguage, names))
    .sort((a, b) => a.start.localeCompare(b.start) || PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] || (a.end ?? '').localeCompare(b.end ?? ''));
}

/** Every way the story's entities are written, for judging which sentence tells a point best. */
function entityNames(articles: StoredArticle[]): string[] {
  const names = new Set<string>();
  for (const a of articles) for (const e of a.entities) for (const n of [e.name, ...e.aliases]) if (n.length > 2) names.add(n);
  return [...names];
}

/**
 * The sentence that tells a point: one in the story's main language, a headline, the one naming
 * most of the story's entities (machine-translated text mangles names), then the shortest.
 */
function toPoint(draft: PointDraft, mainLanguage: string, names: string[]): TimelinePoint {
  const named = (text: string) => names.filter((n) => text.includes(n)).length;
  const ranked = draft.texts
    .map((t) => ({ ...t, named: named(t.text) }))
    .sort(
      (a, b) =>
        Number(b.language === mainLanguage) - Number(a.language === mainLanguage) ||
        Number(b.fromTitle) - Number(a.fromTitle) ||
        b.named - a.named ||
        a.text.length - b.text.length,
    );
  return {
    date: formatPublished(draft.start, draft.precision),
    start: draft.start,
    ...(draft.end ? { end: draft.end } : {}),
    precision: draft.precision,
    text: ranked[0]!.text,
    articles: [...draft.articles].sort(),
    kind: 'development',
  };
}

/**
 * A point is dropped when a finer point in its range already tells every sentence of it
 * (an undated page's headline at "2024-06" and the same headline dated June 18).
 */
function dropRetoldAtCoarserPrecision(drafts: PointDraft[]): PointDraft[] {
  const rangeEnd = (d: PointDraft) => d.end ?? endOf(d.start, d.precision);
  return drafts.filter((coarse) => {
    const finer = drafts.filter(
      (f) => PRECISION_RANK[f.precision] < PRECISION_RANK[coarse.precision] && f.start >= coarse.start && f.start <= rangeEnd(coarse),
    );
    const told = new Set(finer.flatMap((f) => f.texts.map((t) => t.text)));
    return !coarse.texts.every((t) => told.has(t.text));
  });
}

/** Last day a date at this precision covers. */
export function endOf(start: string, precision: DatePrecision): string {
  if (precision === 'year') return `${start.slice(0, 4)}-12-31`;
  if (precision === 'month') return `${start.slice(0, 7)}-31`;
  return start;
}

function storyEntities(articles: StoredArticle[]): StoryEntity[] {
  const byName = new Map<string, StoryEntity & { articleCount: number }>();
  for (const a of articles) {
    for (const e of a.entities) {
      const current = byName.get(e.name) ?? { name: e.name, type: e.type, aliases: [], mentions: 0, articleCount: 0 };
      current.mentions += e.mentions;
      current.articleCount++;
      for (const alias of e.aliases) if (!current.aliases.includes(alias)) current.aliases.push(alias);
      byName.set(e.name, current);
    }
  }
  return [...byName.values()]
    .sort((a, b) => b.articleCount - a.articleCount || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .map(({ name, type, aliases, mentions }) => ({ name, type, aliases, mentions }));
}
