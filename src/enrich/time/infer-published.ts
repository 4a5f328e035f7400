// A publication date for pages that print none: the latest development the article reports,
// with only the precision that evidence supports (never a day), and never from a forecast ("by 2022"),
// an anniversary's past, a point of reference or a past told as background ("had", "previously").
import { isEventMention, type CalendarDate, type DateMention, type DatePrecision, type UnresolvedDate } from '../../domain/index.js';
import { combineConfidence, confidenceOf, daysBetween, fromIso, monthDate, resolveYearless, yearDate } from '../../time/index.js';

export interface InferredPublication {
  published: CalendarDate;
  /**
   * How far the inferred date is trusted: the prior of an inferred date for each development the
   * article reports in that month (data/time/date-signals.json), combined.
   */
  confidence: number;
  /** Yearless mentions that the inference placed in a year. */
  resolved: DateMention[];
  stillUnresolved: UnresolvedDate[];
}

/**
 * Within the article: yearless dates ("June 18th", "in May") fall in the twelve months from the
 * latest dated development it names ("September 2023"), as news reports what followed. When the
 * article tells its own news only as "on Sunday" or "yesterday", a dated development elsewhere is as
 * likely background (a 2019 attack report recalling May 2018): that inference is trusted less.
 */
export function inferFromContent(dates: DateMention[], unresolved: UnresolvedDate[], today: string, options: { undatedNews?: boolean } = {}): InferredPublication | null {
  const events = reportedEvents(dates, today);
  if (events.length === 0) return null;
  const anchor = fromIso(events.reduce((a, b) => (b.start > a.start ? b : a)).start);
  const resolved = unresolved.map((u) => {
    const sameYear = { y: anchor.y, m: u.month, d: u.day ?? 1 };
    const y = daysBetween(anchor, sameYear) >= 0 ? anchor.y : anchor.y + 1;
    return toMention(u, y);
  });
  return { ...asPublication(reportedEvents([...events, ...resolved], today), options.undatedNews ? 'inferred-beside-undated-news' : 'inferred'), resolved, stillUnresolved: [] };
}

/**
 * Developments that date the report: events (not references, forecasts or anniversaries), not told as
 * background, not after today; past-tense ones, plus announced ones due soon after the latest of them
 * ("will visit on June 18"), but not forecasts years ahead ("by 2050").
 */
function reportedEvents(dates: DateMention[], today: string): DateMention[] {
  const usable = dates.filter((d) => isEventMention(d) && !d.background && d.start <= today);
  const past = usable.filter((d) => d.tense === 'past');
  if (past.length === 0) return usable;
  const latestPast = fromIso(past.reduce((a, b) => (b.start > a.start ? b : a)).start);
  return usable.filter((d) => d.tense === 'past' || daysBetween(latestPast, fromIso(d.start)) <= ANNOUNCEMENT_LEAD_DAYS);
}

/** How far ahead an announced development still dates the report that announces it. */
const ANNOUNCEMENT_LEAD_DAYS = 62;

/**
 * From the story: when an article names no year at all ("May 8"), its yearless dates fall in the
 * year that puts them nearest the publication dates of the other articles of its story.
 */
export function inferFromStory(unresolved: UnresolvedDate[], storyDates: string[]): InferredPublication | null {
  if (unresolved.length === 0 || storyDates.length === 0) return null;
  const context = storyDates.map(fromIso);
  const years = [...new Set(context.map((c) => c.y))].flatMap((y) => [y - 1, y, y + 1]);
  const resolved = unresolved.map((u) => {
    let best = years[0]!;
    let bestDistance = Infinity;
    for (const y of years) {
      const date = { y, m: u.month, d: u.day ?? 15 };
      const distance = Math.min(...context.map((c) => Math.abs(daysBetween(c, date))));
      if (distance < bestDistance) {
        best = y;
        bestDistance = distance;
      }
    }
    return toMention(u, best);
  });
  const events = reportedEvents(resolved, '9999-12-31');
  if (events.length === 0) return null;
  return { ...asPublication(events), resolved, stillUnresolved: [] };
}

function toMention(u: UnresolvedDate, year: number): DateMention {
  const date = resolveYearless({ m: u.month, ...(u.day !== undefined ? { d: u.day } : {}), ...(u.endDay !== undefined ? { endDay: u.endDay } : {}) }, year);
  return { ...date, text: u.text, sentence: u.sentence, offset: u.offset, reference: u.reference, kind: u.kind ?? (u.reference ? 'reference' : 'event'), ...(u.background ? { background: true } : {}), tense: u.tense };
}

/** The month (or year) of the latest development: a report is published around it. */
function asPublication(events: DateMention[], evidence: 'inferred' | 'inferred-beside-undated-news' = 'inferred'): { published: CalendarDate; confidence: number } {
  const latest = events.reduce((a, b) => (b.start > a.start ? b : a));
  const date = fromIso(latest.start);
  const precision: DatePrecision = latest.precision === 'year' ? 'year' : 'month';
  const published = precision === 'year' ? yearDate(date.y) : monthDate(date.y, date.m);
  // Each sentence reporting a development in that month is one more piece of evidence.
  const support = new Set(events.filter((e) => e.start >= published.start && e.start <= (published.end ?? published.start)).map((e) => e.sentence));
  return { published, confidence: combineConfidence([...support].map(() => confidenceOf(evidence))) };
}
