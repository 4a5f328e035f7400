// Pairs opening and closing quote marks in a paragraph, and guesses the start of a quote whose opener was lost.
import { getShared } from './rules.js';
import { isQuoteMark, sentenceStart } from './text.js';

export interface Span {
  /** Index of the opening mark; for an orphan, the character before the guessed start. */
  open: number;
  close: number;
  /** A closing mark whose opener was lost (careless HTML stripping); the quote starts at the sentence start. */
  orphan?: boolean;
}

/** Marks that only ever close a quote, so an unmatched one is worth a guess. Never apostrophes or straight quotes. */
const ORPHAN_CLOSERS = /[”»」』]/g;

/** Opening mark → nearest matching closing mark in the paragraph; the scan resumes after the closer, so nesting is skipped. */
export function quoteSpans(p: string): Span[] {
  const { openers, openerRe } = getShared();
  const spans: Span[] = [];
  const next = new Map<string, number>();
  openerRe.lastIndex = 0;
  for (let m = openerRe.exec(p); m; m = openerRe.exec(p)) {
    const open = m.index;
    let close = -1;
    for (const c of openers.get(m[0])!) {
      const k = nextCloser(p, c, open + 1, next);
      if (k >= 0 && (close < 0 || k < close)) close = k;
    }
    if (close < 0) continue;
    spans.push({ open, close });
    openerRe.lastIndex = close + 1;
  }
  return withOrphans(p, spans);
}

/** Adds unmatched closing marks as quotes from the sentence start (not before the previous quote), keeping spans sorted and disjoint. */
function withOrphans(p: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  let s = 0;
  ORPHAN_CLOSERS.lastIndex = 0;
  for (let m = ORPHAN_CLOSERS.exec(p); m; m = ORPHAN_CLOSERS.exec(p)) {
    const i = m.index;
    while (s < spans.length && spans[s]!.open <= i) out.push(spans[s++]!);
    // A closer within a paired quote (or one of its own marks) is no orphan.
    const last = out.at(-1);
    if (last && last.close >= i) continue;
    const start = Math.max(sentenceStart(p, i), last ? last.close + 1 : 0);
    if (start >= 0 && start < i) out.push({ open: start - 1, close: i, orphan: true });
  }
  while (s < spans.length) out.push(spans[s++]!);
  return out;
}

/** Next closing mark at or after `from`, skipping apostrophes ("Russia’s"); cached per mark so the scan stays linear. */
function nextCloser(p: string, c: string, from: number, cache: Map<string, number>): number {
  const known = cache.get(c);
  if (known !== undefined && (known < 0 || known >= from)) return known;
  let k = p.indexOf(c, from);
  while (k >= 0 && !isQuoteMark(p, k)) k = p.indexOf(c, k + 1);
  cache.set(c, k);
  return k;
}
