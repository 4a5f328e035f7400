// Words of a candidate speaker phrase, and what each one is: title, name, name particle or other.
import { foldKey } from './fold.js';
import type { Lang, Phrases } from './rules.js';
import { isWordChar, SPACE } from './text.js';

export interface Tok {
  raw: string;
  key: string;
  start: number;
  end: number;
}

export type Kind = 'title' | 'name' | 'particle' | 'other';
export const LETTER = /\p{L}/u;

/** Whitespace-separated words of p[from, to), trimmed of edge punctuation. */
export function tokenize(p: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  for (let i = from; i < to; ) {
    while (i < to && isWhite(p[i]!)) i++;
    let j = i;
    while (j < to && !isWhite(p[j]!)) j++;
    let s = i;
    let e = j;
    while (s < e && !isWordChar(p[s])) s++;
    while (e > s && !isWordChar(p[e - 1])) e--;
    if (s < e) out.push({ raw: p.slice(s, e), key: foldKey(p.slice(s, e)), start: s, end: e });
    i = j;
  }
  return out;
}

function isWhite(c: string): boolean {
  return c === ' ' || c === '\n' || ((c < ' ' || c > '~') && SPACE.test(c));
}

/** Length of the longest phrase starting at token i, or 0. */
export function phraseAt(toks: Tok[], i: number, ph: Phrases): number {
  if (i >= toks.length || !ph.firsts.has(toks[i]!.key)) return 0;
  for (let len = Math.min(ph.maxLen, toks.length - i); len > 0; len--) {
    if (ph.set.has(toks.slice(i, i + len).map((t) => t.key).join(' '))) return len;
  }
  return 0;
}

/** Length of the longest phrase ending at token `end` (exclusive), or 0. */
export function phraseEndingAt(toks: Tok[], end: number, ph: Phrases): number {
  if (end <= 0 || !ph.lasts.has(toks[end - 1]!.key)) return 0;
  for (let len = Math.min(ph.maxLen, end); len > 0; len--) {
    if (ph.set.has(toks.slice(end - len, end).map((t) => t.key).join(' '))) return len;
  }
  return 0;
}

/** Upper-case initial, or a letter of a caseless script (Arabic, Hangul). */
export function isNameLike(raw: string): boolean {
  const c = LETTER.exec(raw)?.[0];
  if (!c || c !== raw[0]) return false;
  return c.toLowerCase() === c.toUpperCase() || c === c.toUpperCase();
}

export const isCased = (raw: string) => raw[0]!.toLowerCase() !== raw[0]!.toUpperCase();

export function classify(toks: Tok[], lang: Lang): Kind[] {
  const kinds: Kind[] = [];
  for (let i = 0; i < toks.length; ) {
    const len = phraseAt(toks, i, lang.titles);
    if (len > 0) {
      for (let k = 0; k < len; k++) kinds.push('title');
      i += len;
      continue;
    }
    const t = toks[i]!;
    kinds.push(isNameLike(t.raw) ? 'name' : lang.particles.has(t.key) ? 'particle' : 'other');
    i++;
  }
  return kinds;
}
