// Publication date of an HTML page: candidates from each signal, judged in order of reliability.
// Structured data first, then <time>/<abbr> markup, the URL, embedded JSON, and finally the visible
// text near the top, never a line that states the page's clock, an update or a copyright.
import { wordCount } from '../lang/index.js';
import type { CalendarDate, DateSignal } from '../domain/index.js';
import { combineConfidence, confidenceOf, dayDate, getDateSignalRules, isValidYmd, minDateConfidence, monthDate, signalOf, type DateEvidence } from '../time/index.js';
import { getBoilerplateRules } from './boilerplate.js';
import { attr, parentElement, ShortTexts, textOf, type Element, type PageIndex } from './dom.js';
import { findStamp } from './dateline.js';
import { parseMachineDate } from './machine-date.js';

export interface DateCandidate {
  date: CalendarDate;
  signal: DateSignal;
  /** The kind of evidence, finer than the signal ("url-day", "time-datetime"). */
  evidence: DateEvidence;
  /** Trust in this date as the publication date: the evidence's prior, raised by candidates that agree. */
  confidence: number;
}

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

/**
 * The publication date, or null when the best candidate is trusted less than `minConfidence` (a
 * wrong date is worse than none). Signals are read from the most to the least reliable and reading
 * stops once no later signal could be trusted more than the best day found.
 */
export function findPublicationDate(input: PageDateInput, minConfidence = minDateConfidence()): DateCandidate | null {
  const best = judgePublicationDate(gatherCandidates(input));
  return best && best.confidence >= minConfidence ? best : null;
}

interface Judge {
  find: () => DateCandidate | null;
  /** The most trusted evidence this judge can give. */
  evidence: DateEvidence[];
}

/** Candidates from each signal in order of reliability, read lazily (the visible text is costly). */
export function gatherCandidates(input: PageDateInput): DateCandidate[] {
  const judges: Judge[] = [
    { find: () => fromStructured(input.jsonLdDate, input.meta), evidence: ['json-ld', 'meta-published', 'meta-generic'] },
    { find: () => fromMarkup(input.index, input.language), evidence: ['markup-published', 'time-datetime', 'time-text'] },
    { find: () => fromUrl(input.url), evidence: ['url-day', 'url-month'] },
    { find: () => fromEmbeddedJson(input.rawHtml), evidence: ['embedded-json'] },
    { find: () => fromContainers(input.index, input.language, input.fetchedAt), evidence: ['date-container'] },
    { find: () => fromText(input.headerLines(), input.language, input.fetchedAt), evidence: ['text-line'] },
  ];
  const candidates: DateCandidate[] = [];
  for (let i = 0; i < judges.length; i++) {
    const found = judges[i]!.find();
    if (found) candidates.push(found);
    const best = judgePublicationDate(candidates);
    const laterBest = Math.max(0, ...judges.slice(i + 1).flatMap((j) => j.evidence.map(confidenceOf)));
    if (best?.date.precision === 'day' && best.confidence >= laterBest) break;
  }
  return candidates;
}

/**
 * The judge: each candidate's confidence is raised by the others that agree with it (the same day, or
 * a month containing it); a day beats a month unless the month is trusted more and disagrees.
 */
export function judgePublicationDate(candidates: DateCandidate[]): DateCandidate | null {
  if (candidates.length === 0) return null;
  const judged = candidates.map((c) => ({
    ...c,
    confidence: combineConfidence(candidates.filter((o) => o === c || (o.evidence !== c.evidence && agree(c.date, o.date))).map((o) => o.confidence)),
  }));
  const byConfidence = (a: DateCandidate, b: DateCandidate) => b.confidence - a.confidence;
  const day = judged.filter((c) => c.date.precision === 'day').sort(byConfidence)[0];
  const coarse = judged.filter((c) => c.date.precision !== 'day').sort(byConfidence)[0];
  if (!day) return coarse ?? null;
  if (coarse && coarse.confidence > day.confidence && !agree(day.date, coarse.date)) return coarse;
  return day;
}

/** Two dates agree when they are the same day, or one is a month or year that contains the other. */
function agree(a: CalendarDate, b: CalendarDate): boolean {
  if (a.precision === 'day' && b.precision === 'day') return a.start === b.start;
  const [coarse, fine] = a.precision === 'day' ? [b, a] : [a, b];
  const last = coarse.end ?? coarse.start;
  return fine.start >= coarse.start && fine.start <= last;
}

