// Matching keys for names: one key for the spellings of a name across romanisations and scripts.
// Gazetteer aliases and article words are keyed the same way, so "Narishkin" finds "Naryshkin" and
// "Нарышкин" finds both. The rules are data (data/entities/name-keys.json).
import { z } from 'zod';
import { loadDataFile } from '../../lib/data-files.js';

const NameKeysSchema = z.object({
  version: z.number(),
  cyrillicToLatin: z.record(z.string()),
  latinVariants: z.array(z.tuple([z.string(), z.string()])),
  cyrillicCaseEndings: z.array(z.string()),
  minStemLetters: z.number().int().positive(),
});

interface NameKeyRules {
  cyrillic: Map<string, string>;
  variants: Array<[RegExp, string]>;
  endings: string[];
  minStem: number;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
let rules: NameKeyRules | null = null;

function getRules(): NameKeyRules {
  if (rules) return rules;
  const data = loadDataFile('entities/name-keys.json', NameKeysSchema);
  rules = {
    cyrillic: new Map(Object.entries(data.cyrillicToLatin)),
    variants: data.latinVariants.map(([from, to]) => [new RegExp(from, 'g'), to]),
    // Longest first, so "-ogo" is tried before "-o".
    endings: [...data.cyrillicCaseEndings].sort((a, b) => b.length - a.length),
    minStem: data.minStemLetters,
  };
  return rules;
}

export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

/** The key of one folded (lower-cased, accent-stripped) word. */
export function nameKey(folded: string): string {
  const { cyrillic, variants } = getRules();
  let key = isCyrillic(folded) ? [...folded].map((c) => cyrillic.get(c) ?? c).join('') : folded;
  // Only Latin letters carry romanisation variants; other scripts are keyed as written.
  if (/^[a-z0-9]+$/.test(key)) for (const [from, to] of variants) key = key.replace(from, to);
  return key;
}

/** Keys of a Cyrillic word with one case ending taken off ("Пескова" -> the key of "Песков"). */
export function caseStemKeys(folded: string): string[] {
  if (!isCyrillic(folded)) return [];
  const { endings, minStem } = getRules();
  return endings.filter((e) => folded.endsWith(e) && folded.length - e.length >= minStem).map((e) => nameKey(folded.slice(0, -e.length)));
}
