// Reported speech introduced by a source phrase: "According to Ushakov, …", "…, according to Reuters.", "Peskov'a göre, …".
import type { Candidate, ParseContext } from './context.js';
import { onlyLeadingWords, speakerEndingAt, speakerStartingAt } from './speaker-search.js';
import { clauseBefore, clauseToSentenceEnd, COMMAS, runEnd, segmentBefore, startsSentence } from './text.js';
import { tokenize } from './tokens.js';
import { tailToSentenceEnd, wordHit } from './verbs.js';

/** "According to Ushakov, the talks…", "По словам Пескова, …", "Laut Scholz ist…", and the trailing "…, according to Ushakov." */
export function accordingTo(ctx: ParseContext): Candidate[] {
  const { p, lang } = ctx;
  if (!lang.openers) return [];
  const out: Candidate[] = [];
  lang.openers.lastIndex = 0;
  for (let m = lang.openers.exec(p); m; m = lang.openers.exec(p)) {
    const hit = wordHit(p, m.index, m[0], lang, lang.openerSticky!, lang.gluedOpeners);
    if (!hit) continue;
    const at = hit.start;
    const seg = segmentBefore(p, at, 0);
    if (!seg) continue;
    const before = tokenize(p, seg.from, at);
    const sp = onlyLeadingWords(before, lang) ? speakerStartingAt(hit.end, ctx) : null;
    if (!sp) continue;
    if (startsSentence(seg, p)) {
      // Unspaced scripts: the speaker phrase ran to the comma ("据佩斯科夫称，"); the clause starts there.
      const body = clauseToSentenceEnd(p, lang.data.unspaced ? runEnd(p, sp.end) : sp.end);
      if (body) out.push({ kind: 'reported', ...body, speaker: sp });
    } else if (COMMAS.has(seg.boundary) && before.length === 0 && tailToSentenceEnd(p, sp.end, 0, lang) >= 0) {
      const clause = clauseBefore(p, seg.from - 1);
      if (clause) out.push({ kind: 'reported', ...clause, speaker: sp });
    }
  }
  return out;
}

/** "Peskov'a göre, …", "Scholz zufolge …", "ペスコフ報道官によると、…", "페스코프 대변인에 따르면 …". */
export function accordingToAfter(ctx: ParseContext): Candidate[] {
  const { p, lang } = ctx;
  if (!lang.postOpeners) return [];
  const out: Candidate[] = [];
  for (const m of p.matchAll(lang.postOpeners)) {
    const found = speakerEndingAt(m.index, 0, ctx);
    if (!found || !(startsSentence(found.seg, p) || COMMAS.has(found.seg.boundary))) continue;
    const body = clauseToSentenceEnd(p, m.index + m[0].length);
    if (body) out.push({ kind: 'reported', ...body, speaker: found.speaker });
  }
  return out;
}
