// Speech verbs of a paragraph, and the words right after one: the reported clause or the sentence's end.
import type { Hit, ParseContext } from './context.js';
import { fold } from './fold.js';
import { MAX_WORDS_BEFORE_CONNECTOR } from './limits.js';
import type { Lang } from './rules.js';
import { COMMAS, isQuoteMark, isSentenceEnd, isStop, isWordChar, skipSpaces } from './text.js';

/**
 * A literal-scan hit as a whole word. When the literal runs into a letter ("pointed outside"), a shorter
 * alternative may still be a word, so the bounded sticky regex has the last word.
 */
export function wordHit(p: string, index: number, text: string, lang: Lang, sticky: RegExp, glued?: Set<string>): Hit | null {
  const hit = { start: index, end: index + text.length, key: fold(text) };
  if (lang.data.unspaced) return hit;
  if (isWordChar(p[index - 1])) return null;
  if (!isWordChar(p[hit.end]) || glued?.has(hit.key)) return hit;
  sticky.lastIndex = index;
  const m = sticky.exec(p);
  return m ? { start: index, end: index + m[0].length, key: fold(m[0]).replace(/\s+/g, ' ') } : null;
}

/**
 * All whole-word speech verbs of a paragraph (exec loop: matchAll would clone the regex), in order and
 * disjoint: each starts at or after the previous one's end, which the look-ups below rely on.
 */
export function scanVerbs(p: string, lang: Lang): Hit[] {
  const hits: Hit[] = [];
  const re = lang.verbs;
  re.lastIndex = 0;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    const h = wordHit(p, m.index, m[0], lang, lang.verbSticky);
    if (h) hits.push(h);
    re.lastIndex = h ? Math.max(h.end, m.index + 1) : m.index + 1;
  }
  return hits;
}

export function verbAt(i: number, ctx: ParseContext): Hit | null {
  const v = ctx.verbs[firstStartingFrom(ctx.verbs, i)];
  return v && v.start === i ? v : null;
}

/** The first speech verb inside [from, to), with word boundaries checked against the whole paragraph. */
export function firstVerbIn(from: number, to: number, ctx: ParseContext): Hit | undefined {
  const v = ctx.verbs[firstStartingFrom(ctx.verbs, from)];
  // Verbs are in order and disjoint: when the first one from `from` on runs past `to`, so do the later ones.
  return v && v.end <= to ? v : undefined;
}

/** The speech verbs inside [from, to). */
export function verbsIn(from: number, to: number, ctx: ParseContext): Hit[] {
  const out: Hit[] = [];
  for (let k = firstStartingFrom(ctx.verbs, from); k < ctx.verbs.length && ctx.verbs[k]!.end <= to; k++) out.push(ctx.verbs[k]!);
  return out;
}

/** Index of the first verb starting at or after `from` (binary search: a paragraph may hold thousands). */
function firstStartingFrom(verbs: Hit[], from: number): number {
  let lo = 0;
  let hi = verbs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (verbs[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** After "said"/"told reporters": the start of the reported clause, or -1. */
export function clauseStartAfterVerb(p: string, verb: Hit, lang: Lang): number {
  const viaConnector = connectorWithin(p, verb.end, lang);
  if (viaConnector >= 0) return viaConnector;
  if (lang.objectVerbs.has(verb.key)) return -1;
  const j = skipSpaces(p, verb.end);
  const c = p[j];
  if (c === undefined || isSentenceEnd(p, j) || c === ';' || isQuoteMark(p, j)) return -1;
  if (COMMAS.has(c)) return lang.data.unspaced || lang.data.commaOpensClause ? j + 1 : -1;
  if (c === ':' || c === '：') return j + 1;
  if (lang.adjacentConnectors) {
    lang.adjacentConnectors.lastIndex = j;
    const m = lang.adjacentConnectors.exec(p);
    if (m) return j + m[0].length;
  }
  return j;
}

const WORD_RUNS = /[\p{L}\p{N}]+/gu;

/** "said on Monday that", "заявил журналистам, что": a connector a few words after the verb. */
function connectorWithin(p: string, from: number, lang: Lang): number {
  if (!lang.connectors) return -1;
  const window = p.slice(from, runEndAllowingCommas(p, from));
  lang.connectors.lastIndex = 0;
  const m = lang.connectors.exec(window);
  if (!m) return -1;
  const words = window.slice(0, m.index).match(WORD_RUNS)?.length ?? 0;
  return words <= MAX_WORDS_BEFORE_CONNECTOR ? from + m.index + m[0].length : -1;
}

function runEndAllowingCommas(p: string, from: number): number {
  const ceil = Math.min(p.length, from + 80);
  for (let j = from; j < ceil; j++) if (!COMMAS.has(p[j]!) && isStop(p, j)) return j;
  return ceil;
}

const TAIL_WORD = /[^\s,;:!?.…。！？；：，、،؛؟]+/y;

/** After "…, Ushakov said": a few words ("told reporters on Monday") then the sentence end, or -1. */
export function tailToSentenceEnd(p: string, from: number, maxWords: number, lang: Lang): number {
  let j = from;
  for (let words = 0; ; words++) {
    j = skipSpaces(p, j);
    if (j >= p.length || isSentenceEnd(p, j) || COMMAS.has(p[j]!) || p[j] === ';') return j;
    if (isStop(p, j) || words >= maxWords) return -1;
    TAIL_WORD.lastIndex = j;
    const w = TAIL_WORD.exec(p);
    if (!w || lang.connectorKeys.has(fold(w[0]))) return -1;
    j += w[0].length;
  }
}
