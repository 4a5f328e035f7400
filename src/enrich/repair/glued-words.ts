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

const WORD = /\p{L}+/gu;
const GLUED_CANDIDATE = /^\p{Lu}\p{Ll}{4,}$/u;
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
  const words = [...text.matchAll(WORD)];
  const standaloneNames = new Set(words.map((m) => m[0]).filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w)));
  const tails = knownTails(language);
  const isWord = (tail: string) => tails.has(tail);
  const repairs: GluedRepair[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]![0];
    if (!GLUED_CANDIDATE.test(word) || isNameWord(word) || tails.has(word.toLowerCase())) continue;
    // Inside a multi-word name ("Kim Jong Ilfather") a short last name part may be the head.
    const inName = i > 0 && /^\p{Lu}/u.test(words[i - 1]![0]) && words[i - 1]!.index! + words[i - 1]![0].length + 1 === words[i]!.index!;
    const splits: number[] = [];
    for (let k = inName ? 2 : MIN_HEAD; k <= word.length - MIN_TAIL; k++) {
      // The tail is a set look-up; the head, a gazetteer look-up, is asked only then.
      if (!isWord(word.slice(k))) continue;
      const head = word.slice(0, k);
      if (standaloneNames.has(head) || isNameWord(head)) splits.push(k);
    }
    if (splits.length !== 1) continue;
    const k = splits[0]!;
    repairs.push({ original: word, replacement: `${word.slice(0, k)} ${word.slice(k)}`, index: words[i]!.index! });
  }
  return { text: applyRepairs(text, repairs), repairs };
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
