// One candidate phrase as a speaker: a pronoun, a known entity (behind titles), or an unknown capitalised name.
import type { ParseContext, Speaker } from './context.js';
import { fold, foldKey } from './fold.js';
import { MAX_NAME_TOKENS, MAX_SPEAKER_TOKENS, MAX_UNSPACED_SPEAKER } from './limits.js';
import type { Lang } from './rules.js';
import { resolveName, resolveUnspaced } from './speaker-index.js';
import { skipSpaces, skipSpacesBack } from './text.js';
import { classify, isCased, isNameLike, type Kind, LETTER, phraseAt, phraseEndingAt, type Tok, tokenize } from './tokens.js';

interface Shape {
  from: number;
  to: number;
  hasTitle: boolean;
}

/**
 * Where the name sits among titles: "Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov"; "プーチン 大統領" (titles after
 * the name) → "プーチン". 'role' when there is a title but no name of a person ("the Kremlin spokesman", "porte-parole du Kremlin").
 */
function nameShape(kinds: Kind[], titlesFollowName: boolean): Shape | 'role' | null {
  let to = kinds.length;
  if (titlesFollowName) while (to > 0 && kinds[to - 1] === 'title') to--;
  if (to === 0 || kinds[to - 1] === 'title') return 'role';
  if (kinds[to - 1] !== 'name') return null;
  let from = to;
  while (from > 0 && (kinds[from - 1] === 'name' || kinds[from - 1] === 'particle')) from--;
  while (kinds[from] === 'particle') from++;
  const hasTitle = kinds.includes('title');
  const names = kinds.slice(from, to).filter((k) => k === 'name').length;
  if (names > MAX_NAME_TOKENS) return null;
  for (let i = 0; i < from; i++) {
    // A lower-case word may only qualify a title ("le président russe", "der russische Präsident").
    if (kinds[i] === 'other' && !kinds.slice(Math.max(0, i - 3), i + 2).includes('title')) return null;
  }
  const lastTitle = from > 0 ? kinds.lastIndexOf('title', from - 1) : -1;
  // "spokesman for the Kremlin": a lone name after a title and a linking word is the title's complement.
  if (lastTitle >= 0 && lastTitle < from - 1 && names < 2) return 'role';
  return { from, to, hasTitle };
}

/** An unknown speaker must look like a person's name, not a capitalised common noun or sentence-initial word. */
function isUnknownName(names: Tok[], shape: Shape, sentenceInitial: boolean, lang: Lang): boolean {
  if (names.length === 0 || !names.every((t) => isCased(t.raw) && isNameLike(t.raw))) return false;
  if (lang.data.capitalisedNouns && names.length < 2 && !shape.hasTitle) return false;
  return !(names.length === 1 && !shape.hasTitle && sentenceInitial);
}

/** Drops a Korean topic particle glued to the last word ("대통령은" → "대통령"). */
function stripTopicMarker(toks: Tok[], lang: Lang): void {
  const last = toks.at(-1);
  if (!last || lang.data.unspaced) return;
  for (const m of lang.data.topicMarkers) {
    if (!LETTER.test(m) || !last.raw.endsWith(m) || last.raw.length <= m.length) continue;
    last.raw = last.raw.slice(0, -m.length);
    last.key = foldKey(last.raw);
    last.end -= m.length;
    return;
  }
}

export function pronounSpeaker(text: string, start: number, end: number): Speaker {
  return { text, start, end, entity: null, pronoun: true, named: false };
}

/** "But on Monday Peskov also" → "Peskov": drops sentence openers in front and adverbs behind (never every token). */
function withoutLeadingAndFillers(all: Tok[], lang: Lang): Tok[] {
  let toks = all;
  for (let n = phraseAt(toks, 0, lang.leading); n > 0 && n < toks.length; n = phraseAt(toks, 0, lang.leading)) toks = toks.slice(n);
  for (let n = phraseEndingAt(toks, toks.length, lang.fillers); n > 0 && n < toks.length; ) {
    toks = toks.slice(0, toks.length - n);
    n = phraseEndingAt(toks, toks.length, lang.fillers);
  }
  return toks;
}

/**
 * "He Kremlin emphasized" (machine-translated "El Kremlin"): a pronoun in front of a known name is a stray article.
 * Only a known entity is taken, and never when the whole phrase is itself a name ("He Lifeng").
 */
