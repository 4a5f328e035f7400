// The alias gazetteer: data/entities/aliases.json plus country names in every locale from CLDR.
import { z } from 'zod';
import type { EntityType } from '../../domain/index.js';
import { foldText, loadDataFile } from '../../lib/data-files.js';
import { UNSPACED_SCRIPT } from '../../lang/index.js';
import { cyrillicStemKey, nameKey, variantKey } from './name-key.js';

const AliasesSchema = z.object({
  version: z.number(),
  entities: z.array(
    z.object({
      name: z.string().min(1),
      type: z.enum(['person', 'organization', 'place']),
      aliases: z.array(z.string().min(1)),
    }),
  ),
});

export interface GazetteerEntry {
  name: string;
  type: EntityType;
}

export interface TrieNode {
  children: Map<string, TrieNode>;
  entry?: GazetteerEntry;
  /**
   * Short aliases and acronyms ("US", "Mỹ") match only as written, so "Us" or "My" opening an
   * English sentence is not a country; aliases written in lower case ("von der Leyen") match so.
   */
  exactForms?: Set<string>;
  lowercaseOk?: boolean;
}

/** Aliases this short (in letters) or written in capitals only match with their exact case and accents. */
const EXACT_MAX_LETTERS = 3;

export interface Gazetteer {
  /** Token trie over the matching keys of alias words (scripts with spaces; see name-key.ts). */
  root: TrieNode;
  /** Aliases in scripts written without spaces (CJK, Thai), matched as substrings. */
  unspaced: Array<{ alias: string; entry: GazetteerEntry }>;
  /** The same, by first character, longest first: a text is scanned once rather than once per alias. */
  unspacedByFirst: Map<string, Array<{ alias: string; entry: GazetteerEntry }>>;
  /** Keys of every word of a person's alias: names on their own. */
  personWords: Set<string>;
  /** Keys of one-word aliases of places and organisations ("White" of "White House" is not one). */
  singleNames: Set<string>;
}

/** Locales whose country names are loaded; the runtime's CLDR data supplies the names. */
const COUNTRY_NAME_LOCALES = [
  'en', 'vi', 'ru', 'uk', 'zh', 'zh-Hant', 'ja', 'ko', 'ar', 'fa', 'hi', 'bn', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'pl', 'tr', 'id', 'th', 'cs', 'ro', 'hu', 'el', 'he', 'sv',
];
/** CLDR region codes that are not countries or are organisations listed in the gazetteer. */
const NON_COUNTRY_REGIONS = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AQ']);

let cached: Gazetteer | null = null;

export function getGazetteer(): Gazetteer {
  if (cached) return cached;
  const gazetteer: Gazetteer = { root: { children: new Map() }, unspaced: [], unspacedByFirst: new Map(), personWords: new Set(), singleNames: new Set() };
  const data = loadDataFile('entities/aliases.json', AliasesSchema);
  for (const entity of data.entities) {
    const entry = { name: entity.name, type: entity.type };
    for (const alias of [entity.name, ...entity.aliases]) addAlias(gazetteer, alias, entry);
  }
  addCountryNames(gazetteer);
  addVariantPaths(gazetteer);
  for (const item of gazetteer.unspaced) {
    const first = String.fromCodePoint(item.alias.codePointAt(0)!);
    const list = gazetteer.unspacedByFirst.get(first) ?? [];
    list.push(item);
    gazetteer.unspacedByFirst.set(first, list);
  }
  for (const list of gazetteer.unspacedByFirst.values()) list.sort((a, b) => b.alias.length - a.alias.length);
  cached = gazetteer;
  return gazetteer;
}

function addNameWords(gazetteer: Gazetteer, keys: string[], entry: GazetteerEntry): void {
  if (entry.type === 'person') for (const k of keys) if (k.length >= 2) gazetteer.personWords.add(k);
  else if (keys.length === 1 && keys[0]!.length >= 2) gazetteer.singleNames.add(keys[0]!);
}

/** What a word (as written in an article) is on its own: part of a person's name, a one-word place or organisation, or neither. */
export function nameWordKind(word: string): 'person' | 'place' | null {
  const key = nameKey(foldText(word));
  const variant = variantKey(key);
  const { personWords, singleNames } = getGazetteer();
  if (personWords.has(key) || personWords.has(variant)) return 'person';
  return singleNames.has(key) || singleNames.has(variant) ? 'place' : null;
}

