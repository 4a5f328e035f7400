// Coverage over time: how many of a story's articles appeared in each slice of its span, for sparklines.
import type { DayCount, StoryView } from '../domain/index.js';
import { isOriginal } from './story-view.js';
import { daysBetween, fromIso } from '../time/index.js';

export const COVERAGE_BUCKETS = 24;

/** Counts of original articles (copies are not coverage) in equal slices from the first to the last
 * publication day (undated articles left out; a month or year date counts at its first day). */
export function storyCoverage(view: StoryView, buckets = COVERAGE_BUCKETS): number[] {
  const days = view.articles.filter(isOriginal).flatMap((a) => (a.published === null ? [] : [{ date: a.published, count: 1 }]));
  return coverageOfDays(days, buckets);
}

/** The same counts from the originals' publication dates as listed (at their precision, any order), each with its number of originals. */
export function coverageOfDays(published: DayCount[], buckets = COVERAGE_BUCKETS): number[] {
  const days = [...published].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const counts = new Array<number>(buckets).fill(0);
  if (days.length === 0) return counts;
  const first = fromIso(days[0]!.date);
  const span = daysBetween(first, fromIso(days[days.length - 1]!.date));
  for (const d of days) {
    const at = span === 0 ? buckets - 1 : Math.min(buckets - 1, Math.floor((daysBetween(first, fromIso(d.date)) / span) * buckets));
    counts[at]! += d.count;
  }
  return counts;
}

