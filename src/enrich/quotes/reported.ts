// Reported speech around a speech verb: "Peskov said (that) …", "…, Ushakov said.", "プーチン大統領は、…と述べた。"
import type { Candidate, Hit, ParseContext, Speaker } from './context.js';
import { MAX_TAIL_WORDS, MAX_UNSPACED_SPEAKER } from './limits.js';
import type { Span } from './quote-marks.js';
import type { Lang } from './rules.js';
import { parseRange } from './speaker-phrase.js';
import { speakerEndingAt, speakerForVerb, speakerStartingAt, verbAsPronoun } from './speaker-search.js';
import {
  CLAUSE_BREAKS,
  CLAUSE_LEAD,
  CLAUSE_TRAIL,
  clauseBefore,
  clauseToSentenceEnd,
  COMMAS,
  endsSentence,
  isQuoteMark,
  isSpace,
  type Range,
  type Segment,
  segmentBefore,
  sentenceStart,
  skipSpacesBack,
  startsSentence,
  trimmed,
} from './text.js';
import { tokenize } from './tokens.js';
import { clauseStartAfterVerb, tailToSentenceEnd } from './verbs.js';

/** Reported speech at every speech verb outside quoted spans and not already consumed by a direct quote. */
export function reportedFromVerbs(ctx: ParseContext, spans: Span[], used: Set<number>): Candidate[] {
  const out: Candidate[] = [];
  let s = 0;
  for (const verb of ctx.verbs) {
    // Spans are sorted and disjoint; verbs come in order: one pointer walks both.
    while (s < spans.length && spans[s]!.close < verb.start) s++;
    if (used.has(verb.start) || (s < spans.length && spans[s]!.open < verb.start)) continue;
    const seg = segmentBefore(ctx.p, verb.start, 0);
    if (!seg) continue;
    const c = reportedBeforeVerb(verb, seg, ctx) ?? reportedAfterVerb(verb, seg, ctx) ?? reportedVerbFinal(verb, ctx);
    if (c) out.push(c);
  }
  return out;
}

/** "Peskov said (that) the visit…", "Песков заявил, что…", "普京表示，…". */
function reportedAfterVerb(verb: Hit, seg: Segment, ctx: ParseContext): Candidate | null {
  const { p, lang } = ctx;
  if (lang.inversionOnly.has(verb.key)) return null;
  // 'results”he said …': a speaker glued to a quote mark is not a sentence subject.
  if (seg.boundary !== '' && seg.boundary !== 'min' && isQuoteMark(p, seg.from - 1) && !startsSentence(seg, p)) return null;
  const before = tokenize(p, seg.from, verb.start);
  const apposition = before.length === 0 && COMMAS.has(seg.boundary);
  const verbFirst = before.length === 0 && !apposition && !lang.pronounVerbs.has(verb.key) && !lang.data.unspaced;
  if (verbFirst) return reportedVerbFirst(verb, seg, ctx);
  const sp = apposition ? (speakerEndingAt(verb.start, 0, ctx)?.speaker ?? null) : speakerForVerb(verb, seg, verb.start, ctx);
  if (!sp) return null;
  const start = clauseStartAfterVerb(p, verb, lang);
  const body = start >= 0 ? clauseToSentenceEnd(p, start) : null;
  return body ? { kind: 'reported', ...body, speaker: sp } : null;
}

/** Verb-first with a connector: "وقال بيسكوف إن الزيارة…", "Заявил Песков, что…". */
function reportedVerbFirst(verb: Hit, seg: Segment, ctx: ParseContext): Candidate | null {
  const { p, lang } = ctx;
  if (!startsSentence(seg, p) || !lang.connectors) return null;
  const sp = speakerStartingAt(verb.end, ctx);
  if (!sp || sp.pronoun) return null;
  let j = sp.end;
  while (j < p.length && (isSpace(p[j]) || COMMAS.has(p[j]!))) j++;
  lang.connectors.lastIndex = 0;
  const m = lang.connectors.exec(p.slice(j, j + 12));
  if (!m || m.index !== 0) return null;
  const body = clauseToSentenceEnd(p, j + m[0].length);
  return body ? { kind: 'reported', ...body, speaker: sp } : null;
}