/** Is this phrase (as written) an alias in the gazetteer: "Kim Jong Il"? */
export function isAlias(phrase: string): boolean {
  return lookupAlias(getGazetteer(), phrase) !== undefined;
}

/** What the gazetteer says a phrase (as written) names: "Wien" a place, "Kim Jong Il" a person; undefined when it is no alias. */
export function aliasType(phrase: string): EntityType | undefined {
  return lookupAlias(getGazetteer(), phrase)?.type;
}

/** An alias as the trie holds it: the matching key of each word (vowel signs and other marks belong to the word). */
export function tokenizeForMatch(s: string): string[] {
  return foldText(s).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).map(nameKey);
}

function addAlias(gazetteer: Gazetteer, alias: string, entry: GazetteerEntry): void {
  if (UNSPACED_SCRIPT.test(alias)) {
    gazetteer.unspaced.push({ alias, entry });
    return;
  }
  const tokens = tokenizeForMatch(alias);
  if (tokens.length === 0) return;
  addNameWords(gazetteer, tokens, entry);
  addPath(gazetteer, tokens, alias, entry);
  const variants = tokens.map(variantKey);
  if (variants.some((v, i) => v !== tokens[i])) pendingVariants.push({ variants, alias, entry });
  // A Cyrillic alias is also indexed by its stems, which inflected forms in the text reduce to.
  const folded = foldText(alias).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  const stems = folded.map((w, i) => cyrillicStemKey(w) ?? tokens[i]!);
  if (stems.some((v, i) => v !== tokens[i])) pendingVariants.push({ variants: stems, alias, entry });
}

/** Variant paths wait until every exact key is in, so that no variant takes another name's exact key. */
const pendingVariants: Array<{ variants: string[]; alias: string; entry: GazetteerEntry }> = [];

/**
 * Names are also reachable by their romanisation variants (see name-key.ts); where two names share a
 * variant, the one listed first keeps it.
 */
function addVariantPaths(gazetteer: Gazetteer): void {
  for (const { variants, alias, entry } of pendingVariants.splice(0)) {
    addPath(gazetteer, variants, alias, entry);
    addNameWords(gazetteer, variants, entry);
  }
}

function addPath(gazetteer: Gazetteer, tokens: string[], alias: string, entry: GazetteerEntry): void {
  let node = gazetteer.root;
  for (const token of tokens) {
    let next = node.children.get(token);
    if (!next) {
      next = { children: new Map() };
      node.children.set(token, next);
    }
    node = next;
  }
  // The first listing wins: curated aliases are loaded before CLDR names.
  if (node.entry && node.entry !== entry) return;
  node.entry = entry;
  const letters = alias.replace(/[^\p{L}]/gu, '');
  // Case is what tells "US" from "us"; in scripts without case (Hangul, Arabic) short names match as keyed.
  const cased = letters.toUpperCase() !== letters.toLowerCase();
  if (tokens.length === 1 && cased && (letters.length <= EXACT_MAX_LETTERS || (letters.length <= 6 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()))) {
    (node.exactForms ??= new Set()).add(alias.replace(/[^\p{L}\p{M}\p{N}]/gu, ''));
  } else {
    node.exactForms = undefined;
    if (startsLowercase(alias)) node.lowercaseOk = true;
  }
}

function startsLowercase(s: string): boolean {
  const first = s[0] ?? '';
  return first !== first.toUpperCase();
}

function lookupAlias(gazetteer: Gazetteer, alias: string): GazetteerEntry | undefined {
  let node: TrieNode | undefined = gazetteer.root;
  for (const token of tokenizeForMatch(alias)) node = node?.children.get(token);
  return node?.entry;
}

function addCountryNames(gazetteer: Gazetteer): void {
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const displays = COUNTRY_NAME_LOCALES.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NON_COUNTRY_REGIONS.has(code)) continue;
      const name = english.of(code);
      if (!name || name === code) continue;
      const locals = displays.map((d) => d.of(code)).filter((l): l is string => !!l && l !== code);
      // A curated entry for the same country ("Turkey" listing CLDR's "Türkiye") stays canonical; it
      // lists the English name, so only that is looked up (other names may be a city's: "Бразилиа").
      const found = lookupAlias(gazetteer, name);
      const curated = found?.type === 'place' ? found : undefined;
      const entry: GazetteerEntry = curated ?? { name, type: 'place' };
      for (const local of [name, ...locals]) addAlias(gazetteer, local, entry);
    }
  }
}
