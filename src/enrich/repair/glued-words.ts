// Words glued by careless HTML stripping ("Putinwill", "Shoigureceived", "Kim Jong Ilfather") are
// split only where the split is certain: the head is a known name (a gazetteer word, or a name the
// article writes on its own elsewhere), the tail is a stop word of the language or a word that
// commonly follows names (data/repair/glued-tails.json), and exactly one split qualifies. Real
// compounds ("Bundesregierung", "Chinatown") and names ("Kimberly") have no such split.
import { z } from 'zod';
import { loadDataFile } from '../../lib/data-files.js';
import { stopWords } from '../../lib/stop-words.js';

export interface GluedRepair {
  /** The glued word as found. */
  original: string;
  /** The same letters with a space at the split. */
  replacement: string;
  index: number;
}

const TailsSchema = z.object({ version: z.number(), languages: z.record(z.array(z.string())), compoundingLanguages: z.array(z.string()) });

/** What the repair needs to know of names (the entity gazetteer provides it). */
export interface NameLexicon {
  /** Part of a person's name, a one-word place or organisation, or neither. */
  kindOf(word: string): 'person' | 'place' | null;
  /** Is the phrase a known name as a whole ("Kim Jong Il")? */
  isAlias(phrase: string): boolean;
}
interface Tails {
  words: Set<string>;
  longest: number;
  /** Per capitalised word: where a known tail could start, or null for none (or a word known as it is). Words repeat, so this is kept. */
  splits: Map<string, number[] | null>;
  names: NameLexicon;
}
const tailSets = new Map<string, Tails>();
const SPLITS_CACHE_LIMIT = 100_000;

/** A capitalised word of five letters or more: the only kind a name glued to a word can be. */
const CANDIDATE = /(?<![\p{L}\p{M}])\p{Lu}\p{Ll}{4,}(?![\p{L}\p{M}])/gu;
/** Up to three capitalised words, one space apart, right before the candidate. */
const PREVIOUS_NAMES = /((?:\p{Lu}[\p{L}-]* ){1,3})$/u;
const STANDALONE_NAME = /(?<![\p{L}\p{M}])\p{Lu}\p{Ll}+(?![\p{L}\p{M}])/gu;
/** Two-letter tails are too often derivational endings ("Moskau-er", "Berlin-er"). */
const MIN_TAIL = 3;
/** A shorter head is too often a word's first syllable ("Mon-tag", "Leon-esa"); one completing a multi-word name may be shorter ("Il"). */
const MIN_HEAD = 5;

/** Tails trusted without context: the language's stop words and the words that follow names (data/repair). */
function knownTails(language: string, names: NameLexicon): Tails {
  let tails = tailSets.get(language);
  // Cached splits hold only for the lexicon they were worked out with.
  if (!tails || tails.names !== names) {
    const followers = loadDataFile('repair/glued-tails.json', TailsSchema).languages[language] ?? [];
    const words = new Set([...stopWords(language), ...followers].map((w) => w.toLowerCase()));
    tails = { words, longest: Math.max(0, ...[...words].map((w) => w.length)), splits: new Map(), names };
    tailSets.set(language, tails);
  }
  return tails;
}

/** Where a known tail could start in `word`; null when none could, or when the word is a stop word or a name as it is. */
function tailSplits(word: string, tails: Tails): number[] | null {
  const cached = tails.splits.get(word);
  if (cached !== undefined) return cached;
  let withTail: number[] | null = null;
  for (let k = Math.max(2, word.length - tails.longest); k <= word.length - MIN_TAIL; k++) if (tails.words.has(word.slice(k))) (withTail ??= []).push(k);
  if (withTail && (tails.words.has(word.toLowerCase()) || tails.names.kindOf(word) !== null)) withTail = null;
  if (tails.splits.size >= SPLITS_CACHE_LIMIT) tails.splits.clear();
  tails.splits.set(word, withTail);
  return withTail;
}

/**
 * Splits glued words where the head is certainly a name of five letters or more: part of a person's
 * name; in languages that do not build compounds, also a one-word place or a name the article writes
 * on its own. A shorter head only when it completes a known multi-word name ("Kim Jong Il").
 * Returns the repaired text and what was split.
 */
export function repairGluedWords(text: string, language: string, names: NameLexicon): { text: string; repairs: GluedRepair[] } {
  const tails = knownTails(language, names);
  const compounding = compoundingLanguage(language);
  const repairs: GluedRepair[] = [];
  let standalone: Set<string> | null = null;
  const isHead = (head: string, at: number): boolean => {
    // Short heads are too often a word's first syllable ("Leon-esa", "Pong-aus").
    if (head.length < MIN_HEAD) return completesName(text, at, head, names);
    const kind = names.kindOf(head);
    if (kind === 'person') return true;
    if (compounding) return false;
    if (kind === 'place') return true;
    standalone ??= new Set([...text.matchAll(STANDALONE_NAME)].map((n) => n[0]));
    return standalone.has(head);
  };
  for (const m of text.matchAll(CANDIDATE)) {
    const word = m[0];
    const at = m.index!;
    // Tails are set look-ups and settle most words; the rest is asked only of words with one.
    const withTail = tailSplits(word, tails);
    if (!withTail) continue;
    const splits = withTail.filter((k) => isHead(word.slice(0, k), at));
    if (splits.length !== 1) continue;
    const k = splits[0]!;
    repairs.push({ original: word, replacement: `${word.slice(0, k)} ${word.slice(k)}`, index: at });
  }
  return { text: repairs.length ? applyRepairs(text, repairs) : text, repairs };
}

/** "Kim Jong" before "Il": the words before the head, with it, make a known name. */
function completesName(text: string, at: number, head: string, names: NameLexicon): boolean {
  const before = PREVIOUS_NAMES.exec(text.slice(Math.max(0, at - 40), at))?.[1];
  if (!before) return false;
  const words = before.trim().split(/\s+/);
  for (let n = 1; n <= words.length; n++) if (names.isAlias(`${words.slice(-n).join(' ')} ${head}`)) return true;
  return false;
}

function compoundingLanguage(language: string): boolean {
  return loadDataFile('repair/glued-tails.json', TailsSchema).compoundingLanguages.includes(language);
}

function applyRepairs(text: string, repairs: GluedRepair[]): string {
  let out = '';
  let at = 0;
  for (const r of repairs) {
    out += text.slice(at, r.index) + r.replacement;
    at = r.index + r.original.length;
  }
  return out + text.slice(at);
}
