// Language-independent content of an article: the figures it gives and the days of the developments
// it dates. Two reports in different languages that share them likely tell one story, and a
// translation shares nearly all of them.
import type { DateMention } from '../domain/index.js';
import { asciiDigits } from '../time/index.js';

/** Figures of two or more digits (digits only: "1,001.2" and "1.001,2" meet) as `n:`, dated days as `d:`. */
export function reportedFacts(x: { text: string; dates: DateMention[] }): Set<string> {
  const out = new Set<string>();
  for (const m of asciiDigits(x.text).matchAll(/\d{2,}(?:[.,]\d+)*/g)) out.add(`n:${m[0].replace(/\D/g, '')}`);
  for (const d of x.dates) if (!d.reference && d.precision === 'day') out.add(`d:${d.start}`);
  return out;
}
