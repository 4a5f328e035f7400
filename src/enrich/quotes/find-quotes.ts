// Direct and reported speech ("quotes") with the speaker resolved to an article entity.
// Precision first: a quote is kept only when a speech verb or an "according to" opener ties it to a
// speaker that is a known entity, a pronoun with an antecedent, or a capitalised name. All vocabulary
// comes from data/quotes/speech.json; every scan is a linear regex or a bounded backward/forward walk.
import { z } from 'zod';
import type { EntityMention, Quote } from '../../domain/index.js';
import { escapeRegExp, foldText, loadDataFile } from '../../lib/data-files.js';

export type { Quote };

// ---------------------------------------------------------------------------------------------
// Data

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
});
const SpeechSchema = z.object({
  version: z.literal(1),
  quotePairs: z.array(z.tuple([z.string().length(1), z.string().length(1)])).min(1),
  abbreviations: list,
  languages: z.record(LanguageSchema),
});
type LanguageData = z.infer<typeof LanguageSchema>;

const DATA_FILE = 'quotes/speech.json';

/** Longest speaker phrase we look at, in characters and tokens ("Russian Foreign Minister Sergei Lavrov"). */
const MAX_SPEAKER_CHARS = 120;
const MAX_SPEAKER_TOKENS = 9;
const MAX_NAME_TOKENS = 5;
/** Unspaced scripts: longest stretch before a speech verb that can still be "title + name". */
const MAX_UNSPACED_SPEAKER = 24;
/** Words allowed between "Ushakov said" and the end of the sentence ("told reporters on Monday"). */
const MAX_TAIL_WORDS = 4;
/** Words allowed between the verb and its connector ("said on Monday that"). */
const MAX_WORDS_BEFORE_CONNECTOR = 4;
/** Bounds on sentence walks, so a paragraph without punctuation cannot make the scan quadratic. */
const MAX_SENTENCE_CHARS = 800;
const MIN_QUOTE_WORDS = 3;
/** A glued surname ("Narishkinhead") is only split off a known surname this long. */
const MIN_GLUED_SURNAME = 5;
/** A two-word quote («Визит готовится») counts only when it opens the sentence or follows a colon; mid-sentence it is a scare quote. */
const MIN_OPENING_QUOTE_WORDS = 2;

// ---------------------------------------------------------------------------------------------
// Compiled vocabulary, once per language

/** Multi-word phrases, matched over folded token keys. */
interface Phrases {
  set: Set<string>;
  /** First and last words, to skip most tokens without building joined keys. */
  firsts: Set<string>;
  lasts: Set<string>;
  maxLen: number;
}

