// The speech vocabulary of data/quotes/speech.json: its schema, and per-language scanning rules compiled once.
import { z } from 'zod';
import { escapeRegExp, foldText, loadDataFile } from '../../lib/data-files.js';
import { fold, foldKey } from './fold.js';

const list = z.array(z.string().min(1)).default([]);
const flag = z.boolean().default(false);
const LanguageSchema = z.object({
  speechVerbs: z.array(z.string().min(1)).min(1),
  inversionOnlyVerbs: list,
  pronounVerbs: list,
  objectVerbs: list,
  connectors: list,
  adjacentConnectors: list,
  accordingTo: list,
  accordingToGlued: list,
  accordingToAfter: list,
  pronouns: list,
  titles: list,
  leadingWords: list,
  fillers: list,
  nameParticles: list,
  quotatives: list,
  topicMarkers: list,
  unspaced: flag,
  verbFinal: flag,
  capitalisedNouns: flag,
  inflected: flag,
  titlesFollowName: flag,
  proDrop: flag,
  commaOpensClause: flag,
  capitalisedAdjectives: flag,
});
const SpeechSchema = z.object({
  version: z.literal(1),
  quotePairs: z.array(z.tuple([z.string().length(1), z.string().length(1)])).min(1),
  abbreviations: list,
  languages: z.record(LanguageSchema),
});
type LanguageData = z.infer<typeof LanguageSchema>;

const DATA_FILE = 'quotes/speech.json';

/** Multi-word phrases, matched over folded token keys. */
export interface Phrases {
  set: Set<string>;
  /** First and last words, to skip most tokens without building joined keys. */
  firsts: Set<string>;
  lasts: Set<string>;
  maxLen: number;
}

export interface Lang {
  data: LanguageData;
  /** Literal scans (see literalRegex); every hit goes through wordHit(). */
  verbs: RegExp;
  verbSticky: RegExp;
  openers: RegExp | null;
  openerSticky: RegExp | null;
  /** Openers glued to the next word (Arabic "وفقا لـ"): no end boundary. */
  gluedOpeners: Set<string>;
  postOpeners: RegExp | null;
  connectors: RegExp | null;
  adjacentConnectors: RegExp | null;
  quotatives: RegExp | null;
  inversionOnly: Set<string>;
  pronounVerbs: Set<string>;
  objectVerbs: Set<string>;
  connectorKeys: Set<string>;
  pronouns: Set<string>;
  /** Last words of pronoun phrases ("ấy" of "ông ấy"). */
  pronounLasts: Set<string>;
  titles: Phrases;
  leading: Phrases;
  fillers: Phrases;
  particles: Set<string>;
}

/** Rules common to all languages: quote-mark pairs and abbreviations. */
export interface Shared {
  openers: Map<string, string[]>;
  openerRe: RegExp;
  quoteChars: Set<string>;
  abbreviations: Set<string>;
}

const WORD = '[\\p{L}\\p{M}\\p{N}]';

let shared: Shared | null = null;
const compiled = new Map<string, Lang | null>();

function speechData() {
  return loadDataFile(DATA_FILE, SpeechSchema);
}

export function getShared(): Shared {
  if (shared) return shared;
  const data = speechData();
  const openers = new Map<string, string[]>();
  const quoteChars = new Set<string>();
  for (const [open, close] of data.quotePairs) {
    openers.set(open, [...(openers.get(open) ?? []), close]);
    quoteChars.add(open).add(close);
  }
  const openerRe = new RegExp(`[${[...openers.keys()].map(escapeRegExp).join('')}]`, 'g');
  shared = { openers, openerRe, quoteChars, abbreviations: new Set(data.abbreviations.map(foldText)) };
  return shared;
}

/** The compiled rules for an ISO 639-1 code ("en-GB" → "en"), or null when the data file has none. */
export function getLang(language: string): Lang | null {
  const code = language.toLowerCase().split(/[-_]/)[0] ?? '';
  if (compiled.has(code)) return compiled.get(code)!;
  const data = speechData().languages[code];
  const lang = data ? compileLanguage(data) : null;
  compiled.set(code, lang);
  return lang;
}

