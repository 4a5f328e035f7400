// A timeline across any selection of articles (a search, an entity, a period), not one story: the
// days most reported, each told by its earliest report. A plain stand-in with the engine's contract
// (issue 16): points are day-precision developments and publication days, importance is how many
// distinct originals report the day.
import type { DatePrecision, StoredArticle } from '../domain/index.js';
import { addDays, fromIso, toIso } from '../time/index.js';
import { mostCentralArticle } from './central-article.js';

export interface TopicTimelinePoint {
  date: string;
  start: string;
  end?: string;
  precision: DatePrecision;
  text: string;
  language: string;
  articles: string[];
  sources: string[];
  otherLanguages: string[];
  /** 0..1 */
  importance: number;
}

export interface TopicTimeline {
  /** N most important, in date order. */
  points: TopicTimelinePoint[];
  background: Array<TopicTimelinePoint & { reason: string }>;
  summary: string;
  language: string;
  articleCount: number;
}

export interface TopicTimelineOptions {
  points?: number;
  language?: string;
  from?: string;
  to?: string;
}

/** Developments this long before the selection's first report are background. */
const BACKGROUND_DAYS = 180;
const MAX_TEXT = 280;
const MIN_DEFAULT_POINTS = 5;
const MAX_DEFAULT_POINTS = 30;

interface Report {
  article: StoredArticle;
  /** The original it counts as (itself, or the article it copies). */
  original: string;
  text: string;
  end?: string;
}

export function buildTopicTimeline(articles: readonly StoredArticle[], options: TopicTimelineOptions = {}): TopicTimeline {
  const originals = articles.filter((a) => !a.duplicateOf);
  const language = options.language ?? mainLanguage(originals.length ? originals : articles);
  const days = reportsByDay(articles, options);
  const firstReport = [...articles].map((a) => a.published?.start).filter((d): d is string => !!d && d.length === 10).sort()[0];
  const threshold = firstReport ? toIso(addDays(fromIso(firstReport), -BACKGROUND_DAYS)) : null;
  const most = Math.max(1, ...[...days.values()].map(distinctOriginals));
  const all = [...days].map(([day, reports]) => toPoint(day, reports, language, !options.language, distinctOriginals(reports) / most)).filter((p): p is TopicTimelinePoint => p !== null);
  const current = all.filter((p) => !threshold || p.start >= threshold);
  const wanted = options.points ?? defaultPointCount(current.length, originals.length);
  return {
    points: mostImportant(current, wanted).sort(byDate),
    background: all.filter((p) => threshold && p.start < threshold).sort(byDate).map((p) => ({ ...p, reason: `more than ${BACKGROUND_DAYS} days before the first report` })),
    summary: leadSentence(mostCentralArticle(originals.filter((a) => a.language === language), language)?.text ?? ''),
    language,
    articleCount: originals.length,
  };
}

/** Each article's publication day and every day-precision development it dates, within the period. */
function reportsByDay(articles: readonly StoredArticle[], options: TopicTimelineOptions): Map<string, Report[]> {
  const days = new Map<string, Report[]>();
  const add = (day: string, report: Report) => {
    if ((options.from && day < options.from) || (options.to && day > options.to)) return;
    days.set(day, [...(days.get(day) ?? []), report]);
  };
  for (const article of articles) {
    const original = article.duplicateOf ?? article.id;
    if (article.published?.precision === 'day') add(article.published.start, { article, original, text: article.title });
    for (const d of article.dates) {
      if (d.reference || d.precision !== 'day') continue;
      add(d.start, { article, original, text: d.sentence, ...(d.end && d.end !== d.start ? { end: d.end } : {}) });
    }
  }
  return days;
}

function distinctOriginals(reports: Report[]): number {
  return new Set(reports.map((r) => r.original)).size;
}

/**
 * The day told by its earliest report in the timeline's language, else (when `anyLanguage`) by its
 * earliest report; null when no report is in the language asked for.
 */
function toPoint(day: string, reports: Report[], language: string, anyLanguage: boolean, importance: number): TopicTimelinePoint | null {
  const ordered = [...reports].sort(byPublication);
  const teller = ordered.find((r) => r.article.language === language) ?? (anyLanguage ? ordered[0] : undefined);
  if (!teller) return null;
  const end = reports.map((r) => r.end).filter((e): e is string => !!e).sort().at(-1);
  return {
    date: day,
    start: day,
    ...(end ? { end } : {}),
    precision: 'day',
    text: truncate(teller.text),
    language: teller.article.language,
    articles: [...new Set(reports.filter((r) => !r.article.duplicateOf).map((r) => r.article.id))].sort(),
    sources: [...new Set(reports.map((r) => r.article.source).filter((s): s is string => !!s))].sort(),
    otherLanguages: [...new Set(reports.map((r) => r.article.language))].filter((l) => l !== teller.article.language).sort(),
    importance: Math.round(importance * 1000) / 1000,
  };
}

function byPublication(a: Report, b: Report): number {
  return (a.article.published?.start ?? '9999').localeCompare(b.article.published?.start ?? '9999') || a.article.ingestedAt.localeCompare(b.article.ingestedAt);
}

function byDate(a: TopicTimelinePoint, b: TopicTimelinePoint): number {
  return a.start.localeCompare(b.start);
}

/** The `n` most important points; ties go to the later day. */
function mostImportant(points: TopicTimelinePoint[], n: number): TopicTimelinePoint[] {
  return [...points].sort((a, b) => b.importance - a.importance || b.start.localeCompare(a.start)).slice(0, Math.max(0, n));
}

/** About one point per two originals, between 5 and 30, never more than there are days. */
function defaultPointCount(days: number, originals: number): number {
  return Math.min(days, Math.max(MIN_DEFAULT_POINTS, Math.min(MAX_DEFAULT_POINTS, Math.ceil(originals / 2))));
}

function mainLanguage(articles: readonly StoredArticle[]): string {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.language, (counts.get(a.language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'und';
}

function leadSentence(text: string): string {
  const paragraph = text.split('\n').find((p) => p.split(' ').length >= 8) ?? '';
  return truncate(/^.+?[.!?](?=\s|$)/u.exec(paragraph)?.[0] ?? paragraph);
}

function truncate(s: string): string {
  return s.length <= MAX_TEXT ? s : `${s.slice(0, MAX_TEXT - 1).trimEnd()}…`;
}
