// Dates as feeds and sitemaps write them -> ISO 8601. RSS uses RFC 822 (`Tue, 05 Mar 2024 08:00:00 +0100`),
// Atom, Dublin Core and sitemaps RFC 3339 / W3C-DTF (`2024-03-05T08:00:00+01:00`, `2024-03-05`). The
// offset the source wrote is kept (`2024-03-05T08:00:00+01:00`), not converted to UTC: the local day is
// the one the outlet published on. Reduced precision stays reduced (`2024-03-05`, `2024-03`).

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 822 zone names; military letters and unknown names are read as UTC, as RFC 1123 advises. */
const ZONES: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 };
/** Years believed from a feed or sitemap (placeholders such as 0001-01-01 are not dates). */
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

const RFC822 = /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*([a-z]{1,5}|(?:gmt|utc)?[+-]\d{2}:?\d{2})?$/i;
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[t\s]+(\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

/** An RFC 822 or RFC 3339 / W3C-DTF date as ISO 8601, or undefined when it is neither or impossible. */
export function toIsoDate(raw: string | undefined | null): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (!s || s.length > 64) return undefined;
  return fromIso(s) ?? fromRfc822(s);
}

function fromIso(s: string): string | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const y = +m[1]!;
  if (y < MIN_YEAR || y > MAX_YEAR) return undefined;
  if (m[2] === undefined) return m[1];
  const mo = +m[2];
  if (mo < 1 || mo > 12) return undefined;
  if (m[3] === undefined) return `${m[1]}-${m[2]}`;
  const d = +m[3];
  if (d < 1 || d > daysInMonth(y, mo)) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return day;
  const time = clock(+m[4], +m[5]!, m[6] === undefined ? 0 : +m[6]);
  if (!time) return undefined;
  const zone = m[7] === undefined ? '' : isoOffset(m[7]);
  if (zone === undefined) return undefined;
  return `${day}T${time}${zone}`;
}

function fromRfc822(s: string): string | undefined {
  const m = RFC822.exec(s);
  if (!m) return undefined;
  const mo = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
  if (mo === 0) return undefined;
  let y = +m[3]!;
  if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
  if (y < MIN_YEAR || y > MAX_YEAR) return undefined;
  const d = +m[1]!;
  if (d < 1 || d > daysInMonth(y, mo)) return undefined;
  const day = `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}`;
  if (m[4] === undefined) return day;
  const time = clock(+m[4], +m[5]!, m[6] === undefined ? 0 : +m[6]);
  if (!time) return undefined;
  return `${day}T${time}${m[7] === undefined ? 'Z' : rfc822Offset(m[7])}`;
}

function clock(h: number, min: number, sec: number): string | undefined {
  if (h > 23 || min > 59 || sec > 60) return undefined;
  return `${pad(h)}:${pad(min)}:${pad(Math.min(sec, 59))}`;
}

function isoOffset(zone: string): string | undefined {
  if (zone.toLowerCase() === 'z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const h = +m[2]!;
  const min = m[3] === undefined ? 0 : +m[3];
  if (h > 14 || min > 59) return undefined;
  return h === 0 && min === 0 ? 'Z' : `${m[1]}${pad(h)}:${pad(min)}`;
}

function rfc822Offset(zone: string): string {
  const numeric = /([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return isoOffset(`${numeric[1]}${numeric[2]}:${numeric[3]}`) ?? 'Z';
  const hours = ZONES[zone.toLowerCase()] ?? 0;
  return hours === 0 ? 'Z' : `${hours < 0 ? '-' : '+'}${pad(Math.abs(hours))}:00`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}
