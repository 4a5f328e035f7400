// Analysis quality on hand-labelled fixtures (test/fixtures/analysis/): entities and dates found by
// enrichArticle in short multilingual news paragraphs, and language identification on labelled texts.
//
// multilingual.jsonl, one article per line:
//   {"id", "lang", "published": "YYYY-MM-DD", "title", "text",
//    "entities": [canonical names (data/entities/aliases.json, or CLDR's English country name)],
//    "dates": [{"text", "start", "end"?, "precision"}]}
// Gold conventions: entities are the people, organisations and places a careful reader would list,
// named in the title or text (demonyms such as "Russian" or "российский" are not mentions of the
// country); dates are every date expression of the title and text resolved against `published`
// (weekdays of past-tense clauses to the latest such day on or before it, "next week" to its Monday
// to Sunday), with month and year precision covering the whole month or year.
//
// language-id.jsonl, one text per line: {"text", "lang", "kind"?} (ISO 639-1; kind: headline,
// sentence, paragraph or mixed, where a mixed text is labelled with its main language).
import { z } from 'zod';
import { plainArticle, type DateMention, type ExtractedArticle } from '../domain/index.js';
import { enrichArticle } from '../enrich/index.js';
import { readJsonl } from './read-jsonl.js';
import { detectLanguage } from '../lang/index.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.string().regex(ISO_DATE, 'an ISO date (YYYY-MM-DD)');
const langCode = z.string().regex(/^[a-z]{2}$/, 'a two-letter ISO 639-1 code');

export const GoldDateSchema = z.object({
  text: z.string().min(1),
  start: isoDate,
  end: isoDate.optional(),
  precision: z.enum(['day', 'month', 'year']),
});

export const AnalysisFixtureSchema = z.object({
  id: z.string().min(1),
  lang: langCode,
  published: isoDate,
  title: z.string(),
  text: z.string().min(1),
  entities: z.array(z.string().min(1)),
  dates: z.array(GoldDateSchema),
});

export const LanguageItemSchema = z.object({
  text: z.string().min(1),
  lang: langCode,
  kind: z.enum(['headline', 'sentence', 'paragraph', 'mixed']).optional(),
});

export type GoldDate = z.infer<typeof GoldDateSchema>;
export type AnalysisFixture = z.infer<typeof AnalysisFixtureSchema>;
export type LanguageItem = z.infer<typeof LanguageItemSchema>;

export interface AnalysisArticleResult {
  id: string;
  lang: string;
  detected: string;
  /** Gold entities Storyline did not find. */
  missedEntities: string[];
  /** Entities Storyline found that are not in the gold list. */
  spuriousEntities: string[];
  /** Gold dates with no matching output date. */
  missedDates: GoldDate[];
  /** Output dates that match no gold date (wrong value, or not a date). */
  wrongDates: Array<Pick<DateMention, 'text' | 'start' | 'end' | 'precision'>>;
}

export interface AnalysisEval {
  articles: number;
  entity_precision: number;
  entity_recall: number;
  entity_f1: number;
  date_precision: number;
  date_recall: number;
  /** Gold dates found with the right text span, start, end and precision, over all gold dates. */
  date_accuracy: number;
  /** Articles whose detected language is their labelled one. */
  language_accuracy: number;
  per_language: Record<string, { articles: number; entity_f1: number; date_accuracy: number }>;
  /** What went wrong, article by article (left out of the bench's JSON). */
  per_article: AnalysisArticleResult[];
}

export interface LanguageIdEval {
  items: number;
  accuracy: number;
  per_language: Record<string, { items: number; correct: number }>;
  per_kind: Record<string, { items: number; correct: number }>;
  confusions: Array<{ text: string; expected: string; got: string }>;
}

export function readAnalysisFixtures(file: string): AnalysisFixture[] {
  return readJsonl(file, AnalysisFixtureSchema);
}

export function readLanguageItems(file: string): LanguageItem[] {
  return readJsonl(file, LanguageItemSchema);
}

function fixtureArticle(file: string, fx: AnalysisFixture): ExtractedArticle {
  // No declared language: language identification runs, as for most scraped input.
  return plainArticle({ origin: `${file}#${fx.id}`, suppliedId: fx.id, title: fx.title, text: fx.text, publishedDay: fx.published });
}