/** Whole-word alternation (substring for unspaced scripts); longest first so "a-t-il dit" beats "dit". */
function wordRegex(words: string[], flags: string, opts: { before: boolean; after: boolean }): RegExp | null {
  if (words.length === 0) return null;
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  const alt = (ws: string[]) => ws.map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|');
  // A word ending in an apostrophe ("qu'") is glued to the next word by definition: no end boundary.
  const whole = opts.after ? sorted.filter((w) => /[\p{L}\p{N}\p{M}]$/u.test(w)) : sorted;
  const glued = sorted.filter((w) => !whole.includes(w));
  const parts = [whole.length ? `(?:${alt(whole)})${opts.after ? `(?!${WORD})` : ''}` : '', glued.length ? `(?:${alt(glued)})` : ''];
  return new RegExp(`${opts.before ? `(?<!${WORD})` : ''}(?:${parts.filter(Boolean).join('|')})`, flags);
}

/**
 * Scanning regex: a plain alternation of literals in their lower, Capitalised and UPPER forms. Without flags,
 * lookarounds or \s+ V8 searches it several times faster than the equivalent /iu word regex; boundaries are
 * checked per hit by wordHit().
 */
function literalRegex(words: string[]): RegExp | null {
  if (words.length === 0) return null;
  const forms = words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]);
  return new RegExp([...new Set(forms)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
}

function phrases(words: string[]): Phrases {
  const keys = words.map((w) => w.split(/\s+/).map(foldKey));
  return {
    set: new Set(keys.map((k) => k.join(' '))),
    firsts: new Set(keys.map((k) => k[0]!)),
    lasts: new Set(keys.map((k) => k.at(-1)!)),
    maxLen: Math.max(0, ...keys.map((k) => k.length)),
  };
}

function compileLanguage(data: LanguageData): Lang {
  const spaced = !data.unspaced;
  const bounded = { before: spaced, after: spaced };
  const verbWords = [...data.speechVerbs, ...data.objectVerbs, ...data.pronounVerbs, ...data.inversionOnlyVerbs];
  const folded = (words: string[]) => new Set(words.map(fold));
  return {
    data,
    verbs: literalRegex(verbWords)!,
    verbSticky: wordRegex(verbWords, 'iuy', bounded)!,
    openers: literalRegex([...data.accordingTo, ...data.accordingToGlued]),
    openerSticky: combine(
      wordRegex(data.accordingTo, 'iuy', bounded),
      wordRegex(data.accordingToGlued, 'iuy', { before: spaced, after: false }),
    ),
    gluedOpeners: folded(data.accordingToGlued),
    postOpeners: wordRegex(data.accordingToAfter, 'giu', { before: false, after: spaced }),
    connectors: wordRegex(data.connectors, 'giu', bounded),
    adjacentConnectors: wordRegex(data.adjacentConnectors, 'iuy', bounded),
    quotatives: wordRegex(data.quotatives, 'uy', { before: false, after: false }),
    inversionOnly: folded(data.inversionOnlyVerbs),
    pronounVerbs: folded(data.pronounVerbs),
    objectVerbs: folded(data.objectVerbs),
    connectorKeys: folded(data.connectors),
    pronouns: new Set(data.pronouns.map((w) => w.split(/\s+/).map(foldKey).join(' '))),
    pronounLasts: new Set(data.pronouns.map((w) => foldKey(w.split(/\s+/).at(-1)!))),
    titles: phrases(data.titles),
    leading: phrases(data.leadingWords),
    fillers: phrases(data.fillers),
    particles: folded(data.nameParticles),
  };
}

function combine(a: RegExp | null, b: RegExp | null): RegExp | null {
  if (!a || !b) return a ?? b;
  return new RegExp(`${a.source}|${b.source}`, a.flags);
}
