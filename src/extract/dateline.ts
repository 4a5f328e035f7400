// Finds the publication stamp printed on a page line ("Báo Quốc Tế 11/02/2024", "18.06.2024 13:12").
import { wordCount } from '../lang/index.js';
import type { CalendarDate } from '../domain/index.js';
import { dayDate, findDates, fromIso, referenceFrom, resolveExpression, type NumericOrder } from '../time/index.js';

export interface DatelineMatch {
  date: CalendarDate;
  /** Text before the date on the same line: often the outlet's name. */
  prefix: string;
}

/** A dateline is short: a stamp, maybe an outlet or author, maybe a time. */
const MAX_DATELINE_WORDS = 12;

export function findDateline(line: string, language: string, order: NumericOrder, fetchedAt?: string): DatelineMatch | null {
  const trimmed = line.trim();
  if (wordCount(trimmed) > MAX_DATELINE_WORDS) return null;
  // Careless stripping glues names to dates ("Tế11/02/2024"); give the date its own word first.
  const spaced = trimmed.replace(/(\p{L})(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})/gu, '$1 $2');
  for (const lang of new Set([language, 'en'])) {
    for (const found of findDates(spaced, { language: lang, numericOrder: order })) {
      // A stamp is a full date, or "3 hours ago" counted from the fetch time.
      const ago = found.kind === 'relative' && found.relative.unit === 'day' && found.relative.offset <= 0 && fetchedAt;
      if (found.kind !== 'full' && !ago) continue;
      const ref = fetchedAt ? referenceFrom(dayDate(fromIso(fetchedAt))) : null;
      const date = resolveExpression(found, ref, 'past');
      if (date) return { date, prefix: spaced.slice(0, found.index).trim() };
    }
  }
  return null;
}