function lastDay(iso: string, precision: 'day' | 'month' | 'year'): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  if (precision === 'year') return `${String(y).padStart(4, '0')}-12-31`;
  if (precision === 'month') return `${iso.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  return iso;
}

/** start/end/precision with the end made explicit (a day without an end ends on itself, a month on its last day). */
function dateValue(d: { start: string; end?: string | undefined; precision: 'day' | 'month' | 'year' }): string {
  return `${d.start}/${d.end ?? lastDay(d.start, d.precision)}/${d.precision}`;
}

const normText = (s: string) => s.trim().toLowerCase().normalize('NFC');

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/** Where an output date sits in the text: the occurrence of its text nearest the offset it reports. */
function outputSpan(full: string, d: DateMention): [number, number] {
  const found = occurrences(full, d.text);
  if (found.length === 0) return [d.offset, d.offset + d.text.length];
  const at = found.reduce((best, x) => (Math.abs(x - d.offset) < Math.abs(best - d.offset) ? x : best));
  return [at, at + d.text.length];
}

/**
 * Pairs gold dates with output dates: a pair needs the same start, end and precision, and either the
 * same text (trimmed, case-insensitive) or overlapping spans. The k-th gold date with a given text is
 * placed at the k-th occurrence of that text.
 */
function matchDates(full: string, gold: GoldDate[], output: DateMention[]): { matched: Set<number>; used: Set<number> } {
  const seen = new Map<string, number>();
  const spans = gold.map((g) => {
    const k = seen.get(g.text) ?? 0;
    seen.set(g.text, k + 1);
    const at = occurrences(full, g.text)[k];
    return at === undefined ? null : ([at, at + g.text.length] as [number, number]);
  });
  const outSpans = output.map((d) => outputSpan(full, d));
  const matched = new Set<number>();
  const used = new Set<number>();
  const overlaps = (gi: number, oi: number) => {
    const span = spans[gi];
    const [s, e] = outSpans[oi]!;
    return !!span && s < span[1] && span[0] < e;
  };
  // Same text at the same place first, then the same text anywhere, then an overlapping expression,
  // so that a neighbour does not take another gold date's output.
  for (const pass of ['text and place', 'text', 'overlap'] as const) {
    gold.forEach((g, gi) => {
      if (matched.has(gi)) return;
      const value = dateValue(g);
      const oi = output.findIndex((d, i) => {
        if (used.has(i) || dateValue(d) !== value) return false;
        const sameText = normText(d.text) === normText(g.text);
        if (pass === 'text and place') return sameText && overlaps(gi, i);
        return pass === 'text' ? sameText : overlaps(gi, i);
      });
      if (oi !== -1) {
        matched.add(gi);
        used.add(oi);
      }
    });
  }
  return { matched, used };
}

const ratio = (a: number, b: number) => (b ? a / b : 0);
const f1 = (tp: number, fp: number, fn: number) => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);

export function evalAnalysis(file: string): AnalysisEval {
  const fixtures = readAnalysisFixtures(file);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let goldDates = 0;
  let outDates = 0;
  let correctDates = 0;
  let languageRight = 0;
  const byLang = new Map<string, { articles: number; tp: number; fp: number; fn: number; gold: number; correct: number }>();
  const perArticle: AnalysisArticleResult[] = [];
  for (const fx of fixtures) {
    const enriched = enrichArticle(fixtureArticle(file, fx), { today: fx.published });
    if (enriched.language === fx.lang) languageRight++;
    const gold = new Set(fx.entities);
    const found = new Set(enriched.entities.map((e) => e.name));
    const hit = [...found].filter((n) => gold.has(n)).length;
    const lang = byLang.get(fx.lang) ?? { articles: 0, tp: 0, fp: 0, fn: 0, gold: 0, correct: 0 };
    lang.articles++;
    lang.tp += hit;
    lang.fp += found.size - hit;
    lang.fn += gold.size - hit;
    tp += hit;
    fp += found.size - hit;
    fn += gold.size - hit;

    const full = `${enriched.title}\n${enriched.text}`;
    const { matched, used } = matchDates(full, fx.dates, enriched.dates);
    goldDates += fx.dates.length;
    outDates += enriched.dates.length;
    correctDates += matched.size;
    lang.gold += fx.dates.length;
    lang.correct += matched.size;
    byLang.set(fx.lang, lang);

    perArticle.push({
      id: fx.id,
      lang: fx.lang,
      detected: enriched.language,
      missedEntities: [...gold].filter((n) => !found.has(n)),
      spuriousEntities: [...found].filter((n) => !gold.has(n)),
      missedDates: fx.dates.filter((_, i) => !matched.has(i)),
      wrongDates: enriched.dates
        .filter((_, i) => !used.has(i))
        .map((d) => ({ text: d.text, start: d.start, ...(d.end ? { end: d.end } : {}), precision: d.precision })),
    });
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    articles: fixtures.length,
    entity_precision: precision,
    entity_recall: recall,
    entity_f1: f1(tp, fp, fn),
    date_precision: ratio(correctDates, outDates),
    date_recall: ratio(correctDates, goldDates),
    date_accuracy: ratio(correctDates, goldDates),
    language_accuracy: ratio(languageRight, fixtures.length),
    per_language: Object.fromEntries(
      [...byLang.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([lang, s]) => [lang, { articles: s.articles, entity_f1: f1(s.tp, s.fp, s.fn), date_accuracy: ratio(s.correct, s.gold) }]),
    ),
    per_article: perArticle,
  };
}

export function evalLanguageId(file: string): LanguageIdEval {
  const items = readLanguageItems(file);
  const perLanguage: Record<string, { items: number; correct: number }> = {};
  const perKind: Record<string, { items: number; correct: number }> = {};
  const confusions: LanguageIdEval['confusions'] = [];
  let correct = 0;
  for (const item of items) {
    const got = detectLanguage(item.text).language;
    const right = got === item.lang;
    for (const [table, key] of [
      [perLanguage, item.lang],
      [perKind, item.kind ?? 'unspecified'],
    ] as const) {
      const row = (table[key] ??= { items: 0, correct: 0 });
      row.items++;
      if (right) row.correct++;
    }
    if (right) correct++;
    else confusions.push({ text: item.text, expected: item.lang, got });
  }
  const sorted = (t: Record<string, { items: number; correct: number }>) => Object.fromEntries(Object.entries(t).sort(([a], [b]) => a.localeCompare(b)));
  return { items: items.length, accuracy: ratio(correct, items.length), per_language: sorted(perLanguage), per_kind: sorted(perKind), confusions };
}
