// Extraction from pages already stripped to text: find the title, dateline and outlet,
// keep the article body, drop navigation, captions and the trailing link lists.
import type { ExtractedArticle, RawDocument } from '../domain/index.js';
import { detectLanguage, wordCount } from '../lang/index.js';
import { getDateVocabulary, type NumericOrder } from '../time/index.js';
import { getBoilerplateRules, type BoilerplateRules } from './boilerplate.js';
import { isBoilerplate } from './clean-paragraphs.js';
import { findDateline, type DatelineMatch } from './dateline.js';
import { isProbablyUnspacedNewsFlash } from './news-flash.js';
import { agencyFromText, agencyOfCredit, isDatelineLine, isOutletEvidence } from './outlet.js';

export type TextPageResult = Pick<ExtractedArticle, 'title' | 'text' | 'source' | 'agency' | 'published' | 'chromeLanguage'>;

/** Where to look for the title and dateline. */
const HEADER_LINES = 25;
const MIN_TITLE_WORDS = 3;
const MAX_TITLE_WORDS = 40;
const MAX_OUTLET_WORDS = 5;
/** A masthead above the headline is a name of a few words. */
const MAX_MASTHEAD_WORDS = 3;
/** A paragraph this long means the article body has started. */
const BODY_PARAGRAPH_WORDS = 12;
/** A line this long is prose, never a headline or a dateline. */
const PROSE_WORDS = 20;
/** A closing run of this many headline-like lines is a link list. */
const MIN_TRAILING_LIST = 3;
const MAX_LIST_ITEM_WORDS = 14;
/** A comment box's prompt to the reader is a short question. */
const MAX_PROMPT_WORDS = 8;

const TRAILING_TIME = /\s+\d{1,2}:\d{2}(?::\d{2})?\s*$/u;

export function extractTextPage(doc: RawDocument): TextPageResult {
  const rules = getBoilerplateRules();
  const lines = doc.body.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim());
  const header = headerLines(lines, rules);
  const dateline = locateDateline(lines, header, rules, doc.fetchedAt);
  // A supplied title is trusted: the page's copy of it, if any, is skipped, and nothing else is taken as the title.
  const titleIndex = doc.hints.title
    ? (header.find((i) => cleanTitle(lines[i]!) === cleanTitle(doc.hints.title!)) ?? null)
    : locateTitle(lines, header, dateline?.index ?? null, rules);
  const title = cleanTitle(doc.hints.title ?? (titleIndex !== null ? lines[titleIndex]! : ''));
  const bodyStart = Math.max(titleIndex ?? -1, dateline?.index ?? -1) + 1;
  const { paragraphs, sourceLine } = collectBody(lines, bodyStart, title, rules);
  // A one-line flash in Chinese, Japanese or Thai was taken as the title of an empty page: it is the text.
  if (paragraphs.length === 0 && titleIndex !== null && isProbablyUnspacedNewsFlash(lines[titleIndex]!, rules)) paragraphs.push(lines[titleIndex]!);
  const chrome = [dateline?.match.prefix ?? '', ...header.filter((i) => i < bodyStart && i !== titleIndex).map((i) => lines[i]!)]
    .join(' ')
    .trim();
  const text = paragraphs.join('\n\n');
  const evidence = outletEvidence(sourceLine, dateline?.match ?? null, lines, header, titleIndex, rules);
  return {
    title,
    text,
    source: evidence.find(isOutletEvidence) ?? null,
    // An agency credited where an outlet could stand ("Source: AFP", "Afp 18.06.2024"), else in the text.
    agency: evidence.map(agencyOfCredit).find(Boolean) ?? agencyFromText(text),
    published: dateline?.match.date ?? null,
    chromeLanguage: chrome ? detectLanguage(chrome).language : null,
  };
}