function knownNameAfterPronoun(toks: Tok[], ctx: ParseContext): Speaker | null {
  const { lang, index } = ctx;
  if (toks.length < 2 || !lang.pronouns.has(toks[0]!.key) || phraseAt(toks, 0, lang.titles) > 0) return null;
  const whole = toks.map((t) => t.key).join(' ');
  if (lang.pronouns.has(whole) || index.full.has(whole)) return null;
  const rest = parseTokens(toks.slice(1), ctx, false);
  return rest && rest !== 'role' && rest.entity ? rest : null;
}

/** "The North Korean leader noted": a role the article itself gives as an entity's alias names that entity. */
function wholeAlias(toks: Tok[], ctx: ParseContext): Speaker | null {
  const hits = ctx.index.full.get(toks.map((t) => t.key).join(' '));
  if (hits?.length !== 1) return null;
  const [first, last] = [toks[0]!, toks.at(-1)!];
  return { text: ctx.p.slice(first.start, last.end), start: first.start, end: last.end, entity: hits[0]!, pronoun: false, named: false };
}

/** Parses tokens as a speaker phrase: pronoun, known entity, or unknown capitalised name. */
export function parseTokens(all: Tok[], ctx: ParseContext, sentenceInitial: boolean): Speaker | 'role' | null {
  const { lang } = ctx;
  let toks = withoutLeadingAndFillers(all, lang);
  if (toks.length === 0 || toks.length > MAX_SPEAKER_TOKENS) return null;
  const afterPronoun = knownNameAfterPronoun(toks, ctx);
  if (afterPronoun) return afterPronoun;
  toks = toks.map((t) => ({ ...t }));
  stripTopicMarker(toks, lang);
  const first = toks[0]!;
  const last = toks.at(-1)!;
  const text = ctx.p.slice(first.start, last.end);
  if (lang.pronouns.has(toks.map((t) => t.key).join(' '))) return pronounSpeaker(text, first.start, last.end);
  const kinds = classify(toks, lang);
  const shape = nameShape(kinds, lang.data.titlesFollowName);
  if (shape === null || shape === 'role') return wholeAlias(toks, ctx) ?? shape;
  const nameToks = toks.slice(shape.from, shape.to);
  const entity = resolveName(nameToks.map((t) => t.key), ctx.index, lang.data.inflected);
  const names = nameToks.filter((_, i) => kinds[shape.from + i] === 'name');
  const named = !entity && isUnknownName(names, shape, sentenceInitial, lang);
  if (!entity && !named) return null;
  return { text, start: first.start, end: last.end, entity, pronoun: false, named };
}

/** Strips leading words, fillers, topic markers, titles and a trailing speech verb from an unspaced phrase. */
export function parseUnspaced(from: number, to: number, ctx: ParseContext): Speaker | null {
  const { p, lang } = ctx;
  let s = skipSpaces(p, from);
  let e = skipSpacesBack(p, to);
  const strip = (words: string[], atEnd: boolean): boolean => {
    const w = words.find((x) => e - s > x.length && (atEnd ? p.slice(e - x.length, e) === x : p.startsWith(x, s)));
    if (w === undefined) return false;
    if (atEnd) e -= w.length;
    else s += w.length;
    return true;
  };
  while (strip(lang.data.leadingWords, false));
  while (strip(lang.data.topicMarkers, true) || strip(lang.data.fillers, true) || strip(lang.data.speechVerbs, true));
  if (e <= s || e - s > MAX_UNSPACED_SPEAKER) return null;
  const phrase = p.slice(s, e);
  if (lang.pronouns.has(fold(phrase))) return pronounSpeaker(phrase, s, e);
  let core = e;
  const titles = [...lang.data.titles].sort((a, b) => b.length - a.length);
  for (let again = true; again; ) {
    again = false;
    for (const t of titles) {
      if (core - s > t.length && p.slice(core - t.length, core) === t) [core, again] = [core - t.length, true];
    }
  }
  const hit = resolveUnspaced(p.slice(s, core), ctx.index);
  if (!hit) return null;
  if (!hit.atStart) return { text: phrase, start: s, end: e, entity: hit.form.entity, pronoun: false, named: false };
  // "普京在会见时" → "普京"; "プーチン大統領は記者団に" → "プーチン大統領".
  let end = s + hit.form.surface.length;
  for (const t of titles) if (p.startsWith(t, end) && end + t.length <= e) end += t.length;
  return { text: p.slice(s, end), start: s, end, entity: hit.form.entity, pronoun: false, named: false };
}

export function parseRange(from: number, to: number, ctx: ParseContext, sentenceInitial: boolean): Speaker | 'role' | null {
  if (ctx.lang.data.unspaced) return parseUnspaced(from, to, ctx);
  return parseTokens(tokenize(ctx.p, from, to), ctx, sentenceInitial);
}
