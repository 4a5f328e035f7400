// Calendar arithmetic on plain year/month/day numbers (UTC, no time zones).
import type { CalendarDate, DatePrecision } from '../domain/index.js';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function toIso({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function fromIso(iso: string): Ymd {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return { y: y!, m: m ?? 1, d: d ?? 1 };
}

export function addDays(date: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Days since 1970-01-01 of an ISO date (its first ten characters); null when there is none. */
export function epochDay(iso: string | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso.slice(0, 10));
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
}

/** Days from a to b (b - a). */
export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: Ymd): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function dayDate(date: Ymd, end?: Ymd): CalendarDate {
  return end ? { start: toIso(date), end: toIso(end), precision: 'day' } : { start: toIso(date), precision: 'day' };
}

export function monthDate(y: number, m: number): CalendarDate {
  return { start: toIso({ y, m, d: 1 }), end: toIso({ y, m, d: daysInMonth(y, m) }), precision: 'month' };
}

export function yearDate(y: number): CalendarDate {
  return { start: toIso({ y, m: 1, d: 1 }), end: toIso({ y, m: 12, d: 31 }), precision: 'year' };
}

/** The compact label for a date at its precision: `2024`, `2024-06`, `2024-06-18`. */
export function formatAtPrecision(iso: string, precision: DatePrecision): string {
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  return iso.slice(0, 10);
}

/** Two-digit years are read as 19xx/20xx around the pivot. */
export function expandYear(y: number): number {
  if (y >= 100) return y;
  return y < 50 ? 2000 + y : 1900 + y;
}
