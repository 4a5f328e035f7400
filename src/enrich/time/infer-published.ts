// A publication date for pages that print none: the latest development the article reports,
// with only the precision that evidence supports (never a day).
import type { CalendarDate, DateMention, DatePrecision, UnresolvedDate } from '../../domain/index.js';
import { daysBetween, fromIso, monthDate, resolveYearless, yearDate } from '../../time/index.js';

export interface InferredPublication {
  published: CalendarDate;
  /** Yearless mentions that the inference placed in a year. */
  resolved: DateMention[];
  stillUnresolved: UnresolvedDate[];
}

/**
 * Within the article: yearless dates ("June 18th", "in May") fall in the twelve months from the
 * latest dated development it names ("September 2023"), as news reports what followed.
 */
export function inferFromContent(dates: DateMention[], unresolved: UnresolvedDate[], today: string): InferredPublication | null {
  const events = reportedEvents(dates, today);
  if (events.length === 0) return null;
  const anchor = fromIso(events.reduce((a, b) => (b.start > a.start ? b : a)).start);
  const resolved = unresolved.map((u) => {
    const sameYear = { y: anchor.y, m: u.month, d: u.day ?? 1 };
    const y = daysBetween(anchor, sameYear) >= 0 ? anchor.y : anchor.y + 1;
    return toMention(u, y);
  });
  return { published: latestAsPublication(reportedEvents([...events, ...resolved], today)), resolved, stillUnresolved: [] };
}

/**
 * Developments that date the report: not mere references ("since 2000"), not after today;
 * past-tense ones, plus announced ones due soon after the latest of them ("will visit on
 * June 18"), but not forecasts years ahead ("by 2050").
 */
function reportedEvents(dates: DateMention[], today: string): DateMention[] {
  const usable = dates.filter((d) => !d.reference && d.start <= today);
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
  return { published: latestAsPublication(events), resolved, stillUnresolved: [] };
}

function toMention(u: UnresolvedDate, year: number): DateMention {
  const date = resolveYearless({ m: u.month, ...(u.day !== undefined ? { d: u.day } : {}), ...(u.endDay !== undefined ? { endDay: u.endDay } : {}) }, year);
  return { ...date, text: u.text, sentence: u.sentence, offset: u.offset, reference: u.reference, tense: u.tense };
}

/** The month (or year) of the latest development: a report is published around it. */
function latestAsPublication(events: CalendarDate[]): CalendarDate {
  const latest = events.reduce((a, b) => (b.start > a.start ? b : a));
  const date = fromIso(latest.start);
  const precision: DatePrecision = latest.precision === 'year' ? 'year' : 'month';
  return precision === 'year' ? yearDate(date.y) : monthDate(date.y, date.m);
}
