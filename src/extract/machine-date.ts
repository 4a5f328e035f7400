// Dates written for machines: ISO 8601 in meta tags and structured data, or a JSONL "published" field.
import type { CalendarDate } from '../domain/index.js';
import { dayDate, toIso, yearDate } from '../time/index.js';

/** Calendar (`2024-06-18`, `20240618`), ordinal (`2024-170`) and week (`2024-W25-2`) dates, or `2024-06`, `2024`. */
const ISO_DATE = /^([+-]\d{4,6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?|(\d{2})(\d{2})|-?(\d{3})|-?W(\d{2})-?([1-7]))?$/u;
/** A time of day after `T` (or a space): `13:12`, `13:12:00.5`, `131200`, `13,5`, with an offset or not. */
const ISO_TIME = /^(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?(?:[.,]\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/u;

/**
 * Page metadata carries placeholder dates (`0001-01-01`, `9999-12-31`) and typos: a date from a page is
 * believed between these years. A date the input supplies is the one it states, whatever the year.
 */
const PLAUSIBLE_PAGE_YEARS = { min: 1800, max: 2100 } as const;

export interface MachineDateOptions {
  /** Any year (a date the input states, such as 1066-10-14); otherwise 1800-2100, as for page metadata. */
  anyYear?: boolean;
}

/**
 * `2024-06-18`, `2024-06-18T13:12:00+03:00`, `20240618T131200Z`, `2024-170`, `2024-W25-2`, `2024-06`,
 * `2024`; null for anything else. A datetime gives the day it states, in its own offset.
 */
export function parseMachineDate(value: string, options: MachineDateOptions = {}): CalendarDate | null {
  const [datePart, timePart, ...rest] = value.trim().split(/[T ]/u);
  if (rest.length || !datePart || (timePart !== undefined && !isValidTime(timePart))) return null;
  const m = ISO_DATE.exec(datePart);
  if (!m) return null;
  const y = +m[1]!;
  if (!options.anyYear && (y < PLAUSIBLE_PAGE_YEARS.min || y > PLAUSIBLE_PAGE_YEARS.max)) return null;
  if (y < 0 || y > 9999) return null; // An ISO calendar date (CalendarDate.start) has four digits.
  const month = m[2] ?? m[4];
  const day = m[3] ?? m[5];
  if (day) return isValidDay(y, +month!, +day) ? dayDate({ y, m: +month!, d: +day }) : null;
  if (month) return +month >= 1 && +month <= 12 ? monthOf(y, +month) : null;
  if (m[6]) return ordinalDate(y, +m[6]);
  if (m[7]) return weekDate(y, +m[7], +m[8]!);
  return yearDate(y);
}

function isValidTime(time: string): boolean {
  const m = ISO_TIME.exec(time);
  if (!m) return false;
  const [h, min, s] = [+m[1]!, +(m[2] ?? 0), +(m[3] ?? 0)];
  return (h < 24 && min < 60 && s <= 60) || (h === 24 && min === 0 && s === 0);
}

/** Proleptic Gregorian, for every year 0-9999 (Date.UTC reads years 0-99 as 1900-1999). */
function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The month as a range (time's monthDate counts days through Date.UTC, which misreads years 0-99). */
function monthOf(y: number, m: number): CalendarDate {
  return { start: toIso({ y, m, d: 1 }), end: toIso({ y, m, d: daysInMonth(y, m) }), precision: 'month' };
}

function ordinalDate(y: number, ordinal: number): CalendarDate | null {
  if (ordinal < 1 || ordinal > (isLeapYear(y) ? 366 : 365)) return null;
  let m = 1;
  let d = ordinal;
  while (d > daysInMonth(y, m)) d -= daysInMonth(y, m++);
  return dayDate({ y, m, d });
}

/** ISO week date: week 1 holds the year's first Thursday; weekday 1 is Monday. */
function weekDate(y: number, week: number, weekday: number): CalendarDate | null {
  if (week < 1 || week > weeksInYear(y)) return null;
  // Days from 1 January of y to the Monday of week 1 (negative when it falls in December).
  const jan1 = isoWeekday(y, 1, 1);
  const mondayOfWeek1 = 2 - jan1 + (jan1 <= 4 ? 0 : 7);
  return ordinalToDate(y, mondayOfWeek1 + (week - 1) * 7 + (weekday - 1));
}

function ordinalToDate(y: number, ordinal: number): CalendarDate | null {
  const days = isLeapYear(y) ? 366 : 365;
  if (ordinal < 1) return y > 0 ? ordinalToDate(y - 1, ordinal + (isLeapYear(y - 1) ? 366 : 365)) : null;
  if (ordinal > days) return y < 9999 ? ordinalToDate(y + 1, ordinal - days) : null;
  return ordinalDate(y, ordinal);
}

function weeksInYear(y: number): number {
  const jan1 = isoWeekday(y, 1, 1);
  return jan1 === 4 || (jan1 === 3 && isLeapYear(y)) ? 53 : 52;
}

/** 1 = Monday … 7 = Sunday, for any year (Zeller's congruence, Gregorian). */
function isoWeekday(y: number, m: number, d: number): number {
  const mm = m < 3 ? m + 12 : m;
  const yy = m < 3 ? y - 1 : y;
  const k = ((yy % 100) + 100) % 100;
  const j = Math.floor(yy / 100);
  const h = (d + Math.floor((13 * (mm + 1)) / 5) + k + Math.floor(k / 4) + Math.floor(j / 4) + 5 * j) % 7; // 0 = Saturday
  return ((h + 5) % 7) + 1;
}
