// Publication date of an HTML page: candidates from each signal, judged in order of reliability.
// Structured data first, then <time>/<abbr> markup, the URL, embedded JSON, and finally the visible
// text near the top, never a line that states the page's clock, an update or a copyright.
import { wordCount } from '../lang/index.js';
import type { CalendarDate, DateSignal } from '../domain/index.js';
import { dayDate, isValidYmd, monthDate } from '../time/index.js';
import { getBoilerplateRules } from './boilerplate.js';
import { attr, contains, textOf, type Element, type PageIndex } from './dom.js';
import { findStamp } from './dateline.js';
import { parseMachineDate } from './machine-date.js';

export interface DateCandidate {
  date: CalendarDate;
  signal: DateSignal;
}

const META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'article.published',
  'datepublished',
  'datecreated',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'published-date',
  'pubdate',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.date',
  'dcterms.created',
  'dcterms.issued',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'originalpublicationdate',
  'article_date_original',
  'cxenseparse:recs:publishtime',
];

const EMBEDDED_JSON_KEYS = /["'](?:datePublished|dateCreated|publishedDate|datePosted|publishDate|publish_date|pubDate|published_at|firstPublishDate)["']\s*:\s*["']?([^"',}]{4,40})/g;
const URL_DAY = /(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/;
const URL_MONTH = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//;
const DATE_CONTAINER = /date|time|publish|posted|meta|byline|datum|fecha|veröffentlicht/i;
const MAX_CONTAINER_TEXT = 200;
const MAX_TEXT_LINES = 600;
const MAX_STAMP_WORDS = 15;

export interface PageDateInput {
  index: PageIndex;
  rawHtml: string;
  url?: string;
  jsonLdDate: string | null;
  meta: Map<string, string>;
  language: string;
  /** Visible text lines from the top of the page, in order; computed only when needed. */
  headerLines: () => string[];
  /** Fetch time (ISO): the reference for relative stamps. */
  fetchedAt?: string;
}

/** The best candidate, or null: signals are tried from the most to the least reliable. */
export function findPublicationDate(input: PageDateInput): DateCandidate | null {
  const judges: Array<() => DateCandidate | null> = [
    () => fromStructured(input.jsonLdDate, input.meta),
    () => fromMarkup(input.index, input.language),
    () => fromUrl(input.url),
    () => fromEmbeddedJson(input.rawHtml),
    () => fromContainers(input.index, input.language, input.fetchedAt),
    () => fromText(input.headerLines(), input.language, input.fetchedAt),
  ];
  // A day beats a month: keep the first month-level answer only if nothing later gives a day.
  let fallback: DateCandidate | null = null;
  for (const judge of judges) {
    const found = judge();
    if (!found) continue;
    if (found.date.precision === 'day') return found;
    fallback ??= found;
  }
  return fallback;
}

function fromStructured(jsonLdDate: string | null, meta: Map<string, string>): DateCandidate | null {
  const ld = jsonLdDate ? parseMachineDate(jsonLdDate) : null;
  if (ld) return { date: ld, signal: 'json-ld' };
  for (const key of META_KEYS) {
    const value = meta.get(key);
    const date = value ? parseMachineDate(value) : null;
    if (date) return { date, signal: 'meta' };
  }
  return null;
}

const hasClass = (el: Element, name: string) => (attr(el, 'class') ?? '').split(/\s+/).includes(name);

/** Date markup in order of reliability, each a filter over the page's <time>, <abbr> and itemprop elements. */
const MARKUP: Array<(index: PageIndex) => Element[]> = [
  (index) => index.withAttribute('itemprop', 'datePublished'),
  (index) => index.byTag('time').filter((el) => attr(el, 'pubdate') !== null),
  (index) => index.byTag('abbr').filter((el) => hasClass(el, 'published')),
  (index) => index.byTag('time').filter((el) => hasClass(el, 'published')),
  (index) => index.byTag('time').filter((el) => /publish/i.test(attr(el, 'class') ?? '')),
  (index) => {
    const wrappers = index.all.filter((el) => hasClass(el, 'published'));
    return index.byTag('time').filter((el) => wrappers.some((w) => w !== el && contains(w, el)));
  },
  (index) => index.byTag('time').filter((el) => attr(el, 'datetime') !== null),
  (index) => [...index.byTag('time')],
];

function fromMarkup(index: PageIndex, language: string): DateCandidate | null {
  for (const select of MARKUP) {
    for (const el of select(index).slice(0, 3)) {
      for (const value of [attr(el, 'datetime'), attr(el, 'content'), attr(el, 'title')]) {
        const date = value ? (parseMachineDate(value) ?? parseLooseNumeric(value)) : null;
        if (date) return { date, signal: 'time' };
      }
      const fromText = firstFullDate(textOf(el), language);
      if (fromText) return { date: fromText, signal: 'time' };
    }
  }
  return null;
}

/** `06-08-2009T14:12:32+0200` and other day-first stamps seen in `title` attributes. */
function parseLooseNumeric(value: string): CalendarDate | null {
  const m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})/.exec(value.trim());
  if (!m) return null;
  const [d, mo, y] = [+m[1]!, +m[2]!, +m[3]!];
  return isValidYmd(y, mo, d) ? dayDate({ y, m: mo, d }) : null;
}

export function fromUrl(url: string | undefined): DateCandidate | null {
  if (!url) return null;
  let path: string;
  try {
    const parsed = new URL(url);
    path = parsed.pathname + parsed.search;
  } catch {
    return null;
  }
  const day = URL_DAY.exec(path);
  if (day && isValidYmd(+day[1]!, +day[2]!, +day[3]!)) return { date: dayDate({ y: +day[1]!, m: +day[2]!, d: +day[3]! }), signal: 'url' };
  const month = URL_MONTH.exec(path);
  if (month) return { date: monthDate(+month[1]!, +month[2]!), signal: 'url' };
  return null;
}

function fromEmbeddedJson(html: string): DateCandidate | null {
  for (const m of html.matchAll(EMBEDDED_JSON_KEYS)) {
    const value = m[1]!.trim();
    const date = /^\d{12,13}$/.test(value) ? fromEpochMillis(+value) : (parseMachineDate(value) ?? firstFullDate(value, 'en'));
    if (date) return { date, signal: 'json-ld' };
  }
  return null;
}

function fromEpochMillis(ms: number): CalendarDate | null {
  const t = new Date(ms);
  return Number.isNaN(t.getTime()) ? null : dayDate({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** Short elements whose class or id says they hold a date ("postDate", "entry-meta"). */
function fromContainers(index: PageIndex, language: string, fetchedAt?: string): DateCandidate | null {
  const rules = getBoilerplateRules();
  for (const el of index.all) {
    if (el.type !== 'tag') continue;
    const label = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
    if (label.length < 2 || !DATE_CONTAINER.test(label)) continue;
    const text = textOf(el).replace(/\s+/g, ' ').trim();
    if (!text || text.length > MAX_CONTAINER_TEXT || rules.hasCurrentDateCue(text) || isNotPublication(text)) continue;
    const date = firstStampDate(text, language, fetchedAt);
    if (date) return { date, signal: 'text' };
  }
  return null;
}

function fromText(lines: string[], language: string, fetchedAt?: string): DateCandidate | null {
  const rules = getBoilerplateRules();
  for (const line of lines.slice(0, MAX_TEXT_LINES)) {
    // Bylines and stamps are short; a date inside prose is an event, not the publication.
    if (wordCount(line) > MAX_STAMP_WORDS) continue;
    if (rules.hasCurrentDateCue(line) || isNotPublication(line)) continue;
    const date = firstStampDate(line, language, fetchedAt);
    if (date) return { date, signal: 'text' };
  }
  return null;
}

/** Copyright notices and update stamps carry dates that are not the publication date. */
function isNotPublication(text: string): boolean {
  return /©|\bcopyright\b|\bupdated?\b|aktualisiert|\bmodified\b|cập nhật|actualizado|mis à jour|обновлено|güncelleme/i.test(text);
}

function firstFullDate(text: string, language: string): CalendarDate | null {
  return findStamp(text, { language })?.date ?? null;
}

function firstStampDate(text: string, language: string, fetchedAt?: string): CalendarDate | null {
  return findStamp(text, { language, ...(fetchedAt ? { fetchedAt } : {}) })?.date ?? null;
}
