// Direct speech: a quoted span with its attribution before it ("Peskov said: “…”") or after it ("“…,” Peskov said").
import type { Candidate, Hit, ParseContext, Speaker } from './context.js';
import { MAX_SPEAKER_CHARS, MIN_OPENING_QUOTE_WORDS, MIN_QUOTE_WORDS } from './limits.js';
import type { Span } from './quote-marks.js';
import { speakerEndingAt, speakerForVerb, speakerStartingAt, verbAsPronoun } from './speaker-search.js';
import {
  COMMAS,
  endsSentence,
  isQuoteMark,
  isSentenceEnd,
  NOTHING,
  QUOTE_TRAIL,
  type Range,
  segmentBefore,
  skipSpaces,
  skipSpacesBack,
  trimmed,
} from './text.js';
import { tokenize } from './tokens.js';
import { firstVerbIn, verbAt } from './verbs.js';

const BEFORE_SEPARATORS = new Set([':', '：', ',', '，', '،', '—', '–']);
export const TERMINAL = /[.!?。！？]/;

/** A quoted span with a speaker; `used` collects the verbs it consumed, so they are not read again as reported speech. */
export function directQuote(span: Span, ctx: ParseContext, used: Set<number>): Candidate | null {
  const body = quoteBody(span, ctx.p);
  if (!body) return null;
  const speaker = speakerBeforeQuote(span, ctx, used) ?? speakerAfterQuote(span, ctx, used);
  return speaker ? { kind: 'direct', ...body, speaker } : null;
}

/** The quoted words without edge spaces and a trailing comma; null when too short to be more than a scare quote. */
export function quoteBody(span: Span, p: string): Range | null {
  const minWords = !span.orphan && opensSentence(p, span.open) ? MIN_OPENING_QUOTE_WORDS : MIN_QUOTE_WORDS;
  return trimmed(p, span.open + 1, span.close, NOTHING, QUOTE_TRAIL, minWords);
}

/** Only spaces (or a dialogue dash) between the sentence start, or a colon, and the opening mark. */
function opensSentence(p: string, open: number): boolean {
  let j = skipSpacesBack(p, open);
  if (p[j - 1] === '—' || p[j - 1] === '–') j = skipSpacesBack(p, j - 1);
  return j === 0 || p[j - 1] === ':' || p[j - 1] === '：' || isSentenceEnd(p, j - 1);
}

/** "Peskov said: “…”", "Ông Lavrov cho biết: “…”", "普京表示：“……”", "وقال بيسكوف: «…»". */
function speakerBeforeQuote(span: Span, ctx: ParseContext, used: Set<number>): Speaker | null {
  const { p, lang } = ctx;
  if (span.orphan) return null;
  let k = skipSpacesBack(p, span.open);
  const sep = p[k - 1];
  const hasSep = sep !== undefined && BEFORE_SEPARATORS.has(sep);
  if (hasSep) k = skipSpacesBack(p, k - 1);
  // Without a separator ("He said “the visit…”") the quote must close the sentence: "wrote “The Lord of the Rings” in 1954" is a title.
  else if (!endsSentence(p, span.close + 1) && !TERMINAL.test(p[span.close - 1] ?? '')) return null;
  const seg = segmentBefore(p, k, 0);
  if (!seg) return null;
  const verb = firstVerbIn(seg.from, k, ctx);
  if (!verb || lang.inversionOnly.has(verb.key)) return null;
  const tail = tokenize(p, verb.end, k).length;
  const colon = sep === ':' || sep === '：';
  if (tail > (colon ? 3 : 0)) return null;
  const sp = speakerForVerb(verb, seg, k, ctx);
  if (sp) used.add(verb.start);
  return sp;
}

const AFTER_CLOSER = /[^\S\n]*([,，、،]?)[^\S\n]*([—–-]?)[^\S\n]*/y;
/** '“…,” Peskov said': a comma (or ?, !) closing the quoted words announces the attribution. */
const ATTRIBUTION_INSIDE = /[,，、،?!？！…]/;

