// Matching keys for names: one key for the spellings of a name across romanisations and scripts.
// Gazetteer aliases and article words are keyed the same way, so "Narishkin" finds "Naryshkin" and
// "Нарышкин" finds both. The rules are data (data/entities/name-keys.json).
import { z } from 'zod';
import { foldText, loadDataFile } from '../../lib/data-files.js';

const NameKeysSchema = z.object({
  version: z.number(),
  cyrillicToLatin: z.record(z.string()),
  latinVariants: z.array(z.tuple([z.string(), z.string()])),
  cyrillicCaseEndings: z.array(z.string()),
  minStemLetters: z.number().int().positive(),
  arabicLetterEquivalents: z.record(z.string()),
  persianToArabicLetters: z.record(z.string()),
  arabicPrefixes: z.array(z.string()),
  hangulParticles: z.array(z.string()),
  minAffixStemLetters: z.number().int().positive(),
});

interface NameKeyRules {
  cyrillic: Map<string, string>;
  variants: Array<[RegExp, string]>;
  endings: string[];
  minStem: number;
  arabicLetters: Map<string, string>;
  persianLetters: Map<string, string>;
  arabicPrefixes: string[];
  hangulParticles: string[];
  minAffixStem: number;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;
const HANGUL = /\p{Script=Hangul}/u;
let rules: NameKeyRules | null = null;

function getRules(): NameKeyRules {
  if (rules) return rules;
  const data = loadDataFile('entities/name-keys.json', NameKeysSchema);
  rules = {
    cyrillic: new Map(Object.entries(data.cyrillicToLatin)),
    variants: data.latinVariants.map(([from, to]) => [new RegExp(from, 'g'), to]),
    // Folded like the words they come off ("ой" -> "ои": folding drops the breve); longest first.
    endings: [...new Set(data.cyrillicCaseEndings.map(foldText))].sort((a, b) => b.length - a.length),
    minStem: data.minStemLetters,
    arabicLetters: new Map(Object.entries(data.arabicLetterEquivalents)),
    persianLetters: new Map(Object.entries(data.persianToArabicLetters)),
    arabicPrefixes: [...data.arabicPrefixes].sort((a, b) => b.length - a.length),
    hangulParticles: [...data.hangulParticles].sort((a, b) => b.length - a.length),
    minAffixStem: data.minAffixStemLetters,
  };
  return rules;
}

export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

/** The key of one folded (lower-cased, accent-stripped) word: Cyrillic romanised, others as written. */
export function nameKey(folded: string): string {
  const { cyrillic, arabicLetters } = getRules();
  if (isCyrillic(folded)) return [...folded].map((c) => cyrillic.get(c) ?? c).join('');
  if (ARABIC.test(folded)) return [...folded].map((c) => arabicLetters.get(c) ?? c).join('');
  return folded;
}

/**
 * A key with romanisation variants collapsed (Naryshkin = Narishkin, Dmitriy = Dmitri). Looked up
 * only after the exact key, since it can join different names (Polish "Brazylia", the country, and
 * Russian "Бразилиа", the city).
 */
export function variantKey(key: string): string {
  let out = variantCache.get(key);
  if (out === undefined) {
    out = key;
    if (/^[a-z0-9]+$/.test(key)) for (const [from, to] of getRules().variants) out = out.replace(from, to);
    if (variantCache.size >= VARIANT_CACHE_LIMIT) variantCache.clear();
    variantCache.set(key, out);
  }
  return out;
}

/** Words repeat from article to article: their variants are remembered. */
const variantCache = new Map<string, string>();
const VARIANT_CACHE_LIMIT = 200_000;

/**
 * Stem keys live in a key space of their own, so that only Cyrillic words reach them: a stem can
 * equal an unrelated word of another script ("Тонга" stems to "tong", which is Vietnamese "Tổng").
 */
const STEM_MARK = '~';

/** The stem key of a Cyrillic alias word: its longest ending off, when enough is left ("Амурская" -> "~amursk"). */
export function cyrillicStemKey(folded: string): string | null {
  if (!isCyrillic(folded)) return null;
  const { endings, minStem } = getRules();
  const ending = endings.find((e) => folded.endsWith(e) && folded.length - e.length >= minStem);
  return ending ? STEM_MARK + nameKey(folded.slice(0, -ending.length)) : null;
}

/**
 * Keys of a word with what its grammar attached taken off: a Cyrillic case ending ("Пескова" ->
 * "Песков"), a joined Arabic conjunction or preposition ("ومصر" -> "مصر"), a Korean particle
 * ("한국에서" -> "한국").
 */
export function caseStemKeys(folded: string): string[] {
  // Latin and other scripts below Cyrillic carry none of these affixes.
  if (folded.charCodeAt(0) < 0x400) return [];
  const { arabicPrefixes, hangulParticles, minAffixStem } = getRules();
  if (ARABIC.test(folded)) {
    // A Persian spelling may find the Arabic one (ی -> ي), never the reverse.
    const { persianLetters } = getRules();
    const arabic = [...folded].map((c) => persianLetters.get(c) ?? c).join('');
    const forms = arabic === folded ? [folded] : [folded, arabic];
    return forms.flatMap((form) => [
      ...(form === folded ? [] : [nameKey(form)]),
      ...arabicPrefixes.filter((p) => form.startsWith(p) && [...form.slice(p.length)].length >= minAffixStem).map((p) => nameKey(form.slice(p.length))),
    ]);
  }
  if (HANGUL.test(folded)) return hangulParticles.filter((p) => folded.endsWith(p) && [...folded.slice(0, -p.length)].length >= minAffixStem).map((p) => folded.slice(0, -p.length));
  if (!isCyrillic(folded)) return [];
  const { endings, minStem } = getRules();
  // Each stem may be an alias as written ("Пескова" -> "Песков") or the stem of one ("Амурской" -> "Амурская").
  return endings.filter((e) => folded.endsWith(e) && folded.length - e.length >= minStem).flatMap((e) => {
    const key = nameKey(folded.slice(0, -e.length));
    return [key, variantKey(key), STEM_MARK + key];
  });
}
