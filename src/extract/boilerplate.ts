// Line-level boilerplate rules, loaded from data/boilerplate/text-pages.json.
import { wordCount } from '../lang/index.js';
import { z } from 'zod';
import { escapeRegExp, loadDataFile } from '../lib/data-files.js';

const TextBoilerplateSchema = z.object({
  version: z.number(),
  navigationLines: z.array(z.string()),
  tailMarkers: z.array(z.string()),
  tailMarkerPatterns: z.array(z.string()),
  dropLinePrefixes: z.array(z.string()),
  sourceLabels: z.array(z.string()),
  currentDateCues: z.array(z.string()),
  captionCredit: z.string(),
  creditLine: z.string(),
  socialNetworks: z.array(z.string()),
  consentPhrases: z.array(z.string()),
  bylinePrefixes: z.array(z.string()),
  stampCues: z.array(z.string()),
  tagLabels: z.array(z.string()),
  commentWords: z.array(z.string()),
  commentPolicyWords: z.array(z.string()),
});

export interface BoilerplateRules {
  isNavigationLine(line: string): boolean;
  isTailMarker(line: string): boolean;
  isDroppedLine(line: string): boolean;
  isCaption(line: string): boolean;
  /** "WhatsApp Facebook Twitter Email": a share bar. */
  isShareBar(line: string): boolean;
  /** A cookie or consent banner. */
  isConsentNotice(line: string): boolean;
  /** "By Jane Doe", "Updated Nov 19, 6:55 AM; Posted Nov 19": bylines and date stamps. */
  isBylineOrStamp(line: string): boolean;
  /** "Today is …", or a date printed beside a menu label: the page's clock, not the article's date. */
  hasCurrentDateCue(line: string): boolean;
  /** The outlet named by a "Source: X" line, "" for a bare "Source" line, null for other lines. */
  sourceLineValue(line: string): string | null;
  /** "Tags: transporte, ônibus", "Etiquetas: parques, ayuntamiento": a tag or category list. */
  isTagList(line: string): boolean;
  /** "Comments are the sole responsibility of their authors …": a comment-policy disclaimer. */
  isCommentPolicy(line: string): boolean;
}

let rules: BoilerplateRules | null = null;

const MAX_SHARE_BAR_WORDS = 15;
const SHARE_BAR_SHARE = 0.6;
const MAX_CONSENT_CHARS = 400;
const MAX_BYLINE_WORDS = 12;
const MAX_TAIL_LINE_WORDS = 6;
/** Items of a tag list are short: a name or a phrase. */
const MAX_TAG_WORDS = 4;
/** A comment policy is a sentence or two. */
const MAX_POLICY_WORDS = 45;
/** Lines longer than this hold more words than any short-line rule allows: they skip word counting. */
const MAX_SHORT_LINE_CHARS = 300;

/** The rules below test one line several times in a row: remember the last normalisation. */
let lastLine = '';
let lastNormalised = '';

function normalise(line: string): string {
  if (line !== lastLine) {
    lastLine = line;
    lastNormalised = line.replace(/\s+/g, ' ').trim().toLowerCase();
  }
  return lastNormalised;
}

/**
 * Each language's name for itself, from the runtime's CLDR data ("Deutsch", "Tiếng Việt", "kurdî"):
 * a line holding only one of them is a language switcher's entry. CLDR's qualifier ("kurdî (kurmancî)")
 * is dropped, as switchers show the short name; names that are also a country's English name
 * ("Indonesia") are left out, since such a line may be a heading.
 */
function languageAutonyms(): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const regions = new Set<string>();
  for (const a of letters.toUpperCase()) {
    for (const b of letters.toUpperCase()) {
      const name = regionNames.of(a + b);
      if (name) regions.add(name.toLowerCase());
    }
  }
  const out: string[] = [];
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (Intl.DisplayNames.supportedLocalesOf([code]).length === 0) continue;
      const name = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
      const short = name?.replace(/\s*\(.*\)$/u, '').toLowerCase();
      if (short && !regions.has(short)) out.push(short);
    }
  }
  return out;
}

/** A navigation label is at most this many words ("skip to main content"). */
const MAX_LABEL_WORDS = 4;
/** Words of a written-out clock beside its digits ("Tuesday, June 18, 2024"; "Thứ Ba, 18/6/2024"). */
const MAX_CLOCK_WORDS = 3;
const NUMBER_TOKEN = /\S*\p{Nd}\S*/gu;
const LABEL_SEPARATORS = /[\s|·•,:>›»–—-]+$/u;

/**
 * "HOME PAGE 26/06/2024 21:04", "Trang chủ | Thứ Ba, 18/6/2024": a date that follows a navigation
 * label on one line sits in the site's menu bar, where sites print today's date, not the article's.
 */
function opensWithNavigationLabel(line: string, navigation: Set<string>): boolean {
  if (line.length > MAX_SHORT_LINE_CHARS || !/\p{Nd}/u.test(line)) return false;
  const words = normalise(line).split(' ');
  for (let k = Math.min(MAX_LABEL_WORDS, words.length - 1); k >= 1; k--) {
    const label = words.slice(0, k).join(' ').replace(LABEL_SEPARATORS, '');
    if (!navigation.has(label)) continue;
    const rest = words.slice(k).join(' ');
    if (!/\p{Nd}/u.test(rest)) continue;
    const restWords = rest.replace(NUMBER_TOKEN, ' ').replace(/[^\p{L}\s]+/gu, ' ').trim();
    if (restWords === '' || restWords.split(/\s+/).length <= MAX_CLOCK_WORDS) return true;
  }
  return false;
}

