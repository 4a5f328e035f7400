// Words glued by careless HTML stripping ("Putinwill", "Shoigureceived", "Kim Jong Ilfather") are
// split only where the split is certain: the head is a known name (a gazetteer word, or a name the
// article writes on its own elsewhere), the tail is a stop word of the language or a word that
// commonly follows names (data/repair/glued-tails.json), and exactly one split qualifies. Real
// compounds ("Bundesregierung", "Chinatown") and names ("Kimberly") have no such split.
import { createRequire } from 'node:module';
import { z } from 'zod';
import { loadDataFile } from '../../lib/data-files.js';

export interface GluedRepair {
  /** The glued word as found. */
  original: string;
  /** The same letters with a space at the split. */
  replacement: string;
  index: number;
}

const require = createRequire(import.meta.url);
/** stopwords-iso: stop-word lists of 58 languages (https://github.com/stopwords-iso), the tails we trust without context. */
const STOPWORDS = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
const TailsSchema = z.object({ version: z.number(), languages: z.record(z.array(z.string())) });
const tailSets = new Map<string, Set<string>>();

/** A capitalised word of five letters or more: the only kind a name glued to a word can be. */
const CANDIDATE = /(?<![\p{L}\p{M}])\p{Lu}\p{Ll}{4,}(?![\p{L}\p{M}])/gu;
/** A capitalised word, then one space, right before the candidate. */
const PREVIOUS_NAME = /(?:^|[^\p{L}\p{M}])\p{Lu}\p{L}* $/u;
const STANDALONE_NAME = /(?<![\p{L}\p{M}])\p{Lu}\p{Ll}+(?![\p{L}\p{M}])/gu;
/** Two-letter tails are too often derivational endings ("Moskau-er", "Berlin-er"). */
const MIN_TAIL = 3;
/** A shorter head is too often a word's first syllable ("Mon-tag"); inside a multi-word name two letters do ("Il"). */
const MIN_HEAD = 4;

/** Tails trusted without context: the language's stop words and the words that follow names (data/repair). */
function knownTails(language: string): Set<string> {
  let set = tailSets.get(language);
  if (!set) {
    const followers = loadDataFile('repair/glued-tails.json', TailsSchema).languages[language] ?? [];
    set = new Set([...(STOPWORDS[language] ?? []), ...followers].map((w) => w.toLowerCase()));
    tailSets.set(language, set);
  }
  return set;
}

/**
 * Splits glued words. `isNameWord` says whether a word belongs to a known name (the entity gazetteer).
 * Returns the repaired text and what was split.
 */
export function repairGluedWords(text: string, language: string, isNameWord: (word: string) => boolean): { text: string; repairs: GluedRepair[] } {
  const tails = knownTails(language);
  const repairs: GluedRepair[] = [];
  let standaloneNames: Set<string> | null = null;
  for (const m of text.matchAll(CANDIDATE)) {
    const word = m[0];
    const at = m.index!;
    // Tails are set look-ups and settle most words; the rest is asked only of words with one.
    let withTail: number[] | null = null;
    for (let k = 2; k <= word.length - MIN_TAIL; k++) if (tails.has(word.slice(k))) (withTail ??= []).push(k);
    if (!withTail) continue;
    // Inside a multi-word name ("Kim Jong Ilfather") a short last name part may be the head.
    if (withTail[0]! < MIN_HEAD && !PREVIOUS_NAME.test(text.slice(Math.max(0, at - 40), at))) withTail = withTail.filter((k) => k >= MIN_HEAD);
    if (withTail.length === 0 || tails.has(word.toLowerCase()) || isNameWord(word)) continue;
    standaloneNames ??= new Set([...text.matchAll(STANDALONE_NAME)].map((n) => n[0]));
    const names = standaloneNames;
    const splits = withTail.filter((k) => names.has(word.slice(0, k)) || isNameWord(word.slice(0, k)));
    if (splits.length !== 1) continue;
    const k = splits[0]!;
    repairs.push({ original: word, replacement: `${word.slice(0, k)} ${word.slice(k)}`, index: at });
  }
  return { text: repairs.length ? applyRepairs(text, repairs) : text, repairs };
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
