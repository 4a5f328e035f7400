// Finds the speaker phrase in the words around a speech verb or opener: before it, after it, or in the verb itself.
import type { Hit, ParseContext, Speaker } from './context.js';
import { MAX_SPEAKER_TOKENS } from './limits.js';
import type { Lang } from './rules.js';
import { parseRange, parseTokens, parseUnspaced, pronounSpeaker } from './speaker-phrase.js';
import { COMMAS, runEnd, type Segment, segmentBefore, skipSpaces, startsSentence } from './text.js';
import { classify, isCased, phraseAt, type Tok, tokenize } from './tokens.js';
import { verbAt } from './verbs.js';

/** "ujarnya", "a-t-il déclaré", pro-drop "dijo": the verb carries its own subject, so it is the speaker as written. */
export function verbAsPronoun(verb: Hit, p: string): Speaker {
  return pronounSpeaker(p.slice(verb.start, verb.end), verb.start, verb.end);
}

/** The speaker phrase ending at `to` (before a verb). Falls back over an apposition: "Peskov, the Kremlin spokesman, said". */
export function speakerEndingAt(
  to: number,
  minFrom: number,
  ctx: ParseContext,
  sentenceInitial?: boolean,
): { speaker: Speaker; seg: Segment } | null {
  const seg = segmentBefore(ctx.p, to, minFrom);
  if (!seg) return null;
  // "Peskov, the Kremlin spokesman, said": step over the comma closing the apposition.
  if (COMMAS.has(seg.boundary) && ctx.p.slice(seg.from, to).trim() === '' && seg.from - 1 > minFrom) {
    return speakerEndingAt(seg.from - 1, minFrom, ctx, sentenceInitial);
  }
  const initial = sentenceInitial ?? startsSentence(seg, ctx.p);
  const sp = parseRange(seg.from, to, ctx, initial);
  if (sp && sp !== 'role') return { speaker: sp, seg };
  if (sp !== 'role' || !COMMAS.has(seg.boundary)) return null;
  const prev = segmentBefore(ctx.p, seg.from - 1, minFrom);
  if (!prev) return null;
  const named = parseRange(prev.from, seg.from - 1, ctx, sentenceInitial ?? startsSentence(prev, ctx.p));
  return named && named !== 'role' && !named.pronoun ? { speaker: named, seg: prev } : null;
}

/**
 * The speaker phrase starting at `from` ("said Kremlin spokesman Dmitry Peskov on Monday", "по словам Пескова, ...").
 * Longest prefix that names a known entity or pronoun wins, else the longest unknown capitalised name.
 */
export function speakerStartingAt(from: number, ctx: ParseContext): Speaker | null {
  const { p, lang } = ctx;
  const start = skipSpaces(p, from);
  const stop = runEnd(p, start);
  if (lang.data.unspaced) return parseUnspaced(start, stop, ctx);
  let clause = tokenize(p, start, stop);
  const connector = clause.findIndex((t) => lang.connectorKeys.has(t.key));
  if (connector >= 0) clause = clause.slice(0, connector);
  const toks = clause.slice(0, speakerRunLength(clause, lang));
  let fallback: Speaker | null = null;
  // Once the longest unknown name turns out to be an adjective ("North Korean state media"), so are its prefixes ("North").
  let adjective = false;
  let role = false;
  const kinds = classify(toks, lang);
  for (let n = toks.length; n > 0; n--) {
    if (kinds[n - 1] === 'other' && !lang.pronounLasts.has(toks[n - 1]!.key)) continue;
    const sp = parseTokens(toks.slice(0, n), ctx, false);
    if (sp === 'role') role ||= n === toks.length;
    else if (sp && (sp.entity || sp.pronoun)) return sp;
    else if (sp && !fallback && !adjective) {
      adjective = qualifiesNoun(clause, n, ctx);
      if (!adjective) fallback = sp;
    }
  }
  if (fallback) return fallback;
  // "said the Kremlin spokesman, Dmitry Peskov": the name follows the role after a comma.
  if (role && COMMAS.has(p[stop] ?? '')) {
    const sp = speakerStartingAt(stop + 1, ctx);
    return sp && !sp.pronoun ? sp : null;
  }
  return null;
}

/**
 * Where adjectives from names are capitalised: "according to the Western powers", "said Western diplomats", "a Western
 * diplomat". An unknown capitalised word before a title, or before lower-case content words that run to the end of the
 * clause, is an adjective, not a name. A function word after it ("John Smith in a statement", "of the university") keeps it.
 */
function qualifiesNoun(clause: Tok[], n: number, ctx: ParseContext): boolean {
  const { lang } = ctx;
  if (!lang.data.capitalisedAdjectives || n >= clause.length) return false;
  if (phraseAt(clause, n, lang.titles) > 0) return true;
  return clause.slice(n).every((t) => isCased(t.raw) && t.raw === t.raw.toLowerCase() && !isFunctionWord(t, ctx));
}

/** Words from the language's closed lists (sentence openers, fillers, connectors, particles, pronouns) and speech verbs. */
function isFunctionWord(t: Tok, ctx: ParseContext): boolean {
  const { lang } = ctx;
  const key = t.key;
  if (lang.leading.set.has(key) || lang.fillers.set.has(key) || lang.connectorKeys.has(key)) return true;
  return lang.particles.has(key) || lang.pronouns.has(key) || verbAt(t.start, ctx) !== null;
}

/** Tokens up to the first word that cannot belong to a speaker phrase (lower-case, not a title or a title's qualifier). */
function speakerRunLength(toks: Tok[], lang: Lang): number {
  const limit = Math.min(toks.length, MAX_SPEAKER_TOKENS);
  const kinds = classify(toks.slice(0, limit), lang);
  let lead = 0;
  for (let n = phraseAt(toks, 0, lang.leading); n > 0; n = phraseAt(toks, lead, lang.leading)) lead += n;
  for (let i = lead; i < limit; i++) {
    if (kinds[i] !== 'other' || lang.pronounLasts.has(toks[i]!.key)) continue;
    if (!kinds.slice(Math.max(0, i - 3), i + 2).includes('title')) return i;
  }
  return limit;
}

/** True when the tokens are empty or only sentence openers ("But", "On Monday"). */
export function onlyLeadingWords(toks: Tok[], lang: Lang): boolean {
  return toks.length === 0 || phraseAt(toks, 0, lang.leading) === toks.length;
}

/** Speaker of a verb found inside a segment: before it ("Peskov said"), inside it ("ujarnya"), or after it ("Said Peskov", "وقال بيسكوف"). */
export function speakerForVerb(verb: Hit, seg: Segment, limit: number, ctx: ParseContext): Speaker | null {
  const onlyLeading = onlyLeadingWords(tokenize(ctx.p, seg.from, verb.start), ctx.lang);
  if (ctx.lang.pronounVerbs.has(verb.key)) return onlyLeading ? verbAsPronoun(verb, ctx.p) : null;
  if (!onlyLeading) return speakerEndingAt(verb.start, 0, ctx)?.speaker ?? null;
  const sp = speakerStartingAt(verb.end, ctx);
  return sp && sp.end <= limit ? sp : null;
}
