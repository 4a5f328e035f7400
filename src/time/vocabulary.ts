// Per-language date vocabulary: names from the runtime's CLDR data, the rest from data/time/locales.json.
import { z } from 'zod';
import { loadDataFile } from '../lib/data-files.js';

const RelativeSchema = z.object({ unit: z.enum(['day', 'week', 'month', 'year']), offset: z.number().int() });
const LocaleSchema = z.object({
  numericOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  dayWords: z.array(z.string()).optional(),
  monthWords: z.array(z.string()).optional(),
  yearWords: z.array(z.string()).optional(),
  datePrepositions: z.array(z.string()).optional(),
  referencePrepositions: z.array(z.string()).optional(),
  futureMarkers: z.array(z.string()).optional(),
  pastMarkers: z.array(z.string()).optional(),
  relative: z.record(RelativeSchema).optional(),
  /** "(\\d+) hours ago" and the like: a regex with the count as group 1, and hours per unit. */
  agoPatterns: z.array(z.object({ regex: z.string(), hours: z.number() })).optional(),
  /** Regional locales whose CLDR month names are also used ("حزيران" beside "يونيو"). */
  extraLocales: z.array(z.string()).optional(),
  /** Word endings of the synthetic future tense ("asumirá", "yapılacak"): such a word marks a future clause. */
  futureSuffixes: z.array(z.string()).optional(),
  /** Words after a date that make it a point of reference: 2000年以来, 1979년 이후. */
  referencePostpositions: z.array(z.string()).optional(),
  /** Endings of a past tense ("ganó", "conquistou"): such a word marks a past clause. */
  pastSuffixes: z.array(z.string()).optional(),
  /** Inflected month and weekday forms CLDR does not list ("в июле", "в среду"), and compounds ("Mittwochabend"). */
  extraMonths: z.record(z.number().int().min(1).max(12)).optional(),
  extraWeekdays: z.record(z.number().int().min(0).max(6)).optional(),
});
const LocalesFileSchema = z.object({
  version: z.number(),
  default: LocaleSchema.required(),
  languages: z.record(LocaleSchema),
});

export type RelativeUnit = z.infer<typeof RelativeSchema>;

export interface DateVocabulary {
  language: string;
  numericOrder: 'dmy' | 'mdy' | 'ymd';
  dayWords: string[];
  monthWords: string[];
  yearWords: string[];
  datePrepositions: string[];
  referencePrepositions: string[];
  futureMarkers: string[];
  pastMarkers: string[];
  relative: Record<string, RelativeUnit>;
  agoPatterns: Array<{ regex: string; hours: number }>;
  futureSuffixes: string[];
  pastSuffixes: string[];
  referencePostpositions: string[];
  /** Lower-cased month name or abbreviation -> month number (1-12). Names containing digits are left to numeric patterns. */
  months: Map<string, number>;
  /** Lower-cased weekday name -> day number (0 = Sunday). */
  weekdays: Map<string, number>;
}

const cache = new Map<string, DateVocabulary>();

export function getDateVocabulary(language: string): DateVocabulary {
  // Called for every sentence: the tag as given is looked up before it is normalised.
  const hit = cache.get(language);
  if (hit) return hit;
  const lang = language.toLowerCase().split(/[-_]/)[0] || 'en';
  const cached = cache.get(lang);
  if (cached) {
    cache.set(language, cached);
    return cached;
  }
  const file = loadDataFile('time/locales.json', LocalesFileSchema);
  const own = file.languages[lang] ?? {};
  const base = file.default;
  const vocab: DateVocabulary = {
    language: lang,
    numericOrder: own.numericOrder ?? base.numericOrder,
    dayWords: own.dayWords ?? base.dayWords,
    monthWords: own.monthWords ?? base.monthWords,
    yearWords: own.yearWords ?? base.yearWords,
    datePrepositions: own.datePrepositions ?? base.datePrepositions,
    referencePrepositions: own.referencePrepositions ?? base.referencePrepositions,
    futureMarkers: own.futureMarkers ?? base.futureMarkers,
    pastMarkers: own.pastMarkers ?? base.pastMarkers,
    relative: own.relative ?? base.relative,
    agoPatterns: own.agoPatterns ?? base.agoPatterns ?? [],
    futureSuffixes: own.futureSuffixes ?? [],
    pastSuffixes: own.pastSuffixes ?? [],
    referencePostpositions: own.referencePostpositions ?? [],
    months: mergeMaps([...[lang, ...(own.extraLocales ?? [])].map(monthNames), lowerKeys(own.extraMonths)]),
    weekdays: mergeMaps([weekdayNames(lang), lowerKeys(own.extraWeekdays)]),
  };
  cache.set(lang, vocab);
  cache.set(language, vocab);
  return vocab;
}

function lowerKeys(record: Record<string, number> | undefined): Map<string, number> {
  return new Map(Object.entries(record ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

function mergeMaps(maps: Array<Map<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const map of maps) for (const [k, v] of map) if (!out.has(k)) out.set(k, v);
  return out;
}

function safeFormatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | null {
  try {
    // News dates are Gregorian even where the locale's default calendar is not (Persian, Thai Buddhist).
    return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC', calendar: 'gregory' });
  } catch {
    return null;
  }
}

function monthNames(lang: string): Map<string, number> {
  const names = new Map<string, number>();
  const styles: Intl.DateTimeFormatOptions[] = [
    { month: 'long' },
    { month: 'short' },
    { day: 'numeric', month: 'long' },
    { day: 'numeric', month: 'short' },
  ];
  for (const style of styles) {
    const fmt = safeFormatter(lang, style);
    if (!fmt) continue;
    for (let m = 1; m <= 12; m++) {
      const part = fmt.formatToParts(new Date(Date.UTC(2024, m - 1, 13))).find((p) => p.type === 'month');
      if (!part) continue;
      const name = part.value.toLowerCase().replace(/\.$/, '').trim();
      // Latin names under three letters are abbreviations that clash with words; Persian "مه" (May) is whole.
      if (name.length < (/\p{Script=Latin}/u.test(name) ? 3 : 2) || /\d/.test(name)) continue;
      if (!names.has(name)) names.set(name, m);
    }
  }
  return names;
}

function weekdayNames(lang: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const style of ['long', 'short'] as const) {
    const fmt = safeFormatter(lang, { weekday: style });
    if (!fmt) continue;
    // 2024-06-16 is a Sunday.
    for (let i = 0; i < 7; i++) {
      const name = fmt.format(new Date(Date.UTC(2024, 5, 16 + i))).toLowerCase().replace(/\.$/, '');
      if (name.length >= 3 && !names.has(name)) names.set(name, i);
    }
  }
  return names;
}