/** Indices of the first non-empty lines, where titles and datelines live; the first paragraph of prose ends them. */
function headerLines(lines: string[], rules: BoilerplateRules): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length && out.length < HEADER_LINES; i++) {
    if (wordCount(lines[i]!) >= PROSE_WORDS) break;
    if (lines[i] !== '' && !rules.isTailMarker(lines[i]!)) out.push(i);
  }
  return out;
}

/** Page chrome in a day-first language makes ambiguous numbers day-first, even on a translated page. */
function numericOrderFor(chromeLines: string[]): NumericOrder {
  const chrome = chromeLines.filter((l) => wordCount(l) <= 8).join(' ');
  const lang = chrome ? detectLanguage(chrome).language : 'und';
  return getDateVocabulary(lang === 'und' ? 'en' : lang).numericOrder;
}

function locateDateline(lines: string[], header: number[], rules: BoilerplateRules, fetchedAt?: string): { index: number; match: DatelineMatch } | null {
  for (const i of header) {
    const line = lines[i]!;
    // "HOME PAGE 26/06/2024" is the page's clock, not the article's date.
    if (rules.hasCurrentDateCue(line)) continue;
    if (!findDateline(line, 'en', 'dmy', fetchedAt)) continue;
    // Read the stamp by the convention of the chrome around it (masthead, outlet name).
    const chrome = header.filter((j) => j <= i).map((j) => lines[j]!);
    const match = findDateline(line, 'en', numericOrderFor(chrome), fetchedAt);
    if (match) return { index: i, match };
  }
  return null;
}

function looksLikeTitle(line: string, rules: BoilerplateRules): boolean {
  const words = wordCount(line);
  return (
    words >= MIN_TITLE_WORDS &&
    words <= MAX_TITLE_WORDS &&
    !rules.isNavigationLine(line) &&
    !rules.isDroppedLine(line) &&
    !rules.hasCurrentDateCue(line) &&
    !isDatelineLine(line) &&
    !/[.!?]["”’]?$/u.test(line.replace(TRAILING_TIME, ''))
  );
}

/** The headline: the line above the dateline, else a line the page repeats, else the first headline-like line. */
function locateTitle(lines: string[], header: number[], datelineIndex: number | null, rules: BoilerplateRules): number | null {
  if (datelineIndex !== null) {
    const above = header.filter((i) => i < datelineIndex).reverse();
    const hit = above.find((i) => looksLikeTitle(lines[i]!, rules));
    if (hit !== undefined) return hit;
  }
  const counts = new Map<string, number>();
  for (const i of header) counts.set(lines[i]!, (counts.get(lines[i]!) ?? 0) + 1);
  const repeated = header.find((i) => counts.get(lines[i]!)! >= 2 && looksLikeTitle(lines[i]!, rules));
  if (repeated !== undefined) return lastRepeat(lines, header, repeated);
  const first = header.find((i) => looksLikeTitle(lines[i]!, rules) && !isMasthead(lines[i]!));
  return first ?? null;
}

/** Body starts after the last copy of a repeated headline. */
function lastRepeat(lines: string[], header: number[], index: number): number {
  return header.filter((i) => lines[i] === lines[index]).pop() ?? index;
}

/** "Site.vn - Tagline" and similar mastheads name the site, not the article. */
function isMasthead(line: string): boolean {
  return /^\S+\.\w{2,}\s+[-–|]\s+/u.test(line);
}

function cleanTitle(title: string): string {
  return title.replace(TRAILING_TIME, '').trim();
}

function collectBody(
  lines: string[],
  start: number,
  title: string,
  rules: BoilerplateRules,
): { paragraphs: string[]; sourceLine: string | null } {
  const paragraphs: string[] = [];
  let sourceLine: string | null = null;
  let bodyStarted = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const source = rules.sourceLineValue(line);
    if (source !== null && bodyStarted) {
      if (source) sourceLine = source;
      dropReaderPrompt(paragraphs);
      break;
    }
    if (rules.isTailMarker(line) && bodyStarted) {
      dropReaderPrompt(paragraphs);
      break;
    }
    if (isBoilerplate(cleanTitle(line), title, rules)) continue;
    if (wordCount(line) >= BODY_PARAGRAPH_WORDS) bodyStarted = true;
    paragraphs.push(line.replace(/\s+[-–]$/u, ''));
  }
  // A "Source: X" line may come after a closing question or widget.
  if (sourceLine === null) sourceLine = findSourceLine(lines, start, rules);
  return { paragraphs: withoutTrailingLinkList(paragraphs), sourceLine };
}

