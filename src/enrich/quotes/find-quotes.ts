// Direct and reported speech ("quotes") with the speaker resolved to an article entity.
// Precision first: a quote is kept only when a speech verb or an "according to" opener ties it to a
// speaker that is a known entity, a pronoun with an antecedent, or a capitalised name. All vocabulary
// comes from data/quotes/speech.json; every scan is a linear regex or a bounded backward/forward walk.
import type { EntityMention, Quote } from '../../domain/index.js';
import { RangeBuckets } from '../range-buckets.js';
import { accordingTo, accordingToAfter } from './according-to.js';
import type { Candidate, ParseContext } from './context.js';
import { type Attributed, continuedQuote } from './continued.js';
import { directQuote } from './direct.js';
import { type Placed, resolvePronouns } from './pronouns.js';
import { quoteSpans } from './quote-marks.js';
import { reportedFromVerbs } from './reported.js';
import { getLang, type Lang } from './rules.js';
import { indexSpeakers, type SpeakerIndex } from './speaker-index.js';
import { paragraphs } from './text.js';
import { scanVerbs } from './verbs.js';

export type { Quote };

/** Direct and reported speech in `text` (language: ISO 639-1 code), each with its speaker resolved against `entities`. */
export function findQuotes(text: string, language: string, entities: EntityMention[]): Quote[] {
  const lang = getLang(language);
  if (!lang || text.length === 0) return [];
  const index = indexSpeakers(entities);
  const placed: Placed[] = [];
  for (const para of paragraphs(text)) {
    const p = text.slice(para.start, para.end);
    for (const c of inParagraph(p, lang, index)) {
      const shift = para.start;
      placed.push({
        ...c,
        start: c.start + shift,
        end: c.end + shift,
        speaker: { ...c.speaker, start: c.speaker.start + shift, end: c.speaker.end + shift },
        paragraph: para.start,
      });
    }
  }
  placed.sort((a, b) => Math.min(a.start, a.speaker.start) - Math.min(b.start, b.speaker.start));
  return resolvePronouns(placed, text, index, lang.data.unspaced).map((c) => ({
    speaker: c.speaker.entity?.name ?? null,
    speakerText: c.speaker.text,
    text: text.slice(c.start, c.end),
    kind: c.kind,
    start: c.start,
    end: c.end,
  }));
}

/** Direct quotes first (they claim their verbs), then reported speech; overlaps go to the earlier candidate. */
function inParagraph(p: string, lang: Lang, index: SpeakerIndex): Candidate[] {
  const ctx: ParseContext = { p, lang, index, verbs: scanVerbs(p, lang) };
  const spans = quoteSpans(p);
  const used = new Set<number>();
  const direct: Candidate[] = [];
  let prev: Attributed | null = null;
  for (const span of spans) {
    const quote: Candidate | null = directQuote(span, ctx, used) ?? (prev ? continuedQuote(span, prev, ctx, used) : null);
    prev = quote ? { span, quote } : null;
    if (quote) direct.push(quote);
  }
  const fromVerbs = reportedFromVerbs(ctx, spans, used);
  const sourced = withoutNestedSpeech([...accordingTo(ctx), ...accordingToAfter(ctx)], fromVerbs);
  return withoutOverlaps([...direct, ...sourced, ...fromVerbs]);
}

/** "According to TASS, Lavrov said the talks…": the source's clause holds someone's own attribution, which is the quote. */
function withoutNestedSpeech(sourced: Candidate[], fromVerbs: Candidate[]): Candidate[] {
  const speakers = new RangeBuckets<Candidate>();
  for (const v of fromVerbs) speakers.add(v.speaker.start, v.speaker.end, v);
  return sourced.filter((c) => !speakers.someNear(c.start, c.end, (v) => v.speaker.start >= c.start && v.speaker.end <= c.end));
}

/** Earlier candidates win: a quote's words and its speaker may not sit inside another quote. */
function withoutOverlaps(cands: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  // Kept candidates filed by their words and by their speaker: a clash is with one nearby.
  const keptWords = new RangeBuckets<Candidate>();
  const keptSpeakers = new RangeBuckets<Candidate>();
  const inside = (a: number, b: number, c: Candidate) => a < c.end && b > c.start;
  const clashes = (c: Candidate) =>
    keptWords.someNear(c.start, c.end, (k) => inside(c.start, c.end, k)) ||
    keptWords.someNear(c.speaker.start, c.speaker.end, (k) => inside(c.speaker.start, c.speaker.end, k)) ||
    keptSpeakers.someNear(c.start, c.end, (k) => inside(k.speaker.start, k.speaker.end, c));
  for (const c of cands) {
    if (clashes(c)) continue;
    kept.push(c);
    keptWords.add(c.start, c.end, c);
    keptSpeakers.add(c.speaker.start, c.speaker.end, c);
  }
  return kept;
}
