// Dates written for machines: ISO 8601 in meta tags and structured data, or a JSONL "published" field.
import type { CalendarDate } from '../domain/index.js';
import { dayDate, isValidYmd, monthDate, yearDate } from '../time/index.js';

const ISO = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/u;

/** `2024-06-18`, `2024-06-18T13:12:00+03:00`, `2024-06`, `2024`; null for anything else. */
export function parseMachineDate(value: string): CalendarDate | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const y = +m[1]!;
  if (y < 1800 || y > 2100) return null;
  if (m[3]) return isValidYmd(y, +m[2]!, +m[3]) ? dayDate({ y, m: +m[2]!, d: +m[3] }) : null;
  if (m[2]) return +m[2] >= 1 && +m[2] <= 12 ? monthDate(y, +m[2]) : null;
  return yearDate(y);
}
