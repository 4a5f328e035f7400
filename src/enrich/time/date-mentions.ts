// Dates mentioned in an article, resolved against its publication date when it has one.
import type { CalendarDate, DateMention, UnresolvedDate } from '../../domain/index.js';
import type { Sentence } from '../../lang/index.js';
import { classifyDateMention, findDates, getDateVocabulary, isBackgroundMention, referenceFrom, resolveExpression, resolveYearless, sentenceTense, type FoundDate, type NumericOrder, type ReferenceDate } from '../../time/index.js';

export interface DateMentions {
  dates: DateMention[];
  unresolved: UnresolvedDate[];
  /** Days the text names only relative to its unknown publication ("on Sunday", "yesterday"): news it does not date. */
  undatedNews: number;
}

export function findDateMentions(sentences: Sentence[], language: string, published: CalendarDate | null, conventionLanguage: string | null): DateMentions {
  const lang = language === 'und' ? 'en' : language;
  const order: NumericOrder = getDateVocabulary(conventionLanguage ?? lang).numericOrder;
  const ref = referenceFrom(published);
  const dates: DateMention[] = [];
  const unresolved: UnresolvedDate[] = [];
  let undatedNews = 0;
  for (const sentence of sentences) {
    const found = findDates(sentence.text, { language: lang, numericOrder: order });
    // Whether the sentence tells background is the same for each of its dates: asked once.
    let backgroundSentence: boolean | undefined;
    for (const date of found) {
      const tense = sentenceTense(sentence.text, lang, { index: date.index, length: date.text.length });
      // A month or day without a year takes the year the sentence named before it ("last year ... in July"),
      // when that year is near the publication; a year far from it leaves the date unresolved.
      const year = date.kind === 'yearless' ? yearBefore(found, date.index, ref) : null;
      const resolved = date.kind !== 'yearless' ? resolveExpression(date, ref, tense) : year === 'far' ? null : year !== null ? resolveYearless(date, year) : resolveExpression(date, ref, tense);
      const kind = classifyDateMention(
        { sentence: sentence.text, text: date.text, index: date.index, reference: date.reference, tense, explicitYear: EXPLICIT_YEAR.has(date.kind), start: resolved?.start ?? null, published: published?.start ?? null },
        lang,
      );
      const background = tense === 'past' && kind === 'event' && (backgroundSentence ??= isBackgroundMention(sentence.text, lang)) ? { background: true } : {};
      if (!resolved && !ref && isDeicticDay(date)) undatedNews++;
      if (resolved) {
        dates.push({ ...resolved, text: date.text, sentence: sentence.text, offset: sentence.offset + date.index, reference: date.reference, kind, ...background, tense });
      } else if (date.kind === 'yearless') {
        unresolved.push({
          text: date.text,
          sentence: sentence.text,
          offset: sentence.offset + date.index,
          month: date.m,
          ...(date.d !== undefined ? { day: date.d } : {}),
          ...(date.endDay !== undefined ? { endDay: date.endDay } : {}),
          tense,
          reference: date.reference,
          kind,
          ...background,
        });
      }
    }
  }
  return { dates, unresolved, undatedNews };
}

/** A day named relative to the report's own date: a weekday, "yesterday", "today", 15日. */
function isDeicticDay(date: FoundDate): boolean {
  return date.kind === 'weekday' || date.kind === 'dayOfMonth' || (date.kind === 'relative' && date.relative.unit === 'day');
}

/** Expressions that name their year themselves. */
const EXPLICIT_YEAR = new Set<FoundDate['kind']>(['full', 'month', 'year']);

/** How far from the publication year a year named earlier in the sentence still dates a month or day without one. */
const MAX_SENTENCE_YEAR_DISTANCE = 1;

/**
 * The one year a sentence names outright before `index` ("in 2023", "last year"), not as a point of
 * reference. A year named after the date ("on June 18 … since he came to power in the year 2000")
 * is about something else as often as not. Only a year near the publication date is taken
 * ("completed in June" after "built in 1927", in a 2016 article, is not June 1927): a year far from it
 * is 'far' (the date stays unresolved), and without a publication date no year is taken at all.
 */
function yearBefore(found: FoundDate[], index: number, ref: ReferenceDate | null): number | 'far' | null {
  const years = new Set<number>();
  for (const f of found) {
    if (f.index >= index) continue;
    // "since 2000" is a point of reference, not the sentence's year.
    if (f.reference) continue;
    if (f.kind === 'year') years.add(f.y);
    else if (f.kind === 'relative' && f.relative.unit === 'year' && ref) years.add(ref.date.y + f.relative.offset);
  }
  if (years.size !== 1 || !ref) return null;
  const year = [...years][0]!;
  return Math.abs(year - ref.date.y) <= MAX_SENTENCE_YEAR_DISTANCE ? year : 'far';
}