/** "…, Ushakov said." / "…, said Ushakov." / "…, — сказал Песков." / "…, he said." / "…, so Scholz." */
function reportedBeforeVerb(verb: Hit, seg: Segment, ctx: ParseContext): Candidate | null {
  const { p, lang } = ctx;
  if (!CLAUSE_BREAKS.has(seg.boundary)) return null;
  const verbFirst = tokenize(p, seg.from, verb.start).length === 0;
  let sp: Speaker | null;
  let after = verb.end;
  if (lang.pronounVerbs.has(verb.key)) sp = verbFirst ? verbAsPronoun(verb, p) : null;
  else if (verbFirst) {
    sp = speakerStartingAt(verb.end, ctx);
    if (sp) after = sp.end;
    else if (lang.data.proDrop && endsSentence(p, verb.end)) sp = verbAsPronoun(verb, p);
  } else sp = lang.inversionOnly.has(verb.key) ? null : (speakerEndingAt(verb.start, seg.from, ctx, false)?.speaker ?? null);
  if (!sp) return null;
  const tail = tailToSentenceEnd(p, after, MAX_TAIL_WORDS, lang);
  if (tail < 0) return null;
  // "…, ông Lavrov khẳng định, mối quan hệ…": the clause after the verb's comma is the quote, not the words before.
  if (lang.data.commaOpensClause && COMMAS.has(p[tail] ?? '')) return null;
  let comma = seg.from - 1;
  // ", — сказал": the clause ends at the comma before the dash.
  if (!COMMAS.has(p[comma]!)) comma = skipSpacesBack(p, comma);
  const clause = clauseBefore(p, comma);
  if (!clause || opensWithAccordingTo(p, clause.start, lang)) return null;
  return { kind: 'reported', ...clause, speaker: sp };
}

/** "According to TASS, Lavrov said.", "Theo hãng tin TASS, ông Lavrov khẳng định": the opener names a source, not what was said. */
function opensWithAccordingTo(p: string, start: number, lang: Lang): boolean {
  if (!lang.openerSticky) return false;
  lang.openerSticky.lastIndex = start;
  return lang.openerSticky.test(p);
}

/** Verb-final reported speech: "プーチン大統領は、…と述べた。", "푸틴 대통령은 …고 말했다.", "Peskov, … söyledi." */
function reportedVerbFinal(verb: Hit, ctx: ParseContext): Candidate | null {
  const { p, lang } = ctx;
  if (!lang.data.verbFinal || !endsSentence(p, verb.end)) return null;
  const start = sentenceStart(p, verb.start);
  if (start < 0) return null;
  const marker = firstTopicMarker(p, start, verb.start, lang);
  if (!marker) return null;
  const sp = parseRange(start, marker.start, ctx, true);
  if (!sp || sp === 'role') return null;
  let end = skipSpacesBack(p, verb.start);
  for (const q of [...lang.data.quotatives].sort((a, b) => b.length - a.length)) {
    if (end - q.length > marker.end && p.slice(end - q.length, end) === q) {
      end -= q.length;
      break;
    }
  }
  const body = trimmed(p, marker.end, end, CLAUSE_LEAD, CLAUSE_TRAIL);
  return body ? { kind: 'reported', ...body, speaker: sp } : null;
}

/** First topic particle closing a word near the sentence start ("大統領は", "대통령은", "Peskov,"). */
function firstTopicMarker(p: string, from: number, to: number, lang: Lang): Range | null {
  const ceil = Math.min(to, from + MAX_UNSPACED_SPEAKER + 16);
  for (let j = from + 1; j < ceil; j++) {
    for (const m of lang.data.topicMarkers) {
      if (!p.startsWith(m, j)) continue;
      const closesWord = lang.data.unspaced || m === ',' || isSpace(p[j + m.length]) || p[j + m.length] === ',';
      if (closesWord) return { start: j, end: j + m.length };
    }
  }
  return null;
}
