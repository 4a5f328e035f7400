// Who published a page (the outlet) and which news agency it credits, kept apart. An outlet comes
// from what the page says about itself (site name, publisher, the host it is served from); text
// evidence (a masthead line, a "Source:" line, a dateline's prefix) is the last resort, and a dateline's
// place, a byline or an agency credit is never an outlet: an agency credit is the article's agency.
import { z } from 'zod';
import { aliasType } from '../enrich/entities/gazetteer.js';
import { loadDataFile } from '../lib/data-files.js';
import { wordCount } from '../lang/index.js';

const AgenciesSchema = z.object({
  version: z.number(),
  agencies: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)) })),
  generic: z.array(z.string().min(1)),
});

const HostNamesSchema = z.object({
  version: z.number(),
  servicePrefixes: z.array(z.string().min(1)),
  countrySecondLevel: z.array(z.string().min(1)),
  hostingPlatforms: z.array(z.string().min(1)),
});

/** An outlet's name is short: "Báo Quốc Tế", "The Times of India". */
export const MAX_OUTLET_WORDS = 6;

interface AgencyIndex {
  /** Lower-cased name or alias -> the name the agency credits itself with. */
  names: Map<string, string>;
  generic: Set<string>;
}

let agencies: AgencyIndex | null = null;

function agencyIndex(): AgencyIndex {
  if (agencies) return agencies;
  const data = loadDataFile('outlets/news-agencies.json', AgenciesSchema);
  const names = new Map<string, string>();
  for (const a of data.agencies) for (const alias of [a.name, ...a.aliases]) if (!names.has(key(alias))) names.set(key(alias), a.name);
  agencies = { names, generic: new Set(data.generic.map(key)) };
  return agencies;
}

function key(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** Separators between agencies in one credit: "dpa/AFP", "Reuters, AP", "AFP and Reuters". */
const CREDIT_SEPARATOR = /\s*(?:[/,&+|;]|\s(?:and|und|et|y|e|i|ve|en|og|och)\s)\s*/u;
/** Wrapping a credit carries: "(AFP)", "© Reuters", "AFP:", "— dpa". */
const CREDIT_WRAPPING = /^[\s(\[©–—:-]+|[\s)\].,:;–—-]+$/gu;

/**
 * The agency a credit names, as the agency writes its name ("Afp" -> "AFP", "dpa/afp" -> "dpa/AFP"),
 * or the credit itself when it only says "agencies" ("الوكالات"); null when any part of it is not an
 * agency (an outlet, a person, a place).
 */
export function agencyOfCredit(credit: string): string | null {
  const cleaned = credit.replace(CREDIT_WRAPPING, '');
  if (!cleaned || cleaned.length > 80) return null;
  const { names, generic } = agencyIndex();
  const parts = cleaned.split(CREDIT_SEPARATOR).filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    const k = key(part);
    const name = names.get(k) ?? (generic.has(k) ? part.trim() : undefined);
    if (name === undefined) return null;
    if (!out.includes(name)) out.push(name);
  }
  return out.length ? out.join('/') : null;
}

export interface Dateline {
  /** The place the report was filed from ("WIEN", "باريس"). */
  place: string;
  /** The agency it credits ("APA", "الوكالات"), when it credits one. */
  agency: string | null;
}

/**
 * A wire-style dateline opening an article body (AP and Reuters style: the place, the agency in
 * brackets, a dash): "WIEN –", "PARIS (AFP) —", "Berlin (dpa) -", "باريس - الوكالات:".
 */