/** "“…,” Peskov said." / "«…», — сказал Песков." / "« … », a déclaré Macron." / "「…」とプーチン大統領は述べた". */
function speakerAfterQuote(span: Span, ctx: ParseContext, used: Set<number>): Speaker | null {
  const { p, lang } = ctx;
  AFTER_CLOSER.lastIndex = span.close + 1;
  const m = AFTER_CLOSER.exec(p)!;
  let k = span.close + 1 + m[0].length;
  const inner = p[skipSpacesBack(p, span.close) - 1] ?? '';
  let strong = ATTRIBUTION_INSIDE.test(inner) || m[1] !== '' || m[2] !== '';
  if (lang.quotatives) {
    lang.quotatives.lastIndex = k;
    const q = lang.quotatives.exec(p);
    if (q) [k, strong] = [skipSpaces(p, k + q[0].length), true];
  }
  const verb = verbAt(k, ctx);
  const sp = verb ? speakerOfLeadingVerb(verb, span, strong, ctx) : speakerThenVerb(k, strong, ctx, used);
  if (sp && verb) used.add(verb.start);
  return sp;
}

/** The verb comes first after the quote: "said Peskov", "a-t-il déclaré", "dijo." (pro-drop), or (verb-final) the speaker before the quote. */
function speakerOfLeadingVerb(verb: Hit, span: Span, strong: boolean, ctx: ParseContext): Speaker | null {
  const { p, lang } = ctx;
  if (lang.pronounVerbs.has(verb.key)) return strong || endsSentence(p, verb.end) ? verbAsPronoun(verb, p) : null;
  const after = speakerStartingAt(verb.end, ctx);
  if (after) return strong || endsSentence(p, after.end) ? after : null;
  if (lang.data.verbFinal) return speakerBeforeOpener(span, ctx);
  if (lang.data.proDrop && !lang.inversionOnly.has(verb.key) && endsSentence(p, verb.end) && strong) {
    return verbAsPronoun(verb, p);
  }
  return null;
}

/** Verb-final languages: "Erdoğan, “…” dedi", "プーチン大統領は「…」と述べた", "푸틴 대통령은 “…”라고 말했다". */
function speakerBeforeOpener(span: Span, ctx: ParseContext): Speaker | null {
  const { p } = ctx;
  let k = skipSpacesBack(p, span.open);
  if (COMMAS.has(p[k - 1] ?? '') || p[k - 1] === ':' || p[k - 1] === '：') k = skipSpacesBack(p, k - 1);
  return speakerEndingAt(k, 0, ctx)?.speaker ?? null;
}

/** "“…,” Peskov said" / "“…,” the Kremlin spokesman Dmitry Peskov told reporters". */
function speakerThenVerb(k: number, strong: boolean, ctx: ParseContext, used: Set<number>): Speaker | null {
  const { p, lang } = ctx;
  const verb = firstVerbIn(k, Math.min(p.length, k + MAX_SPEAKER_CHARS), ctx);
  if (!verb || lang.inversionOnly.has(verb.key) || lang.pronounVerbs.has(verb.key)) return null;
  const found = speakerEndingAt(verb.start, k, ctx, !strong);
  if (!found || found.seg.from > skipSpaces(p, k)) return null;
  const glued = gluedNamedSpeaker(found.speaker, verb, k, ctx);
  if (!glued && !strong && !endsSentence(p, verb.end)) return null;
  used.add(verb.start);
  return glued ?? found.speaker;
}

/** "results”he said Sergei Narishkinhead of the SVR": stripped text glued "…,” said Sergei Naryshkin, head…"; a known name after the verb wins. */
function gluedNamedSpeaker(speaker: Speaker, verb: Hit, k: number, ctx: ParseContext): Speaker | null {
  if (!speaker.pronoun || !isQuoteMark(ctx.p, k - 1)) return null;
  const named = speakerStartingAt(verb.end, ctx);
  return named?.entity ? named : null;
}