/** "READ ALSO: Storm closes harbour", "VEA TAMBIÉN: Cierran el puerto": a kicker in capitals, a colon, then a headline. */
const TEASER = /^\p{Lu}[\p{Lu}\p{M}'’]+(?:\s+\p{Lu}[\p{Lu}\p{M}'’]*){0,3}\s*:\s+([\p{Lu}\p{Nd}"“„«‘'].*)$/u;
const MAX_TEASER_WORDS = 20;
const SENTENCE_END = /[.!?…]["”’»)\]]*$/u;

/**
 * A link to another article set inside the text: a capitalised kicker ending in a colon ("READ MORE:",
 * "ALSO READ:", "LEA TAMBIÉN:", whatever the words) before a headline, which has no closing stop.
 * A transcript's "SPEAKER: …" or an "UPDATE: …" note is a sentence and ends with one.
 */
function isTeaserLink(line: string): boolean {
  const t = line.trim();
  if (t.length > MAX_SHORT_LINE_CHARS) return false;
  const m = TEASER.exec(t);
  return m !== null && !SENTENCE_END.test(t) && wordCount(m[1]!) <= MAX_TEASER_WORDS;
}

/** "Related articles:", "You may also like…", "Loading...": a label is the same with or without its closing colon or dots. */
function asLabel(line: string): string {
  return normalise(line).replace(/[\s:：.…]+$/u, '');
}

export function getBoilerplateRules(): BoilerplateRules {
  if (rules) return rules;
  const data = loadDataFile('boilerplate/text-pages.json', TextBoilerplateSchema);
  const navigation = new Set([...data.navigationLines, ...languageAutonyms()].map(asLabel));
  const tail = new Set(data.tailMarkers.map(asLabel));
  const tailPatterns = data.tailMarkerPatterns.map((p) => new RegExp(p, 'iu'));
  const prefixes = data.dropLinePrefixes.map(normalise);
  const caption = new RegExp(data.captionCredit, 'iu');
  const creditLine = new RegExp(data.creditLine, 'iu');
  const social = new Set(data.socialNetworks.map(normalise));
  const consent = new RegExp(data.consentPhrases.map(escapeRegExp).join('|'), 'iu');
  const byline = new RegExp(`^(?:${data.bylinePrefixes.map(escapeRegExp).join('|')})\\s+\\p{Lu}`, 'u');
  const stamp = new RegExp(`(?<![\\p{L}])(?:${data.stampCues.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu');
  const cue = new RegExp(`(?<![\\p{L}])(?:${data.currentDateCues.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu');
  const tagList = new RegExp(`^(?:${data.tagLabels.map(escapeRegExp).join('|')})\\s*[:：]\\s*(.+)$`, 'iu');
  const wordsOf = (list: string[]) => new RegExp(`(?<![\\p{L}])(?:${list.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu');
  const commentWord = wordsOf(data.commentWords);
  const policyWord = wordsOf(data.commentPolicyWords);
  const sourceLine = new RegExp(`^(?:${data.sourceLabels.map(escapeRegExp).join('|')})\\s*(?::\\s*(.{1,80}))?$`, 'iu');
  rules = {
    isNavigationLine: (line) => navigation.has(asLabel(line)) || /^[^.!?]{0,40}\s[>›»]\s*$/u.test(line.trim()),
    isTailMarker: (line) => {
      const n = normalise(line);
      if (tail.has(asLabel(line)) || tailPatterns.some((p) => p.test(n))) return true;
      // "Kommentar verfassen Antwort abbrechen": a short line opening with a multi-word marker.
      if (n.length > MAX_SHORT_LINE_CHARS) return false;
      const words = n.split(' ');
      if (words.length > MAX_TAIL_LINE_WORDS) return false;
      for (let k = words.length - 1; k >= 2; k--) if (tail.has(words.slice(0, k).join(' '))) return true;
      return false;
    },
    isDroppedLine: (line) => {
      const n = normalise(line);
      return prefixes.some((p) => n.startsWith(p)) || isTeaserLink(line);
    },
    isCaption: (line) => caption.test(line.trim()) || creditLine.test(line.trim()),
    isConsentNotice: (line) => line.length < MAX_CONSENT_CHARS && consent.test(line),
    isBylineOrStamp: (line) => {
      const t = line.trim();
      if (t.length > MAX_SHORT_LINE_CHARS) return false;
      const words = wordCount(t);
      if (words > MAX_BYLINE_WORDS) return false;
      return byline.test(t) || (stamp.test(t) && /\d/.test(t));
    },
    isShareBar: (line) => {
      if (line.length > MAX_SHORT_LINE_CHARS) return false;
      const words = normalise(line).split(/[\s|·•,/]+/).filter(Boolean);
      if (words.length === 0 || words.length > MAX_SHARE_BAR_WORDS) return false;
      return words.filter((w) => social.has(w)).length / words.length >= SHARE_BAR_SHARE;
    },
    hasCurrentDateCue: (line) => cue.test(line) || opensWithNavigationLabel(line, navigation),
    isTagList: (line) => {
      const t = line.trim();
      if (t.length > MAX_SHORT_LINE_CHARS || SENTENCE_END.test(t)) return false;
      const m = tagList.exec(t);
      return m !== null && m[1]!.split(/[,;|·•]/).every((item) => wordCount(item) <= MAX_TAG_WORDS);
    },
    isCommentPolicy: (line) => line.length < MAX_CONSENT_CHARS && wordCount(line) <= MAX_POLICY_WORDS && commentWord.test(line) && policyWord.test(line),
    sourceLineValue: (line) => {
      const m = sourceLine.exec(line.trim());
      if (!m) return null;
      return (m[1] ?? '').trim();
    },
  };
  return rules;
}
