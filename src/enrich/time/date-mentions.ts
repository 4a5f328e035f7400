// Dates mentioned in an article, resolved against its publication date when it has one.
import type { CalendarDate, DateMention, UnresolvedDate } from '../../domain/index.js';
import type { Sentence } from '../../lang/index.js';
import { findDates, getDateVocabulary, referenceFrom, resolveExpression, sentenceTense, type NumericOrder } from '../../time/index.js';

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
    for (const found of findDates(sentence.text, { language: lang, numericOrder: order })) {
      const tense = sentenceTense(sentence.text, lang, { index: found.index, length: found.text.length });
      const resolved = resolveExpression(found, ref, tense);
      if (resolved) {
        dates.push({ ...resolved, text: found.text, sentence: sentence.text, offset: sentence.offset + found.index, reference: found.reference, tense });
      } else if (found.kind === 'yearless') {
        unresolved.push({
          text: found.text,
          sentence: sentence.text,
          offset: sentence.offset + found.index,
          month: found.m,
          ...(found.d !== undefined ? { day: found.d } : {}),
          ...(found.endDay !== undefined ? { endDay: found.endDay } : {}),
          tense,
          reference: found.reference,
        });
      }
    }
  }
  return { dates, unresolved };
}