const DATELINE = /^(\p{Lu}[\p{L}\p{M}.' -]{0,40}?|[\p{Lo}\p{M}][\p{Lo}\p{M} ]{0,40}?)\s*(?:\(([^()]{1,40})\)\s*)?[-–—]\s*(?:([^\s:–—-][^:–—-]{0,40}?)\s*[:–—-]\s*)?/u;

export function readDateline(paragraph: string): Dateline | null {
  const m = DATELINE.exec(paragraph.trim());
  if (!m) return null;
  const place = m[1]!.trim();
  if (wordCount(place) > 3) return null;
  const agency = (m[2] && agencyOfCredit(m[2])) || (m[3] && agencyOfCredit(m[3])) || null;
  // Without an agency, only a place in capitals ("WIEN –") or one the gazetteer knows is a dateline.
  if (!agency && !isCapitalised(place) && aliasType(place) !== 'place') return null;
  return { place, agency };
}

/** A line that is a dateline and nothing more ("باريس - الوكالات:", "WIEN –"): never a headline. */
export function isDatelineLine(line: string): boolean {
  const trimmed = line.trim();
  const m = DATELINE.exec(trimmed);
  return !!m && m[0].trim().length === trimmed.length && readDateline(trimmed) !== null;
}

function isCapitalised(s: string): boolean {
  return /\p{Lu}{2}/u.test(s) && s === s.toUpperCase();
}

/**
 * Can text evidence (a masthead line, a "Source:" line, a dateline's prefix) name the outlet? Not
 * when it is an agency credit, a dateline ("WIEN –", "باريس - الوكالات:", "Wien,"), a place, a
 * byline ("By Jane Doe") or longer than a name.
 */
export function isOutletEvidence(candidate: string): boolean {
  const name = candidate.trim();
  if (!name || wordCount(name) > MAX_OUTLET_WORDS || /\d/u.test(name)) return false;
  if (agencyOfCredit(name)) return false;
  // A dateline's punctuation: the place is followed by a comma or a dash ("Wien,", "WIEN –", "X - Y:").
  if (/[,:;–—-]$/u.test(name) || /\s[-–—]\s|\(/u.test(name)) return false;
  if (/^(?:by|von|por|par|di|door|de|av|af|przez|от|автор)\s/iu.test(name)) return false;
  const type = aliasType(name);
  return type !== 'place' && type !== 'person';
}

let hostNames: z.infer<typeof HostNamesSchema> | null = null;

/**
 * The label that names a site in its host: "www.theguardian.com" -> "theguardian",
 * "news.bbc.co.uk" -> "bbc", "notes.blogspot.com" -> "notes"; null for an IP address or no host.
 */
export function siteLabel(url: string | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (!host || /^[\d.]+$|:/.test(host)) return null;
  hostNames ??= loadDataFile('outlets/host-names.json', HostNamesSchema);
  const labels = host.split('.').filter(Boolean);
  while (labels.length > 2 && hostNames.servicePrefixes.includes(labels[0]!)) labels.shift();
  const platform = hostNames.hostingPlatforms.find((p) => host.endsWith(`.${p}`));
  if (platform) {
    const site = labels.slice(0, labels.length - platform.split('.').length);
    return site.at(-1) ?? null;
  }
  if (labels.length < 2) return labels[0] ?? null;
  let end = labels.length - 1;
  if (labels[end]!.length === 2 && end >= 2 && hostNames.countrySecondLevel.includes(labels[end - 1]!)) end--;
  return labels[end - 1] ?? null;
}

/** A host label as a name: "theguardian" -> "Theguardian", "el-pais" -> "El Pais". */
export function displayLabel(label: string): string {
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Letters and digits only, lower-cased: how names are compared. */
function squeeze(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The same without a leading article ("The Perspective" -> "perspective"). */
function squeezeBare(s: string): string {
  return squeeze(s.trim().replace(/^(?:the|la|le|les|el|il|der|die|das|de|het)\s+/iu, ''));
}

/** Shortest squeezed name that may agree by prefix ("elcomercio" and "El Comercio Perú"). */
const MIN_PREFIX_AGREEMENT = 5;

/**
 * Do two names name the same outlet: "The Guardian" and "theguardian", "Coastal Courier" and
 * "coastal-courier", "El Comercio Perú" and "elcomercio", and a host label written the way hosts
 * shorten names: "nytimes" for "The New York Times", "bbc" for "BBC News" (each of the name's first
 * words in full or by its initial; a shortened label ends on a whole word or uses every word).
 */
export function namesAgree(a: string, b: string): boolean {
  const x = squeeze(a);
  const y = squeeze(b);
  if (!x || !y) return false;
  if (x === y || squeezeBare(a) === squeezeBare(b)) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= MIN_PREFIX_AGREEMENT && long.startsWith(short)) return true;
  return (!/\s/u.test(a.trim()) && shortens(x, nameWords(b))) || (!/\s/u.test(b.trim()) && shortens(y, nameWords(a)));
}

const MIN_SHORTENED_LABEL = 3;

function nameWords(name: string): string[] {
  const words = name.split(/[\s&+-]+/u).map(squeeze).filter(Boolean);
  return words.length > 1 && ARTICLES.has(words[0]!) ? words.slice(1) : words;
}

const ARTICLES = new Set(['the', 'la', 'le', 'les', 'el', 'il', 'der', 'die', 'das', 'de', 'het']);

function shortens(label: string, words: string[]): boolean {
  if (label.length < MIN_SHORTENED_LABEL || words.length < 2) return false;
  const go = (at: number, w: number, lastWhole: boolean): boolean => {
    if (at === label.length) return w > 0 && (lastWhole || w === words.length);
    const word = words[w];
    if (word === undefined) return false;
    return (label.startsWith(word, at) && go(at + word.length, w + 1, true)) || (label[at] === word[0] && go(at + 1, w + 1, false));
  };
  return go(0, 0, false);
}

/** Separators between a headline and a site name in <title>: "Headline | Site", "Site – Headline", "Blog: Post". */
const TITLE_SEPARATOR = /\s+[|–—·•»«~]\s+|\s+[-:]{1,2}\s+|\s*[|｜]\s*|:\s+|(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}」』”）])[-_—｜](?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])/u;

/**
 * The ways a <title> splits into an outlet and a headline: its first or its last segment against the
 * rest ("Brexit: what next | The Guardian" -> "Brexit" / "what next | The Guardian", and
 * "Brexit: what next" / "The Guardian"). A section name between the two stays with the headline.
 */
export function titleSplits(titleTag: string): Array<[string, string]> {
  const re = new RegExp(TITLE_SEPARATOR.source, 'gu');
  const cuts = [...titleTag.matchAll(re)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const out: Array<[string, string]> = [];
  for (const cut of [cuts[0], cuts.at(-1)]) {
    if (!cut) continue;
    const [from, to] = cut;
    const left = titleTag.slice(0, from).trim();
    const right = titleTag.slice(to).trim();
    if (left && right && !out.some(([l]) => l === left)) out.push([left, right]);
  }
  return out;
}

export interface TitleSides {
  outlet: string;
  headline: string;
}

export interface TitleEvidence {
  /** Names the page gives itself (og:site_name, publisher) and the host's label. */
  siteNames: string[];
  /** Headlines the page's metadata states (og:title, json-ld headline): trusted to be the article's. */
  metaHeadlines: string[];
  /** The page's headings (h1 to h3) with their level. */
  headings: Array<{ level: number; text: string }>;
}

/**
 * Which side of "Headline | Outlet" or "Outlet: Headline" is the outlet, by agreement, never by
 * position: the side that agrees with the site's name or host; else the other side of the one the
 * metadata gives as the headline; else, when both sides are headings on the page (a blog: the blog's
 * name in <h1>, the post's title in <h2>), the higher heading is the masthead; else, when one side
 * alone is a heading, the other side. Null when nothing agrees.
 */
export function titleSides(titleTag: string, evidence: TitleEvidence): TitleSides | null {
  const splits = titleSplits(titleTag);
  const sides = ([l, r]: [string, string], outletLeft: boolean): TitleSides | null => {
    const s = outletLeft ? { outlet: l, headline: r } : { outlet: r, headline: l };
    return wordCount(s.outlet) <= MAX_OUTLET_WORDS ? s : null;
  };
  for (const split of splits) {
    const [left, right] = split.map((side) => evidence.siteNames.some((n) => namesAgree(side, n)));
    if (left !== right) return sides(split, left!);
  }
  for (const split of splits) {
    const [left, right] = split.map((side) => evidence.metaHeadlines.some((h) => squeeze(h) === squeeze(side)));
    if (left !== right) return sides(split, right!);
  }
  const levelOf = (side: string) => evidence.headings.filter((h) => squeeze(h.text) === squeeze(side)).reduce<number | null>((best, h) => (best === null || h.level < best ? h.level : best), null);
  for (const split of splits) {
    const [left, right] = split.map(levelOf) as [number | null, number | null];
    if (left !== null && right !== null && left !== right) return sides(split, left < right);
    if ((left === null) !== (right === null)) return sides(split, left === null);
  }
  return null;
}

/** A closing credit is a line of its own: "(AFP)", "dpa/AFP", "Source: Reuters" (the label read by the caller). */
const MAX_CREDIT_WORDS = 6;

/**
 * The agency an article's text credits: in a dateline opening it ("WIEN (APA) –", "باريس - الوكالات:")
 * or in a credit closing it ("(AFP)", "dpa/AFP"); null when it credits none.
 */
export function agencyFromText(text: string): string | null {
  const paragraphs = text.split(/\n+/u).map((p) => p.trim()).filter(Boolean);
  const first = paragraphs[0];
  const fromDateline = first ? readDateline(first)?.agency : null;
  if (fromDateline) return fromDateline;
  const last = paragraphs.at(-1);
  return last && paragraphs.length > 1 && wordCount(last) <= MAX_CREDIT_WORDS ? agencyOfCredit(last) : null;
}
