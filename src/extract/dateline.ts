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
  const stamp = findStamp(spaced, { language, order, ...(fetchedAt ? { fetchedAt } : {}) });
  return stamp ? { date: stamp.date, prefix: spaced.slice(0, stamp.index).trim() } : null;
}

export interface StampOptions {
  language: string;
  /** The page's convention for ambiguous numeric dates. */
  order?: NumericOrder;
  /** Fetch time (ISO): the reference for relative stamps. */
  fetchedAt?: string;
}

const HAS_DIGIT = /\p{Nd}/u;

/**
 * The date a short stamp states: a full date (in the page's language or English), else, counted from
 * the fetch time, a relative one that is not in the future ("3 hours ago", "yesterday"). Shared by
 * stripped-text datelines and HTML bylines.
 */
export function findStamp(text: string, options: StampOptions): { date: CalendarDate; index: number } | null {
  // Full dates all have digits, and most lines have none: finding dates is the costly part.
  if (!options.fetchedAt && !HAS_DIGIT.test(text)) return null;
  const ref = options.fetchedAt ? referenceFrom(dayDate(fromIso(options.fetchedAt))) : null;
  let relative: { date: CalendarDate; index: number } | null = null;
  for (const language of new Set([options.language, 'en'])) {
    for (const found of findDates(text, { language, ...(options.order ? { numericOrder: options.order } : {}) })) {
      if (found.kind === 'full') {
        const date = resolveExpression(found, null, 'past');
        if (date) return { date, index: found.index };
      } else if (!relative && ref && found.kind === 'relative' && found.relative.unit === 'day' && found.relative.offset <= 0) {
        const date = resolveExpression(found, ref, 'past');
        if (date) relative = { date, index: found.index };
      }
    }
  }
  return relative;
}