function candidate(date: CalendarDate, evidence: DateEvidence): DateCandidate {
  return { date, signal: signalOf(evidence), evidence, confidence: confidenceOf(evidence) };
}

function fromStructured(jsonLdDate: string | null, meta: Map<string, string>): DateCandidate | null {
  const ld = jsonLdDate ? parseMachineDate(jsonLdDate) : null;
  if (ld) return candidate(ld, 'json-ld');
  const rules = getDateSignalRules();
  for (const [keys, evidence] of [[rules.metaPublishedKeys, 'meta-published'], [rules.metaGenericKeys, 'meta-generic']] as const) {
    for (const key of keys) {
      const value = meta.get(key);
      const date = value ? parseMachineDate(value) : null;
      if (date) return candidate(date, evidence);
    }
  }
  return null;
}

const hasClass = (el: Element, name: string) => (attr(el, 'class') ?? '').split(/\s+/).includes(name);

/** Date markup in order of reliability, each a filter over the page's <time>, <abbr> and itemprop elements. */
const MARKUP: Array<[DateEvidence, (index: PageIndex) => Element[]]> = [
  ['markup-published', (index) => index.withAttribute('itemprop', 'datePublished')],
  ['markup-published', (index) => index.byTag('time').filter((el) => attr(el, 'pubdate') !== null)],
  ['markup-published', (index) => index.byTag('abbr').filter((el) => hasClass(el, 'published'))],
  ['markup-published', (index) => index.byTag('time').filter((el) => hasClass(el, 'published'))],
  ['markup-published', (index) => index.byTag('time').filter((el) => /publish/i.test(attr(el, 'class') ?? ''))],
  [
    'markup-published',
    (index) => {
      // Whether an element sits in a "published" wrapper, worked out once per element up the tree.
      const inWrapper = new Map<Element, boolean>();
      const isInWrapper = (el: Element): boolean => {
        const chain: Element[] = [];
        let answer = false;
        for (let node = parentElement(el); node; node = parentElement(node)) {
          const known = inWrapper.get(node);
          if (known !== undefined) {
            answer = known || hasClass(node, 'published');
            break;
          }
          if (hasClass(node, 'published')) {
            answer = true;
            break;
          }
          chain.push(node);
        }
        // Each element passed on the way up is inside a wrapper exactly when `el` is.
        for (const node of chain) inWrapper.set(node, answer);
        return answer;
      };
      return index.byTag('time').filter(isInWrapper);
    },
  ],
  ['time-datetime', (index) => index.byTag('time').filter((el) => attr(el, 'datetime') !== null)],
  ['time-text', (index) => [...index.byTag('time')]],
];

function fromMarkup(index: PageIndex, language: string): DateCandidate | null {
  for (const [evidence, select] of MARKUP) {
    for (const el of select(index).slice(0, 3)) {
      for (const value of [attr(el, 'datetime'), attr(el, 'content'), attr(el, 'title')]) {
        const date = value ? (parseMachineDate(value) ?? parseLooseNumeric(value)) : null;
        if (date) return candidate(date, evidence);
      }
      const fromText = firstFullDate(textOf(el), language);
      if (fromText) return candidate(fromText, evidence);
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
  if (day && isValidYmd(+day[1]!, +day[2]!, +day[3]!)) return candidate(dayDate({ y: +day[1]!, m: +day[2]!, d: +day[3]! }), 'url-day');
  const month = URL_MONTH.exec(path);
  if (month) return candidate(monthDate(+month[1]!, +month[2]!), 'url-month');
  return null;
}

function fromEmbeddedJson(html: string): DateCandidate | null {
  for (const m of html.matchAll(EMBEDDED_JSON_KEYS)) {
    const value = m[1]!.trim();
    const date = /^\d{12,13}$/.test(value) ? fromEpochMillis(+value) : (parseMachineDate(value) ?? firstFullDate(value, 'en'));
    if (date) return candidate(date, 'embedded-json');
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
  // Containers nest: their texts are read bottom-up once, and only while short.
  const texts = new ShortTexts(MAX_CONTAINER_TEXT);
  for (const el of index.all) {
    if (el.type !== 'tag') continue;
    const label = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
    if (label.length < 2 || !DATE_CONTAINER.test(label)) continue;
    const text = texts.of(el);
    if (!text || rules.hasCurrentDateCue(text) || isNotPublication(text)) continue;
    const date = firstStampDate(text, language, fetchedAt);
    if (date) return candidate(date, 'date-container');
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
    if (date) return candidate(date, 'text-line');
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
