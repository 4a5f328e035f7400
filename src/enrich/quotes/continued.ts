// Continued direct speech: '“A,” Peskov said. “B.”' — a quote with no attribution of its own, right after an attributed one.
import type { Candidate, ParseContext } from './context.js';
import { quoteBody, TERMINAL } from './direct.js';
import { MAX_TAIL_WORDS } from './limits.js';
import type { Span } from './quote-marks.js';
import { endsSentence, isQuoteMark, isSentenceEnd, isWordChar, skipSpaces, skipSpacesBack } from './text.js';
import { isNameLike, type Tok, tokenize } from './tokens.js';
import { verbsIn } from './verbs.js';

/** A direct quote and the span it was found in. */
export interface Attributed {
  span: Span;
  quote: Candidate;
}

/**
 * The previous quote's speaker for a quoted sentence that follows it in the same paragraph, when nothing but that quote's
 * own attribution ("Peskov said", "he told reporters on Monday") stands between them. Any other name or speech verb in
 * between, or a quote that does not stand as a sentence of its own, ends the run.
 */
export function continuedQuote(span: Span, prev: Attributed, ctx: ParseContext, used: Set<number>): Candidate | null {
  const { p } = ctx;
  if (span.orphan || !standsAlone(span, p)) return null;
  const attributionAfter = prev.quote.speaker.start > prev.span.close;
  const adjacent = attributionAfter
    ? onlyAttributionBetween(prev, span.open, ctx, used)
    : standsAlone(prev.span, p) && tokenize(p, prev.span.close + 1, span.open).length === 0;
  if (!adjacent) return null;
  const body = quoteBody(span, p);
  return body ? { kind: 'direct', ...body, speaker: prev.quote.speaker, continued: true } : null;
}

/** The quote is a whole sentence: the sentence ends at its closing mark, or just inside it and a new sentence follows. */
function standsAlone(span: Span, p: string): boolean {
  if (endsSentence(p, span.close + 1)) return true;
  if (!TERMINAL.test(p[skipSpacesBack(p, span.close) - 1] ?? '')) return false;
  // '“Wait!” the minister said': a lower-case word or a comma after the mark still belongs to this sentence.
  const next = skipSpaces(p, span.close + 1);
  const c = p[next];
  return c === undefined || c === '\n' || isQuoteMark(p, next) || (isWordChar(c) && c === c.toUpperCase());
}

/** Between the previous quote and `open`: its speaker, its verb, a few lower-case words, then one sentence end. */
function onlyAttributionBetween(prev: Attributed, open: number, ctx: ParseContext, used: Set<number>): boolean {
  const { p, lang } = ctx;
  const from = prev.span.close + 1;
  const { speaker } = prev.quote;
  if (speaker.end > open) return false;
  const verbs = verbsIn(from, open, ctx);
  if (verbs.some((v) => !used.has(v.start))) return false;
  const covered = (i: number) => (i >= speaker.start && i < speaker.end) || verbs.some((v) => i >= v.start && i < v.end);
  const isCovered = (t: Tok) => {
    for (let i = t.start; i < t.end; i++) if (isWordChar(p[i]) && !covered(i)) return false;
    return true;
  };
  let extra = 0;
  let lastWord = from;
  for (const t of tokenize(p, from, open)) {
    lastWord = t.end;
    if (isCovered(t)) continue;
    // Another capitalised word may be another speaker; time words ("on Monday") are the exception.
    if (lang.data.unspaced || (isNameLike(t.raw) && !lang.leading.set.has(t.key)) || ++extra > MAX_TAIL_WORDS) return false;
  }
  for (let j = from; j < lastWord; j++) if (isSentenceEnd(p, j)) return false;
  for (let j = lastWord; j < open; j++) if (isSentenceEnd(p, j)) return true;
  return false;
}
