// Dates mentioned in an article, resolved against its publication date when it has one.
import type { CalendarDate, DateMention, UnresolvedDate } from '../../domain/index.js';
import type { Sentence } from '../../lang/index.js';
import { findDates, getDateVocabulary, referenceFrom, resolveExpression, resolveYearless, sentenceTense, type FoundDate, type NumericOrder, type ReferenceDate } from '../../time/index.js';

export interface DateMentions {
  dates: DateMention[];
  unresolved: UnresolvedDate[];
}

export function findDateMentions(sentences: Sentence[], language: string, published: CalendarDate | null, conventionLanguage: string | null): DateMentions {
  const lang = language === 'und' ? 'en' : language;
  const order: NumericOrder = getDateVocabulary(conventionLanguage ?? lang).numericOrder;
  const ref = referenceFrom(published);
  const dates: DateMention[] = [];
  const unresolved: UnresolvedDate[] = [];
  for (const sentence of sentences) {
    const found = findDates(sentence.text, { language: lang, numericOrder: order });
    for (const date of found) {
      const tense = sentenceTense(sentence.text, lang, { index: date.index, length: date.text.length });
      // A month or day without a year takes the year the sentence named before it ("last year ... in July").
      const year = date.kind === 'yearless' ? yearBefore(found, date.index, ref) : null;
      const resolved = date.kind === 'yearless' && year !== null ? resolveYearless(date, year) : resolveExpression(date, ref, tense);
      if (resolved) {
        dates.push({ ...resolved, text: date.text, sentence: sentence.text, offset: sentence.offset + date.index, reference: date.reference, tense });
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
        });
      }
    }
  }
  return { dates, unresolved };
}

/**
 * The one year a sentence names outright before `index` ("in 2023", "last year"), not as a point of
 * reference. A year named after the date ("on June 18 … since he came to power in the year 2000")
 * is about something else as often as not.
 */
function yearBefore(found: FoundDate[], index: number, ref: ReferenceDate | null): number | null {
  const years = new Set<number>();
  for (const f of found) {
    if (f.index >= index) continue;
    // "since 2000" is a point of reference, not the sentence's year.
    if (f.reference) continue;
    if (f.kind === 'year') years.add(f.y);
    else if (f.kind === 'relative' && f.relative.unit === 'year' && ref) years.add(ref.date.y + f.relative.offset);
  }
  return years.size === 1 ? [...years][0]! : null;
}