/**
 * A comment box opens with a question to the reader ("What do you think?", "Have you been affected?"),
 * left standing alone between the article's last paragraph and the footer (source line, related links):
 * a short closing question without quotation marks is dropped there.
 */
function dropReaderPrompt(paragraphs: string[]): void {
  const last = paragraphs.at(-1);
  if (last !== undefined && paragraphs.length > 1 && isReaderPrompt(last)) paragraphs.pop();
}

function isReaderPrompt(line: string): boolean {
  return /\?$/u.test(line) && wordCount(line) <= MAX_PROMPT_WORDS && !/["“”„«»]/u.test(line);
}

/**
 * Pages stripped to text end in lists of other headlines ("Picturesque beach…", "Follow the sun"):
 * a closing run of short lines without sentence punctuation is dropped.
 */
function withoutTrailingLinkList(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  while (end > 0 && looksLikeListItem(paragraphs[end - 1]!)) end--;
  return paragraphs.length - end >= MIN_TRAILING_LIST && end > 0 ? paragraphs.slice(0, end) : paragraphs;
}

function looksLikeListItem(line: string): boolean {
  return wordCount(line) <= MAX_LIST_ITEM_WORDS && !/[.!?…:;"”»)]$/u.test(line);
}

function findSourceLine(lines: string[], start: number, rules: BoilerplateRules): string | null {
  for (let i = start; i < lines.length; i++) {
    const value = rules.sourceLineValue(lines[i]!);
    if (value) return value;
  }
  return null;
}

/**
 * What on a stripped page may name its outlet, best first: a closing "Source: X" line, the text before
 * a dateline's date ("Báo Quốc Tế 11/02/2024"), a short masthead line above the headline. The caller
 * keeps agencies, datelines and places out of the outlet.
 */
function outletEvidence(
  sourceLine: string | null,
  dateline: DatelineMatch | null,
  lines: string[],
  header: number[],
  titleIndex: number | null,
  rules: BoilerplateRules,
): string[] {
  const out: string[] = [];
  if (sourceLine && wordCount(sourceLine) <= MAX_OUTLET_WORDS) out.push(sourceLine);
  // "Wien, 18.06.2024": a place and a comma before the date is a dateline, not an outlet.
  const prefix = dateline?.prefix.trim() ?? '';
  const fromDateline = prefix && !/,$/u.test(prefix) ? collapseRepeat(prefix) : '';
  if (fromDateline && wordCount(fromDateline) <= MAX_OUTLET_WORDS) out.push(fromDateline);
  // A short first line above the headline is the masthead.
  const first = header[0];
  if (first !== undefined && first !== titleIndex && (titleIndex === null || first < titleIndex)) {
    const line = lines[first]!;
    if (wordCount(line) <= MAX_MASTHEAD_WORDS && !rules.isNavigationLine(line) && !/\d/.test(line)) out.push(line);
  }
  return out;
}

/** "Báo Quốc TếBáo Quốc Tế" -> "Báo Quốc Tế": stripped pages often print the outlet twice. */
export function collapseRepeat(s: string): string {
  const t = s.trim().replace(/[\s,·|–-]+$/u, '');
  if (t.length % 2 === 0) {
    const half = t.slice(0, t.length / 2);
    if (half + half === t) return half.trim();
  }
  const m = /^(.+?)\s*\1$/u.exec(t);
  return m ? m[1]!.trim() : t;
}