interface Lang {
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

interface Shared {
  openers: Map<string, string[]>;
  openerRe: RegExp;
  quoteChars: Set<string>;
  abbreviations: Set<string>;
}

const WORD = '[\\p{L}\\p{M}\\p{N}]';

/** foldText normalises twice; tokens and verbs repeat a lot, so short strings are memoised. */
const foldCache = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;
function fold(s: string): string {
  let f = foldCache.get(s);
  if (f === undefined) {
    // ASCII has nothing to decompose: skip the two Unicode normalisations.
    f = ASCII.test(s) ? s.toLowerCase() : foldText(s);
    if (foldCache.size > 20_000) foldCache.clear();
    foldCache.set(s, f);
  }
  return f;
}
let shared: Shared | null = null;
const compiled = new Map<string, Lang | null>();

function speechData() {
  return loadDataFile(DATA_FILE, SpeechSchema);
}

function getShared(): Shared {
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

function getLang(language: string): Lang | null {
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

// ---------------------------------------------------------------------------------------------
// Speakers the article knows about

interface Form {
  keys: string[];
  folded: string;
  surface: string;
  entity: EntityMention;
}

interface SpeakerIndex {
  full: Map<string, EntityMention[]>;
  byLast: Map<string, Form[]>;
  persons: Form[];
  forms: Form[];
}

/** Only people and organisations speak; places ("Moscow said") are left to the caller's metonymy rules. */
function indexSpeakers(entities: EntityMention[]): SpeakerIndex {
  const index: SpeakerIndex = { full: new Map(), byLast: new Map(), persons: [], forms: [] };
  for (const entity of entities) {
    if (entity.type !== 'person' && entity.type !== 'organization') continue;
    for (const surface of new Set([entity.name, ...entity.aliases])) {
      const keys = surface.split(/\s+/).map(foldKey).filter(Boolean);
      if (keys.length === 0) continue;
      const form: Form = { keys, folded: fold(surface).replace(/\s+/g, ''), surface, entity };
      index.forms.push(form);
      addTo(index.full, keys.join(' '), entity);
      if (entity.type === 'person') {
        index.persons.push(form);
        index.byLast.set(keys.at(-1)!, [...(index.byLast.get(keys.at(-1)!) ?? []), form]);
      }
    }
  }
  return index;
}

function addTo(map: Map<string, EntityMention[]>, key: string, entity: EntityMention): void {
  const have = map.get(key) ?? [];
  if (!have.includes(entity)) have.push(entity);
  map.set(key, have);
}

const APOSTROPHE_SUFFIX = /^(.{2,}?)['’][\p{L}]{1,4}$/u;

/** Folded token key: case/accents off, periods off ("U.S."), a possessive or case suffix after an apostrophe off ("Putin's", "Peskov'a"). */
function foldKey(raw: string): string {
  const k = fold(raw).replace(/\./g, '');
  const m = k.length > 2 ? APOSTROPHE_SUFFIX.exec(k) : null;
  return m ? m[1]! : k;
}

/** Russian "Пескова" / Polish "Tuska" against the nominative alias: same stem, short endings. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  let cp = 0;
  while (cp < a.length && cp < b.length && a[cp] === b[cp]) cp++;
  return cp >= Math.max(4, Math.min(a.length, b.length) - 2) && a.length - cp <= 3 && b.length - cp <= 3;
}

function uniqueEntity(entities: EntityMention[]): EntityMention | null {
  const set = new Set(entities);
  return set.size === 1 ? [...set][0]! : null;
}

/** "Sergei Peskov" must not become Dmitry Peskov: a written given name has to agree with the entity's. */
function givenNameConflict(given: string, entity: EntityMention, index: SpeakerIndex, inflected: boolean): boolean {
  const givens = index.forms.filter((f) => f.entity === entity && f.keys.length >= 2).map((f) => f.keys.at(-2)!);
  if (givens.length === 0) return false;
  return !givens.some((g) => g === given || (inflected && sameStem(g, given)) || (given.length === 1 && g.startsWith(given)));
}

/** Name tokens → entity: a whole form (longest suffix first), then the surname, then (inflected languages) the surname's stem. */
function resolveName(keys: string[], index: SpeakerIndex, lang: Lang): EntityMention | null {
  const inflected = lang.data.inflected;
  for (let k = 0; k < keys.length; k++) {
    const hits = index.full.get(keys.slice(k).join(' '));
    if (!hits) continue;
    const single = k === keys.length - 1 && k > 0;
    const ok = hits.filter((e) => !single || e.type !== 'person' || !givenNameConflict(keys[k - 1]!, e, index, inflected));
    return uniqueEntity(ok);
  }
  const last = keys.at(-1)!;
  let forms = index.byLast.get(last) ?? [];
  if (forms.length === 0 && inflected) forms = index.persons.filter((f) => sameStem(f.keys.at(-1)!, last));
  const given = keys.length >= 2 ? keys.at(-2)! : null;
  const found = uniqueEntity(forms.map((f) => f.entity).filter((e) => !given || !givenNameConflict(given, e, index, inflected)));
  return found ?? (given ? gluedSurname(given, last, index) : null);
}

/** "Sergei Narishkinhead": a surname glued to the next word; trusted only when the written given name is the entity's. */
function gluedSurname(given: string, last: string, index: SpeakerIndex): EntityMention | null {
  const hits = index.persons.filter((f) => {
    const surname = f.keys.at(-1)!;
    if (surname.length < MIN_GLUED_SURNAME || last.length - surname.length < 2 || !last.startsWith(surname)) return false;
    return index.forms.some((g) => g.entity === f.entity && g.keys.length >= 2 && g.keys.at(-2) === given);
  });
  return uniqueEntity(hits.map((f) => f.entity));
}

/** Unspaced scripts: the phrase starts or ends with a known form ("俄罗斯总统普京", "プーチン大統領"); longest wins, ties must agree. */
function resolveUnspaced(phrase: string, index: SpeakerIndex): { form: Form; atStart: boolean } | null {
  const folded = fold(phrase);
  let best: { form: Form; atStart: boolean } | null = null;
  let tie = false;
  for (const form of index.forms) {
    const atEnd = folded.endsWith(form.folded);
    if (!atEnd && !folded.startsWith(form.folded)) continue;
    const len = form.folded.length;
    if (!best || len > best.form.folded.length) [best, tie] = [{ form, atStart: !atEnd }, false];
    else if (len === best.form.folded.length && form.entity !== best.form.entity) tie = true;
  }
  return tie ? null : best;
}

// ---------------------------------------------------------------------------------------------
// Characters, sentences, segments

const STOP_CHARS = new Set([...',;:!?…\n。！？；：，、،؛؟()[]{}—–|']);
const COMMAS = new Set([',', '，', '、', '،']);
const CLAUSE_BREAKS = new Set([...COMMAS, '—', '–', '-']);
const SENTENCE_CHARS = new Set(['.', '!', '?', '…', '؟']);
const HARD_SENTENCE_CHARS = new Set(['。', '！', '？', '\n']);
const APOSTROPHES = new Set(['’', '‘', '‚']);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/;

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return WORD_CHAR.test(c);
}

/** Any space but a newline (a newline ends a line, which we treat as a sentence end). */
function isSpace(c: string | undefined): boolean {
  if (c === undefined || c === '\n') return false;
  return c === ' ' || SPACE.test(c);
}

/** True for ASCII letters, digits and the space: the characters most per-character checks can skip at once. */
function isPlainAscii(c: string): boolean {
  const code = c.charCodeAt(0);
  return code === 32 || (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
}

function isQuoteMark(p: string, j: number): boolean {
  const c = p[j]!;
  if (!getShared().quoteChars.has(c)) return false;
  return !(APOSTROPHES.has(c) && isWordChar(p[j - 1]) && isWordChar(p[j + 1]));
}

/** A period ends a sentence unless it follows an initial or abbreviation ("Mr.", "U.S.") or a lower-case word follows. */
function isSentenceEnd(p: string, i: number): boolean {
  const c = p[i]!;
  if (isPlainAscii(c)) return false;
  if (HARD_SENTENCE_CHARS.has(c)) return true;
  if (!SENTENCE_CHARS.has(c)) return false;
  const { quoteChars } = getShared();
  let j = i + 1;
  while (j < p.length && quoteChars.has(p[j]!)) j++;
  if (j < p.length && !SPACE.test(p[j]!)) return false;
  while (j < p.length && isSpace(p[j])) j++;
  const next = p[j];
  if (next !== undefined && next !== next.toUpperCase() && next === next.toLowerCase() && c === '.') return false;
  if (c !== '.') return true;
  let w = i;
  while (w > 0 && (p[w - 1] === '.' || isWordChar(p[w - 1]))) w--;
  const word = p.slice(w, i);
  if (word.length === 1 && word !== word.toLowerCase()) return false;
  return !getShared().abbreviations.has(fold(word));
}

function isStop(p: string, j: number): boolean {
  const c = p[j]!;
  if (isPlainAscii(c)) return false;
  if (c === '.') return isSentenceEnd(p, j);
  if (STOP_CHARS.has(c)) return true;
  if (c === '-') return p[j - 1] === ' ' && p[j + 1] === ' ';
  return isQuoteMark(p, j);
}

/** Start of the sentence containing i, or -1 when it is implausibly long. */
function sentenceStart(p: string, i: number): number {
  const floor = Math.max(0, i - MAX_SENTENCE_CHARS);
  for (let j = i - 1; j >= floor; j--) if (isSentenceEnd(p, j)) return j + 1;
  return floor === 0 ? 0 : -1;
}

/** Index of the sentence-final mark at or after i (or the paragraph end), or -1 when too far. */
function sentenceEnd(p: string, i: number): number {
  const ceil = Math.min(p.length, i + MAX_SENTENCE_CHARS);
  for (let j = i; j < ceil; j++) if (isSentenceEnd(p, j)) return j;
  return ceil === p.length ? p.length : -1;
}

/** True when only spaces separate i from the end of the sentence. */
function endsSentence(p: string, i: number): boolean {
  let j = i;
  while (j < p.length && isSpace(p[j])) j++;
  return j >= p.length || isSentenceEnd(p, j);
}

interface Segment {
  from: number;
  /** The stop character before the segment; '' at paragraph start, 'min' at the caller's limit. */
  boundary: string;
}

/** The clause fragment ending at `to`: back to the nearest stop character, at most MAX_SPEAKER_CHARS. */
function segmentBefore(p: string, to: number, minFrom: number): Segment | null {
  const floor = Math.max(minFrom, to - MAX_SPEAKER_CHARS);
  for (let j = to - 1; j >= floor; j--) {
    if (isStop(p, j)) return { from: j + 1, boundary: p[j]! };
  }
  if (floor > minFrom) return null;
  return { from: minFrom, boundary: minFrom === 0 ? '' : 'min' };
}

function startsSentence(seg: Segment, p: string): boolean {
  if (seg.boundary === '') return true;
  if (seg.boundary === 'min') return false;
  // '… prepared.” Ushakov added': a closing mark after a sentence end still starts a sentence.
  return isSentenceEnd(p, seg.from - 1) || (isQuoteMark(p, seg.from - 1) && seg.from >= 2 && isSentenceEnd(p, seg.from - 2));
}

function skipSpaces(p: string, i: number): number {
  while (i < p.length && isSpace(p[i])) i++;
  return i;
}

function skipSpacesBack(p: string, i: number): number {
  while (i > 0 && isSpace(p[i - 1])) i--;
  return i;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Word count, capped: Han/kana runs count a word per two characters. */
function hasWords(p: string, start: number, end: number, min: number): boolean {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = start; i < end && words + Math.ceil(cjk / 2) < min; i++) {
    const c = p[i]!;
    const word = isWordChar(c);
    if (word && c.charCodeAt(0) >= 0x3040 && CJK.test(c)) cjk++;
    else if (word && !inWord) words++;
    inWord = word;
  }
  return words + Math.ceil(cjk / 2) >= min;
}

interface Range {
  start: number;
  end: number;
}

/** Trims spaces and the given edge punctuation; null when fewer than `minWords` words remain. */
function trimmed(p: string, start: number, end: number, lead: RegExp, trail: RegExp, minWords = MIN_QUOTE_WORDS): Range | null {
  while (start < end && (SPACE.test(p[start]!) || lead.test(p[start]!))) start++;
  while (end > start && (SPACE.test(p[end - 1]!) || trail.test(p[end - 1]!))) end--;
  if (end <= start || !hasWords(p, start, end, minWords)) return null;
  return { start, end };
}

const CLAUSE_LEAD = /[,，、،:：;—–-]/;
const CLAUSE_TRAIL = /[.!?。！？,，、،;；:：…—–-]/;
const QUOTE_TRAIL = /[,，、،]/;
const NOTHING = /$^/;

// ---------------------------------------------------------------------------------------------
// Speaker phrases

interface Tok {
  raw: string;
  key: string;
  start: number;
  end: number;
}

interface Speaker {
  text: string;
  start: number;
  end: number;
  entity: EntityMention | null;
  pronoun: boolean;
  /** An unknown but capitalised name: still a speaker. */
  named: boolean;
}

type Kind = 'title' | 'name' | 'particle' | 'other';
const LETTER = /\p{L}/u;

/** Whitespace-separated words of p[from, to), trimmed of edge punctuation. */
function tokenize(p: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  for (let i = from; i < to; ) {
    while (i < to && isWhite(p[i]!)) i++;
    let j = i;
    while (j < to && !isWhite(p[j]!)) j++;
    let s = i;
    let e = j;
    while (s < e && !isWordChar(p[s])) s++;
    while (e > s && !isWordChar(p[e - 1])) e--;
    if (s < e) out.push({ raw: p.slice(s, e), key: foldKey(p.slice(s, e)), start: s, end: e });
    i = j;
  }
  return out;
}

function isWhite(c: string): boolean {
  return c === ' ' || c === '\n' || ((c < ' ' || c > '~') && SPACE.test(c));
}

/** Length of the longest phrase starting at token i, or 0. */
function phraseAt(toks: Tok[], i: number, ph: Phrases): number {
  if (i >= toks.length || !ph.firsts.has(toks[i]!.key)) return 0;
  for (let len = Math.min(ph.maxLen, toks.length - i); len > 0; len--) {
    if (ph.set.has(toks.slice(i, i + len).map((t) => t.key).join(' '))) return len;
  }
  return 0;
}

/** Length of the longest phrase ending at token `end` (exclusive), or 0. */
function phraseEndingAt(toks: Tok[], end: number, ph: Phrases): number {
  if (end <= 0 || !ph.lasts.has(toks[end - 1]!.key)) return 0;
  for (let len = Math.min(ph.maxLen, end); len > 0; len--) {
    if (ph.set.has(toks.slice(end - len, end).map((t) => t.key).join(' '))) return len;
  }
  return 0;
}

/** Upper-case initial, or a letter of a caseless script (Arabic, Hangul). */
function isNameLike(raw: string): boolean {
  const c = LETTER.exec(raw)?.[0];
  if (!c || c !== raw[0]) return false;
  return c.toLowerCase() === c.toUpperCase() || c === c.toUpperCase();
}

const isCased = (raw: string) => raw[0]!.toLowerCase() !== raw[0]!.toUpperCase();

function classify(toks: Tok[], lang: Lang): Kind[] {
  const kinds: Kind[] = [];
  for (let i = 0; i < toks.length; ) {
    const len = phraseAt(toks, i, lang.titles);
    if (len > 0) {
      for (let k = 0; k < len; k++) kinds.push('title');
      i += len;
      continue;
    }
    const t = toks[i]!;
    kinds.push(isNameLike(t.raw) ? 'name' : lang.particles.has(t.key) ? 'particle' : 'other');
    i++;
  }
  return kinds;
}

interface Shape {
  from: number;
  to: number;
  hasTitle: boolean;
}

/**
 * Where the name sits among titles: "Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov"; "プーチン 大統領" (titles after
 * the name) → "プーチン". 'role' when there is a title but no name of a person ("the Kremlin spokesman", "porte-parole du Kremlin").
 */
function nameShape(kinds: Kind[], titlesFollowName: boolean): Shape | 'role' | null {
  let to = kinds.length;
  if (titlesFollowName) while (to > 0 && kinds[to - 1] === 'title') to--;
  if (to === 0 || kinds[to - 1] === 'title') return 'role';
  if (kinds[to - 1] !== 'name') return null;
  let from = to;
  while (from > 0 && (kinds[from - 1] === 'name' || kinds[from - 1] === 'particle')) from--;
  while (kinds[from] === 'particle') from++;
  const hasTitle = kinds.includes('title');
  const names = kinds.slice(from, to).filter((k) => k === 'name').length;
  if (names > MAX_NAME_TOKENS) return null;
  for (let i = 0; i < from; i++) {
    // A lower-case word may only qualify a title ("le président russe", "der russische Präsident").
    if (kinds[i] === 'other' && !kinds.slice(Math.max(0, i - 3), i + 2).includes('title')) return null;
  }
  const lastTitle = from > 0 ? kinds.lastIndexOf('title', from - 1) : -1;
  // "spokesman for the Kremlin": a lone name after a title and a linking word is the title's complement.
  if (lastTitle >= 0 && lastTitle < from - 1 && names < 2) return 'role';
  return { from, to, hasTitle };
}

/** An unknown speaker must look like a person's name, not a capitalised common noun or sentence-initial word. */
function isUnknownName(names: Tok[], shape: Shape, sentenceInitial: boolean, lang: Lang): boolean {
  if (names.length === 0 || !names.every((t) => isCased(t.raw) && isNameLike(t.raw))) return false;
  if (lang.data.capitalisedNouns && names.length < 2 && !shape.hasTitle) return false;
  return !(names.length === 1 && !shape.hasTitle && sentenceInitial);
}

/** Drops a Korean topic particle glued to the last word ("대통령은" → "대통령"). */
function stripTopicMarker(toks: Tok[], lang: Lang): void {
  const last = toks.at(-1);
  if (!last || lang.data.unspaced) return;
  for (const m of lang.data.topicMarkers) {
    if (!LETTER.test(m) || !last.raw.endsWith(m) || last.raw.length <= m.length) continue;
    last.raw = last.raw.slice(0, -m.length);
    last.key = foldKey(last.raw);
    last.end -= m.length;
    return;
  }
}

interface ParseContext {
  p: string;
  lang: Lang;
  index: SpeakerIndex;
  /** Every speech verb of the paragraph, in order: one scan serves all look-ups. */
  verbs: Hit[];
}

function pronounSpeaker(text: string, start: number, end: number): Speaker {
  return { text, start, end, entity: null, pronoun: true, named: false };
}

/** "ujarnya", "a-t-il déclaré", pro-drop "dijo": the verb carries its own subject, so it is the speaker as written. */
function verbAsPronoun(verb: Hit, p: string): Speaker {
  return pronounSpeaker(p.slice(verb.start, verb.end), verb.start, verb.end);
}

/** "But on Monday Peskov also" → "Peskov": drops sentence openers in front and adverbs behind (never every token). */
function withoutLeadingAndFillers(all: Tok[], lang: Lang): Tok[] {
  let toks = all;
  for (let n = phraseAt(toks, 0, lang.leading); n > 0 && n < toks.length; n = phraseAt(toks, 0, lang.leading)) toks = toks.slice(n);
  for (let n = phraseEndingAt(toks, toks.length, lang.fillers); n > 0 && n < toks.length; ) {
    toks = toks.slice(0, toks.length - n);
    n = phraseEndingAt(toks, toks.length, lang.fillers);
  }
  return toks;
}

/** Parses tokens as a speaker phrase: pronoun, known entity, or unknown capitalised name. */
function parseTokens(all: Tok[], ctx: ParseContext, sentenceInitial: boolean): Speaker | 'role' | null {
  const { lang } = ctx;
  let toks = withoutLeadingAndFillers(all, lang);
  if (toks.length === 0 || toks.length > MAX_SPEAKER_TOKENS) return null;
  toks = toks.map((t) => ({ ...t }));
  stripTopicMarker(toks, lang);
  const first = toks[0]!;
  const last = toks.at(-1)!;
  const text = ctx.p.slice(first.start, last.end);
  if (lang.pronouns.has(toks.map((t) => t.key).join(' '))) return pronounSpeaker(text, first.start, last.end);
  const kinds = classify(toks, lang);
  const shape = nameShape(kinds, lang.data.titlesFollowName);
  if (shape === null || shape === 'role') return shape;
  const nameToks = toks.slice(shape.from, shape.to);
  const entity = resolveName(nameToks.map((t) => t.key), ctx.index, lang);
  const names = nameToks.filter((_, i) => kinds[shape.from + i] === 'name');
  const named = !entity && isUnknownName(names, shape, sentenceInitial, lang);
  if (!entity && !named) return null;
  return { text, start: first.start, end: last.end, entity, pronoun: false, named };
}

/** Strips leading words, fillers, topic markers, titles and a trailing speech verb from an unspaced phrase. */
function parseUnspaced(from: number, to: number, ctx: ParseContext): Speaker | null {
  const { p, lang } = ctx;
  let s = skipSpaces(p, from);
  let e = skipSpacesBack(p, to);
  const strip = (words: string[], atEnd: boolean): boolean => {
    const w = words.find((x) => e - s > x.length && (atEnd ? p.slice(e - x.length, e) === x : p.startsWith(x, s)));
    if (w === undefined) return false;
    if (atEnd) e -= w.length;
    else s += w.length;
    return true;
  };
  while (strip(lang.data.leadingWords, false));
  while (strip(lang.data.topicMarkers, true) || strip(lang.data.fillers, true) || strip(lang.data.speechVerbs, true));
  if (e <= s || e - s > MAX_UNSPACED_SPEAKER) return null;
  const phrase = p.slice(s, e);
  if (lang.pronouns.has(fold(phrase))) return pronounSpeaker(phrase, s, e);
  let core = e;
  const titles = [...lang.data.titles].sort((a, b) => b.length - a.length);
  for (let again = true; again; ) {
    again = false;
    for (const t of titles) {
      if (core - s > t.length && p.slice(core - t.length, core) === t) [core, again] = [core - t.length, true];
    }
  }
  const hit = resolveUnspaced(p.slice(s, core), ctx.index);
  if (!hit) return null;
  if (!hit.atStart) return { text: phrase, start: s, end: e, entity: hit.form.entity, pronoun: false, named: false };
  // "普京在会见时" → "普京"; "プーチン大統領は記者団に" → "プーチン大統領".
  let end = s + hit.form.surface.length;
  for (const t of titles) if (p.startsWith(t, end) && end + t.length <= e) end += t.length;
  return { text: p.slice(s, end), start: s, end, entity: hit.form.entity, pronoun: false, named: false };
}

function parseRange(from: number, to: number, ctx: ParseContext, sentenceInitial: boolean): Speaker | 'role' | null {
  if (ctx.lang.data.unspaced) return parseUnspaced(from, to, ctx);
  return parseTokens(tokenize(ctx.p, from, to), ctx, sentenceInitial);
}

/** The speaker phrase ending at `to` (before a verb). Falls back over an apposition: "Peskov, the Kremlin spokesman, said". */
function speakerEndingAt(
  to: number,
  minFrom: number,
  ctx: ParseContext,
  sentenceInitial?: boolean,
): { speaker: Speaker; seg: Segment } | null {
  const seg = segmentBefore(ctx.p, to, minFrom);
  if (!seg) return null;
  // "Peskov, the Kremlin spokesman, said": step over the comma closing the apposition.
  if (COMMAS.has(seg.boundary) && ctx.p.slice(seg.from, to).trim() === '' && seg.from - 1 > minFrom) {
    return speakerEndingAt(seg.from - 1, minFrom, ctx, sentenceInitial);
  }
  const initial = sentenceInitial ?? startsSentence(seg, ctx.p);
  const sp = parseRange(seg.from, to, ctx, initial);
  if (sp && sp !== 'role') return { speaker: sp, seg };
  if (sp !== 'role' || !COMMAS.has(seg.boundary)) return null;
  const prev = segmentBefore(ctx.p, seg.from - 1, minFrom);
  if (!prev) return null;
  const named = parseRange(prev.from, seg.from - 1, ctx, sentenceInitial ?? startsSentence(prev, ctx.p));
  return named && named !== 'role' && !named.pronoun ? { speaker: named, seg: prev } : null;
}

/** Where a speaker phrase that starts at `from` must end: the next stop character. */
function runEnd(p: string, from: number): number {
  const ceil = Math.min(p.length, from + MAX_SPEAKER_CHARS);
  for (let j = from; j < ceil; j++) if (isStop(p, j)) return j;
  return ceil;
}

/**
 * The speaker phrase starting at `from` ("said Kremlin spokesman Dmitry Peskov on Monday", "по словам Пескова, ...").
 * Longest prefix that names a known entity or pronoun wins, else the longest unknown capitalised name.
 */
function speakerStartingAt(from: number, ctx: ParseContext): Speaker | null {
  const { p, lang } = ctx;
  const start = skipSpaces(p, from);
  const stop = runEnd(p, start);
  if (lang.data.unspaced) return parseUnspaced(start, stop, ctx);
  let toks = tokenize(p, start, stop);
  const connector = toks.findIndex((t) => lang.connectorKeys.has(t.key));
  if (connector >= 0) toks = toks.slice(0, connector);
  toks = toks.slice(0, speakerRunLength(toks, lang));
  let fallback: Speaker | null = null;
  let role = false;
  const kinds = classify(toks, lang);
  for (let n = toks.length; n > 0; n--) {
    if (kinds[n - 1] === 'other' && !lang.pronounLasts.has(toks[n - 1]!.key)) continue;
    const sp = parseTokens(toks.slice(0, n), ctx, false);
    if (sp === 'role') role ||= n === toks.length;
    else if (sp && (sp.entity || sp.pronoun)) return sp;
    else if (sp && !fallback) fallback = sp;
  }
  if (fallback) return fallback;
  // "said the Kremlin spokesman, Dmitry Peskov": the name follows the role after a comma.
  if (role && COMMAS.has(p[stop] ?? '')) {
    const sp = speakerStartingAt(stop + 1, ctx);
    return sp && !sp.pronoun ? sp : null;
  }
  return null;
}

/** Tokens up to the first word that cannot belong to a speaker phrase (lower-case, not a title or a title's qualifier). */
function speakerRunLength(toks: Tok[], lang: Lang): number {
  const limit = Math.min(toks.length, MAX_SPEAKER_TOKENS);
  const kinds = classify(toks.slice(0, limit), lang);
  let lead = 0;
  for (let n = phraseAt(toks, 0, lang.leading); n > 0; n = phraseAt(toks, lead, lang.leading)) lead += n;
  for (let i = lead; i < limit; i++) {
    if (kinds[i] !== 'other' || lang.pronounLasts.has(toks[i]!.key)) continue;
    if (!kinds.slice(Math.max(0, i - 3), i + 2).includes('title')) return i;
  }
  return limit;
}

// ---------------------------------------------------------------------------------------------
// Verbs

interface Hit {
  start: number;
  end: number;
  key: string;
}

/**
 * A literal-scan hit as a whole word. When the literal runs into a letter ("pointed outside"), a shorter
 * alternative may still be a word, so the bounded sticky regex has the last word.
 */
function wordHit(p: string, index: number, text: string, lang: Lang, sticky: RegExp, glued?: Set<string>): Hit | null {
  const hit = { start: index, end: index + text.length, key: fold(text) };
  if (lang.data.unspaced) return hit;
  if (isWordChar(p[index - 1])) return null;
  if (!isWordChar(p[hit.end]) || glued?.has(hit.key)) return hit;
  sticky.lastIndex = index;
  const m = sticky.exec(p);
  return m ? { start: index, end: index + m[0].length, key: fold(m[0]).replace(/\s+/g, ' ') } : null;
}

/** All whole-word speech verbs of a paragraph (exec loop: matchAll would clone the regex). */
function scanVerbs(p: string, lang: Lang): Hit[] {
  const hits: Hit[] = [];
  const re = lang.verbs;
  re.lastIndex = 0;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    const h = wordHit(p, m.index, m[0], lang, lang.verbSticky);
    if (h) hits.push(h);
    re.lastIndex = h ? Math.max(h.end, m.index + 1) : m.index + 1;
  }
  return hits;
}

function verbAt(i: number, ctx: ParseContext): Hit | null {
  return ctx.verbs.find((v) => v.start === i) ?? null;
}

/** Speech verbs inside [from, to), with word boundaries checked against the whole paragraph. */
function firstVerbIn(from: number, to: number, ctx: ParseContext): Hit | undefined {
  return ctx.verbs.find((v) => v.start >= from && v.end <= to);
}

/** After "said"/"told reporters": the start of the reported clause, or -1. */
function clauseStartAfterVerb(p: string, verb: Hit, lang: Lang): number {
  const viaConnector = connectorWithin(p, verb.end, lang);
  if (viaConnector >= 0) return viaConnector;
  if (lang.objectVerbs.has(verb.key)) return -1;
  const j = skipSpaces(p, verb.end);
  const c = p[j];
  if (c === undefined || isSentenceEnd(p, j) || c === ';' || isQuoteMark(p, j)) return -1;
  if (COMMAS.has(c)) return lang.data.unspaced ? j + 1 : -1;
  if (c === ':' || c === '：') return j + 1;
  if (lang.adjacentConnectors) {
    lang.adjacentConnectors.lastIndex = j;
    const m = lang.adjacentConnectors.exec(p);
    if (m) return j + m[0].length;
  }
  return j;
}

const WORD_RUNS = /[\p{L}\p{N}]+/gu;

/** "said on Monday that", "заявил журналистам, что": a connector a few words after the verb. */
function connectorWithin(p: string, from: number, lang: Lang): number {
  if (!lang.connectors) return -1;
  const window = p.slice(from, runEndAllowingCommas(p, from));
  lang.connectors.lastIndex = 0;
  const m = lang.connectors.exec(window);
  if (!m) return -1;
  const words = window.slice(0, m.index).match(WORD_RUNS)?.length ?? 0;
  return words <= MAX_WORDS_BEFORE_CONNECTOR ? from + m.index + m[0].length : -1;
}

function runEndAllowingCommas(p: string, from: number): number {
  const ceil = Math.min(p.length, from + 80);
  for (let j = from; j < ceil; j++) if (!COMMAS.has(p[j]!) && isStop(p, j)) return j;
  return ceil;
}

const TAIL_WORD = /[^\s,;:!?.…。！？；：，、،؛؟]+/y;

/** After "…, Ushakov said": a few words ("told reporters on Monday") then the sentence end, or -1. */
function tailToSentenceEnd(p: string, from: number, maxWords: number, lang: Lang): number {
  let j = from;
  for (let words = 0; ; words++) {
    j = skipSpaces(p, j);
    if (j >= p.length || isSentenceEnd(p, j) || COMMAS.has(p[j]!) || p[j] === ';') return j;
    if (isStop(p, j) || words >= maxWords) return -1;
    TAIL_WORD.lastIndex = j;
    const w = TAIL_WORD.exec(p);
    if (!w || lang.connectorKeys.has(fold(w[0]))) return -1;
    j += w[0].length;
  }
}

// ---------------------------------------------------------------------------------------------
// Candidates

interface Candidate {
  kind: 'direct' | 'reported';
  start: number;
  end: number;
  speaker: Speaker;
}

interface Span {
  /** Index of the opening mark; for an orphan, the character before the guessed start. */
  open: number;
  close: number;
  /** A closing mark whose opener was lost (careless HTML stripping); the quote starts at the sentence start. */
  orphan?: boolean;
}

/** Marks that only ever close a quote, so an unmatched one is worth a guess. Never apostrophes or straight quotes. */
const ORPHAN_CLOSERS = new Set(['”', '»', '」', '』']);

/** Opening mark → nearest matching closing mark in the paragraph; the scan resumes after the closer, so nesting is skipped. */
function quoteSpans(p: string): Span[] {
  const { openers, openerRe } = getShared();
  const spans: Span[] = [];
  const next = new Map<string, number>();
  openerRe.lastIndex = 0;
  for (let m = openerRe.exec(p); m; m = openerRe.exec(p)) {
    const open = m.index;
    let close = -1;
    for (const c of openers.get(m[0])!) {
      const k = nextCloser(p, c, open + 1, next);
      if (k >= 0 && (close < 0 || k < close)) close = k;
    }
    if (close < 0) continue;
    spans.push({ open, close });
    openerRe.lastIndex = close + 1;
  }
  return withOrphans(p, spans);
}

/** Adds unmatched closing marks as quotes from the sentence start (not before the previous quote), keeping spans sorted and disjoint. */
function withOrphans(p: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    if (s < spans.length && i === spans[s]!.open) {
      out.push(spans[s]!);
      i = spans[s++]!.close;
      continue;
    }
    if (!ORPHAN_CLOSERS.has(p[i]!)) continue;
    const start = Math.max(sentenceStart(p, i), out.length ? out.at(-1)!.close + 1 : 0);
    if (start >= 0 && start < i) out.push({ open: start - 1, close: i, orphan: true });
  }
  return out;
}

/** Next closing mark at or after `from`, skipping apostrophes ("Russia’s"); cached per mark so the scan stays linear. */
function nextCloser(p: string, c: string, from: number, cache: Map<string, number>): number {
  const known = cache.get(c);
  if (known !== undefined && (known < 0 || known >= from)) return known;
  let k = p.indexOf(c, from);
  while (k >= 0 && !isQuoteMark(p, k)) k = p.indexOf(c, k + 1);
  cache.set(c, k);
  return k;
}

const BEFORE_SEPARATORS = new Set([':', '：', ',', '，', '،', '—', '–']);
const TERMINAL = /[.!?。！？]/;

/** "Peskov said: “…”", "Ông Lavrov cho biết: “…”", "普京表示：“……”", "وقال بيسكوف: «…»". */
function speakerBeforeQuote(span: Span, ctx: ParseContext, used: Set<number>): Speaker | null {
  const { p, lang } = ctx;
  if (span.orphan) return null;
  let k = skipSpacesBack(p, span.open);
  const sep = p[k - 1];
  const hasSep = sep !== undefined && BEFORE_SEPARATORS.has(sep);
  if (hasSep) k = skipSpacesBack(p, k - 1);
  // Without a separator ("He said “the visit…”") the quote must close the sentence: "wrote “The Lord of the Rings” in 1954" is a title.
  else if (!endsSentence(p, span.close + 1) && !TERMINAL.test(p[span.close - 1] ?? '')) return null;
  const seg = segmentBefore(p, k, 0);
  if (!seg) return null;
  const verb = firstVerbIn(seg.from, k, ctx);
  if (!verb || lang.inversionOnly.has(verb.key)) return null;
  const tail = tokenize(p, verb.end, k).length;
  const colon = sep === ':' || sep === '：';
  if (tail > (colon ? 3 : 0)) return null;
  const sp = speakerForVerb(verb, seg, k, ctx);
  if (sp) used.add(verb.start);
  return sp;
}

/** Speaker of a verb found inside a segment: before it ("Peskov said"), inside it ("ujarnya"), or after it ("Said Peskov", "وقال بيسكوف"). */
function speakerForVerb(verb: Hit, seg: Segment, limit: number, ctx: ParseContext): Speaker | null {
  const before = tokenize(ctx.p, seg.from, verb.start);
  const onlyLeading = before.length === 0 || phraseAt(before, 0, ctx.lang.leading) === before.length;
  if (ctx.lang.pronounVerbs.has(verb.key)) return onlyLeading ? verbAsPronoun(verb, ctx.p) : null;
  if (!onlyLeading) return speakerEndingAt(verb.start, 0, ctx)?.speaker ?? null;
  const sp = speakerStartingAt(verb.end, ctx);
  return sp && sp.end <= limit ? sp : null;
}

const AFTER_CLOSER = /[^\S\n]*([,，、،]?)[^\S\n]*([—–-]?)[^\S\n]*/y;
/** '“…,” Peskov said': a comma (or ?, !) closing the quoted words announces the attribution. */
const ATTRIBUTION_INSIDE = /[,，、،?!？！…]/;

/** "“…,” Peskov said." / "«…», — сказал Песков." / "« … », a déclaré Macron." / "「…」とプーチン大統領は述べた". */
function speakerAfterQuote(span: Span, ctx: ParseContext, used: Set<number>): Speaker | null {
  const { p, lang } = ctx;
  AFTER_CLOSER.lastIndex = span.close + 1;
  const m = AFTER_CLOSER.exec(p)!;
  let k = span.close + 1 + m[0].length;
  const inner = p[skipSpacesBack(p, span.close) - 1] ?? '';
  let strong = ATTRIBUTION_INSIDE.test(inner) || m[1] !== '' || m[2] !== '';
  if (lang.quotatives) {
    lang.quotatives.lastIndex = k;
    const q = lang.quotatives.exec(p);
    if (q) [k, strong] = [skipSpaces(p, k + q[0].length), true];
  }
  const verb = verbAt(k, ctx);
  const sp = verb ? speakerOfLeadingVerb(verb, span, strong, ctx) : speakerThenVerb(k, strong, ctx, used);
  if (sp && verb) used.add(verb.start);
  return sp;
}

/** The verb comes first after the quote: "said Peskov", "a-t-il déclaré", "dijo." (pro-drop), or (verb-final) the speaker before the quote. */
function speakerOfLeadingVerb(verb: Hit, span: Span, strong: boolean, ctx: ParseContext): Speaker | null {
  const { p, lang } = ctx;
  if (lang.pronounVerbs.has(verb.key)) return strong || endsSentence(p, verb.end) ? verbAsPronoun(verb, p) : null;
  const after = speakerStartingAt(verb.end, ctx);
  if (after) return strong || endsSentence(p, after.end) ? after : null;
  if (lang.data.verbFinal) return speakerBeforeOpener(span, ctx);
  if (lang.data.proDrop && !lang.inversionOnly.has(verb.key) && endsSentence(p, verb.end) && strong) {
    return verbAsPronoun(verb, p);
  }
  return null;
}

/** Verb-final languages: "Erdoğan, “…” dedi", "プーチン大統領は「…」と述べた", "푸틴 대통령은 “…”라고 말했다". */
function speakerBeforeOpener(span: Span, ctx: ParseContext): Speaker | null {
  const { p } = ctx;
  let k = skipSpacesBack(p, span.open);
  if (COMMAS.has(p[k - 1] ?? '') || p[k - 1] === ':' || p[k - 1] === '：') k = skipSpacesBack(p, k - 1);
  return speakerEndingAt(k, 0, ctx)?.speaker ?? null;
}

/** "“…,” Peskov said" / "“…,” the Kremlin spokesman Dmitry Peskov told reporters". */
function speakerThenVerb(k: number, strong: boolean, ctx: ParseContext, used: Set<number>): Speaker | null {
  const { p, lang } = ctx;
  const verb = firstVerbIn(k, Math.min(p.length, k + MAX_SPEAKER_CHARS), ctx);
  if (!verb || lang.inversionOnly.has(verb.key) || lang.pronounVerbs.has(verb.key)) return null;
  const found = speakerEndingAt(verb.start, k, ctx, !strong);
  if (!found || found.seg.from > skipSpaces(p, k)) return null;
  const glued = gluedNamedSpeaker(found.speaker, verb, k, ctx);
  if (!glued && !strong && !endsSentence(p, verb.end)) return null;
  used.add(verb.start);
  return glued ?? found.speaker;
}

/** "results”he said Sergei Narishkinhead of the SVR": stripped text glued "…,” said Sergei Naryshkin, head…"; a known name after the verb wins. */
function gluedNamedSpeaker(speaker: Speaker, verb: Hit, k: number, ctx: ParseContext): Speaker | null {
  if (!speaker.pronoun || !isQuoteMark(ctx.p, k - 1)) return null;
  const named = speakerStartingAt(verb.end, ctx);
  return named?.entity ? named : null;
}

function directQuote(span: Span, ctx: ParseContext, used: Set<number>): Candidate | null {
  const minWords = !span.orphan && opensSentence(ctx.p, span.open) ? MIN_OPENING_QUOTE_WORDS : MIN_QUOTE_WORDS;
  const body = trimmed(ctx.p, span.open + 1, span.close, NOTHING, QUOTE_TRAIL, minWords);
  if (!body) return null;
  const speaker = speakerBeforeQuote(span, ctx, used) ?? speakerAfterQuote(span, ctx, used);
  return speaker ? { kind: 'direct', ...body, speaker } : null;
}

/** Only spaces (or a dialogue dash) between the sentence start, or a colon, and the opening mark. */
function opensSentence(p: string, open: number): boolean {
  let j = skipSpacesBack(p, open);
  if (p[j - 1] === '—' || p[j - 1] === '–') j = skipSpacesBack(p, j - 1);
  return j === 0 || p[j - 1] === ':' || p[j - 1] === '：' || isSentenceEnd(p, j - 1);
}

/** "According to Ushakov, the talks…", "По словам Пескова, …", "Laut Scholz ist…", and the trailing "…, according to Ushakov." */
function accordingTo(ctx: ParseContext): Candidate[] {
  const { p, lang } = ctx;
  if (!lang.openers) return [];
  const out: Candidate[] = [];
  lang.openers.lastIndex = 0;
  for (let m = lang.openers.exec(p); m; m = lang.openers.exec(p)) {
    const hit = wordHit(p, m.index, m[0], lang, lang.openerSticky!, lang.gluedOpeners);
    if (!hit) continue;
    const at = hit.start;
    const seg = segmentBefore(p, at, 0);
    if (!seg) continue;
    const before = tokenize(p, seg.from, at);
    const leadingOnly = before.length === 0 || phraseAt(before, 0, lang.leading) === before.length;
    const sp = leadingOnly ? speakerStartingAt(hit.end, ctx) : null;
    if (!sp) continue;
    if (startsSentence(seg, p)) {
      // Unspaced scripts: the speaker phrase ran to the comma ("据佩斯科夫称，"); the clause starts there.
      const from = lang.data.unspaced ? runEnd(p, sp.end) : sp.end;
      const end = sentenceEnd(p, from);
      const body = end >= 0 ? trimmed(p, from, end, CLAUSE_LEAD, CLAUSE_TRAIL) : null;
      if (body) out.push({ kind: 'reported', ...body, speaker: sp });
    } else if (COMMAS.has(seg.boundary) && before.length === 0 && tailToSentenceEnd(p, sp.end, 0, lang) >= 0) {
      const clause = clauseBefore(p, seg.from - 1);
      if (clause) out.push({ kind: 'reported', ...clause, speaker: sp });
    }
  }
  return out;
}

/** "Peskov'a göre, …", "Scholz zufolge …", "ペスコフ報道官によると、…", "페스코프 대변인에 따르면 …". */
function accordingToAfter(ctx: ParseContext): Candidate[] {
  const { p, lang } = ctx;
  if (!lang.postOpeners) return [];
  const out: Candidate[] = [];
  for (const m of p.matchAll(lang.postOpeners)) {
    const found = speakerEndingAt(m.index, 0, ctx);
    if (!found || !(startsSentence(found.seg, p) || COMMAS.has(found.seg.boundary))) continue;
    const from = m.index + m[0].length;
    const end = sentenceEnd(p, from);
    const body = end >= 0 ? trimmed(p, from, end, CLAUSE_LEAD, CLAUSE_TRAIL) : null;
    if (body) out.push({ kind: 'reported', ...body, speaker: found.speaker });
  }
  return out;
}

/** The clause from the sentence start up to `end` (a comma before the attribution). */
function clauseBefore(p: string, end: number): Range | null {
  const start = sentenceStart(p, end);
  return start < 0 ? null : trimmed(p, start, end, CLAUSE_LEAD, CLAUSE_TRAIL);
}

/** "Peskov said (that) the visit…", "Песков заявил, что…", "普京表示，…". */
function reportedAfterVerb(verb: Hit, seg: Segment, ctx: ParseContext): Candidate | null {
  const { p, lang } = ctx;
  if (lang.inversionOnly.has(verb.key)) return null;
  // 'results”he said …': a speaker glued to a quote mark is not a sentence subject.
  if (seg.boundary !== '' && seg.boundary !== 'min' && isQuoteMark(p, seg.from - 1) && !startsSentence(seg, p)) return null;
  const before = tokenize(p, seg.from, verb.start);
  const apposition = before.length === 0 && COMMAS.has(seg.boundary);
  const verbFirst = before.length === 0 && !apposition && !lang.pronounVerbs.has(verb.key) && !lang.data.unspaced;
  if (verbFirst) return reportedVerbFirst(verb, seg, ctx);
  const sp = apposition ? (speakerEndingAt(verb.start, 0, ctx)?.speaker ?? null) : speakerForVerb(verb, seg, verb.start, ctx);
  if (!sp) return null;
  const start = clauseStartAfterVerb(p, verb, lang);
  const end = start >= 0 ? sentenceEnd(p, start) : -1;
  const body = end >= 0 ? trimmed(p, start, end, CLAUSE_LEAD, CLAUSE_TRAIL) : null;
  return body ? { kind: 'reported', ...body, speaker: sp } : null;
}

/** Verb-first with a connector: "وقال بيسكوف إن الزيارة…", "Заявил Песков, что…". */
function reportedVerbFirst(verb: Hit, seg: Segment, ctx: ParseContext): Candidate | null {
  const { p, lang } = ctx;
  if (!startsSentence(seg, p) || !lang.connectors) return null;
  const sp = speakerStartingAt(verb.end, ctx);
  if (!sp || sp.pronoun) return null;
  let j = sp.end;
  while (j < p.length && (isSpace(p[j]) || COMMAS.has(p[j]!))) j++;
  lang.connectors.lastIndex = 0;
  const m = lang.connectors.exec(p.slice(j, j + 12));
  if (!m || m.index !== 0) return null;
  const start = j + m[0].length;
  const end = sentenceEnd(p, start);
  const body = end >= 0 ? trimmed(p, start, end, CLAUSE_LEAD, CLAUSE_TRAIL) : null;
  return body ? { kind: 'reported', ...body, speaker: sp } : null;
}

/** "…, Ushakov said." / "…, said Ushakov." / "…, — сказал Песков." / "…, he said." / "…, so Scholz." */
function reportedBeforeVerb(verb: Hit, seg: Segment, ctx: ParseContext): Candidate | null {
  const { p, lang } = ctx;
  if (!CLAUSE_BREAKS.has(seg.boundary)) return null;
  const verbFirst = tokenize(p, seg.from, verb.start).length === 0;
  let sp: Speaker | null;
  let after = verb.end;
  if (lang.pronounVerbs.has(verb.key)) sp = verbFirst ? verbAsPronoun(verb, p) : null;
  else if (verbFirst) {
    sp = speakerStartingAt(verb.end, ctx);
    if (sp) after = sp.end;
    else if (lang.data.proDrop && endsSentence(p, verb.end)) sp = verbAsPronoun(verb, p);
  } else sp = lang.inversionOnly.has(verb.key) ? null : (speakerEndingAt(verb.start, seg.from, ctx, false)?.speaker ?? null);
  if (!sp || tailToSentenceEnd(p, after, MAX_TAIL_WORDS, lang) < 0) return null;
  let comma = seg.from - 1;
  // ", — сказал": the clause ends at the comma before the dash.
  if (!COMMAS.has(p[comma]!)) comma = skipSpacesBack(p, comma);
  const clause = clauseBefore(p, comma);
  return clause ? { kind: 'reported', ...clause, speaker: sp } : null;
}

/** Verb-final reported speech: "プーチン大統領は、…と述べた。", "푸틴 대통령은 …고 말했다.", "Peskov, … söyledi." */
function reportedVerbFinal(verb: Hit, ctx: ParseContext): Candidate | null {
  const { p, lang } = ctx;
  if (!lang.data.verbFinal || !endsSentence(p, verb.end)) return null;
  const start = sentenceStart(p, verb.start);
  if (start < 0) return null;
  const marker = firstTopicMarker(p, start, verb.start, lang);
  if (!marker) return null;
  const sp = parseRange(start, marker.start, ctx, true);
  if (!sp || sp === 'role') return null;
  let end = skipSpacesBack(p, verb.start);
  for (const q of [...lang.data.quotatives].sort((a, b) => b.length - a.length)) {
    if (end - q.length > marker.end && p.slice(end - q.length, end) === q) {
      end -= q.length;
      break;
    }
  }
  const body = trimmed(p, marker.end, end, CLAUSE_LEAD, CLAUSE_TRAIL);
  return body ? { kind: 'reported', ...body, speaker: sp } : null;
}

/** First topic particle closing a word near the sentence start ("大統領は", "대통령은", "Peskov,"). */
function firstTopicMarker(p: string, from: number, to: number, lang: Lang): Range | null {
  const ceil = Math.min(to, from + MAX_UNSPACED_SPEAKER + 16);
  for (let j = from + 1; j < ceil; j++) {
    for (const m of lang.data.topicMarkers) {
      if (!p.startsWith(m, j)) continue;
      const closesWord = lang.data.unspaced || m === ',' || isSpace(p[j + m.length]) || p[j + m.length] === ',';
      if (closesWord) return { start: j, end: j + m.length };
    }
  }
  return null;
}

function reportedFromVerbs(ctx: ParseContext, spans: Span[], used: Set<number>): Candidate[] {
  const out: Candidate[] = [];
  let s = 0;
  for (const verb of ctx.verbs) {
    // Spans are sorted and disjoint; verbs come in order: one pointer walks both.
    while (s < spans.length && spans[s]!.close < verb.start) s++;
    if (used.has(verb.start) || (s < spans.length && spans[s]!.open < verb.start)) continue;
    const seg = segmentBefore(ctx.p, verb.start, 0);
    if (!seg) continue;
    const c = reportedBeforeVerb(verb, seg, ctx) ?? reportedAfterVerb(verb, seg, ctx) ?? reportedVerbFinal(verb, ctx);
    if (c) out.push(c);
  }
  return out;
}

/** Earlier candidates win: a quote's words and its speaker may not sit inside another quote. */
function withoutOverlaps(cands: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const inside = (a: number, b: number, c: Candidate) => a < c.end && b > c.start;
  const clash = (c: Candidate, k: Candidate) =>
    inside(c.start, c.end, k) || inside(c.speaker.start, c.speaker.end, k) || inside(k.speaker.start, k.speaker.end, c);
  for (const c of cands) if (!kept.some((k) => clash(c, k))) kept.push(c);
  return kept;
}

function inParagraph(p: string, lang: Lang, index: SpeakerIndex): Candidate[] {
  const ctx: ParseContext = { p, lang, index, verbs: scanVerbs(p, lang) };
  const spans = quoteSpans(p);
  const used = new Set<number>();
  const direct = spans.map((s) => directQuote(s, ctx, used)).filter((c): c is Candidate => c !== null);
  const reported = [...accordingTo(ctx), ...accordingToAfter(ctx), ...reportedFromVerbs(ctx, spans, used)];
  return withoutOverlaps([...direct, ...reported]);
}

/** Paragraphs are separated by blank lines; a quote never crosses one. */
function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n[^\S\n]*\n/g)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pronouns

interface Placed extends Candidate {
  paragraph: number;
}

/** "he said" → the previous quote's speaker, else the nearest person named earlier in the paragraph (outside this quote). */
function resolvePronouns(cands: Placed[], text: string, index: SpeakerIndex, unspaced: boolean): Placed[] {
  const out: Placed[] = [];
  for (const c of cands) {
    if (c.speaker.pronoun) {
      const prev = out.at(-1);
      const before = Math.min(c.start, c.speaker.start);
      const entity = prev ? prev.speaker.entity : nearestPerson(text, { start: c.paragraph, end: before }, index, unspaced);
      c.speaker = { ...c.speaker, entity };
    }
    if (c.speaker.entity || c.speaker.named) out.push(c);
  }
  return out;
}

function nearestPerson(text: string, within: Range, index: SpeakerIndex, unspaced: boolean): EntityMention | null {
  let best: EntityMention | null = null;
  let bestAt = -1;
  for (const form of index.persons) {
    for (const surface of new Set([form.surface, form.surface.split(/\s+/).at(-1)!])) {
      const at = lastWordIndex(text, surface, within, unspaced);
      if (at > bestAt) [best, bestAt] = [form.entity, at];
    }
  }
  return best;
}

/** Last whole-word occurrence of `word` inside `within` (any occurrence in unspaced scripts), or -1. */
function lastWordIndex(text: string, word: string, within: Range, unspaced: boolean): number {
  if (word.length === 0 || within.end - word.length < within.start) return -1;
  for (let at = text.lastIndexOf(word, within.end - word.length); at >= within.start; at = text.lastIndexOf(word, at - 1)) {
    if (unspaced || (!isWordChar(text[at - 1]) && !isWordChar(text[at + word.length]))) return at;
    if (at === 0) break;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------

/** Direct and reported speech in `text` (language: ISO 639-1 code), each with its speaker resolved against `entities`. */
export function findQuotes(text: string, language: string, entities: EntityMention[]): Quote[] {
  const lang = getLang(language);
  if (!lang || text.length === 0) return [];
  const index = indexSpeakers(entities);
  const placed: Placed[] = [];
  for (const para of paragraphs(text)) {
    const p = text.slice(para.start, para.end);
    for (const c of inParagraph(p, lang, index)) {
      const shift = para.start;
      placed.push({
        ...c,
        start: c.start + shift,
        end: c.end + shift,
        speaker: { ...c.speaker, start: c.speaker.start + shift, end: c.speaker.end + shift },
        paragraph: para.start,
      });
    }
  }
  placed.sort((a, b) => Math.min(a.start, a.speaker.start) - Math.min(b.start, b.speaker.start));
  return resolvePronouns(placed, text, index, lang.data.unspaced).map((c) => ({
    speaker: c.speaker.entity?.name ?? null,
    speakerText: c.speaker.text,
    text: text.slice(c.start, c.end),
    kind: c.kind,
    start: c.start,
    end: c.end,
  }));
}
