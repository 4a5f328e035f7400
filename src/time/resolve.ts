// Resolves found date expressions against a reference date (usually the publication date).
import type { CalendarDate, DatePrecision } from '../domain/index.js';
import { addDays, dayDate, daysBetween, daysInMonth, fromIso, monthDate, toIso, weekday, yearDate, type Ymd } from './calendar.js';
import type { DateExpression } from './find-dates.js';

export interface ReferenceDate {
  date: Ymd;
  precision: DatePrecision;
}

export type Tense = 'past' | 'future';

/** Slack around the reference when choosing the year of a yearless date: reports lag events by days. */
const SLACK_DAYS = 7;

/** The calendar date an expression names, or null when the reference is too vague to tell. */
export function resolveExpression(expr: DateExpression, ref: ReferenceDate | null, tense: Tense): CalendarDate | null {
  switch (expr.kind) {
    case 'full':
      return dayDate({ y: expr.y, m: expr.m, d: expr.d }, expr.endDay ? { y: expr.y, m: expr.m, d: expr.endDay } : undefined);
    case 'month':
      return monthDate(expr.y, expr.m);
    case 'year':
      return yearDate(expr.y);
    case 'yearless': {
      if (!ref || ref.precision === 'year') return null;
      const y = pickYear(expr.m, expr.d ?? 1, ref, tense);
      return resolveYearless(expr, y);
    }
    case 'weekday':
      if (!ref || ref.precision !== 'day') return null;
      return dayDate(nearestWeekday(ref.date, expr.weekday, tense));
    case 'relative':
      return resolveRelative(expr.relative.unit, expr.relative.offset, ref);
    case 'offset':
      return resolveOffset(expr, ref);
    case 'dayOfMonth':
      if (!ref || ref.precision !== 'day') return null;
      return dayDate(dayInNearestMonth(expr.d, ref.date, tense));
  }
}

/** 去年11月 (a month of last year), 今月27日 (a day of this month). */
function resolveOffset(expr: { unit: 'year' | 'month'; offset: number; m?: number; d?: number }, ref: ReferenceDate | null): CalendarDate | null {
  if (!ref) return null;
  if (expr.unit === 'year') {
    const y = ref.date.y + expr.offset;
    if (expr.m === undefined) return yearDate(y);
    return expr.d === undefined ? monthDate(y, expr.m) : dayDate({ y, m: expr.m, d: Math.min(expr.d, daysInMonth(y, expr.m)) });
  }
  if (ref.precision === 'year') return null;
  const index = ref.date.y * 12 + (ref.date.m - 1) + expr.offset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return expr.d === undefined ? monthDate(y, m) : dayDate({ y, m, d: Math.min(expr.d, daysInMonth(y, m)) });
}

/** A day of the month left unsaid: this month's, unless that lies on the wrong side of the reference. */
function dayInNearestMonth(d: number, ref: Ymd, tense: Tense): Ymd {
  const shift = tense === 'future' ? (d < ref.d ? 1 : 0) : d > ref.d ? -1 : 0;
  const index = ref.y * 12 + (ref.m - 1) + shift;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(d, daysInMonth(y, m)) };
}

/** A yearless expression placed in a given year. */
export function resolveYearless(expr: { m: number; d?: number; endDay?: number }, y: number): CalendarDate {
  if (expr.d === undefined) return monthDate(y, expr.m);
  return dayDate({ y, m: expr.m, d: expr.d }, expr.endDay ? { y, m: expr.m, d: expr.endDay } : undefined);
}

/**
 * The year that puts month/day nearest the reference on the side the tense implies:
 * past events on or before it, future events on or after it.
 */
export function pickYear(m: number, d: number, ref: ReferenceDate, tense: Tense): number {
  const refStart = ref.date;
  const refEnd = ref.precision === 'month' ? { ...ref.date, d: daysInMonth(ref.date.y, ref.date.m) } : ref.date;
  const candidates = [ref.date.y - 1, ref.date.y, ref.date.y + 1].map((y) => ({ y, date: { y, m, d: Math.min(d, daysInMonth(y, m)) } }));
  if (tense === 'future') {
    const next = candidates.find((c) => daysBetween(refStart, c.date) >= -SLACK_DAYS);
    return (next ?? candidates[1]!).y;
  }
  const previous = [...candidates].reverse().find((c) => daysBetween(c.date, refEnd) >= -SLACK_DAYS);
  return (previous ?? candidates[1]!).y;
}

function nearestWeekday(ref: Ymd, target: number, tense: Tense): Ymd {
  const current = weekday(ref);
  if (tense === 'future') return addDays(ref, (target - current + 7) % 7);
  return addDays(ref, -((current - target + 7) % 7));
}

function resolveRelative(unit: 'day' | 'week' | 'month' | 'year', offset: number, ref: ReferenceDate | null): CalendarDate | null {
  if (!ref) return null;
  if (unit === 'year') return yearDate(ref.date.y + offset);
  if (unit === 'month') {
    if (ref.precision === 'year') return null;
    const index = ref.date.y * 12 + (ref.date.m - 1) + offset;
    return monthDate(Math.floor(index / 12), (index % 12) + 1);
  }
  if (ref.precision !== 'day') return null;
  if (unit === 'day') return dayDate(addDays(ref.date, offset));
  // Weeks run Monday to Sunday.
  const monday = addDays(ref.date, -((weekday(ref.date) + 6) % 7) + 7 * offset);
  return dayDate(monday, addDays(monday, 6));
}

export function referenceFrom(date: CalendarDate | null): ReferenceDate | null {
  return date ? { date: fromIso(date.start), precision: date.precision } : null;
}

