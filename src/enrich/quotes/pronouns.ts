// Pronoun speakers ("he said") resolved to the previous quote's speaker or the nearest person named before them.
import type { EntityMention } from '../../domain/index.js';
import type { Candidate } from './context.js';
import type { SpeakerIndex } from './speaker-index.js';
import { isWordChar, type Range } from './text.js';

/** A candidate placed in the whole text; `paragraph` is the start offset of its paragraph. */
export interface Placed extends Candidate {
  paragraph: number;
}

/** "he said" → the previous quote's speaker, else the nearest person named earlier in the paragraph (outside this quote). */
export function resolvePronouns(cands: Placed[], text: string, index: SpeakerIndex, unspaced: boolean): Placed[] {
  const out: Placed[] = [];
  for (const c of cands) {
    if (c.continued) {
      const prev = out.at(-1);
      if (prev?.speaker.start === c.speaker.start) out.push({ ...c, speaker: prev.speaker });
      continue;
    }
    if (c.speaker.pronoun) {
      const prev = out.at(-1);
      const before = Math.min(c.start, c.speaker.start);
      const entity = prev ? prev.speaker.entity : nearestPerson(text, { start: c.paragraph, end: before }, index, unspaced);
      c.speaker = { ...c.speaker, entity };
    }
    if (c.speaker.entity || c.speaker.named) out.push(c);
  }
  return out;
}

function nearestPerson(text: string, within: Range, index: SpeakerIndex, unspaced: boolean): EntityMention | null {
  let best: EntityMention | null = null;
  let bestAt = -1;
  for (const form of index.persons) {
    for (const surface of new Set([form.surface, form.surface.split(/\s+/).at(-1)!])) {
      const at = lastWordIndex(text, surface, within, unspaced);
      if (at > bestAt) [best, bestAt] = [form.entity, at];
    }
  }
  return best;
}

/** Last whole-word occurrence of `word` inside `within` (any occurrence in unspaced scripts), or -1. */
function lastWordIndex(text: string, word: string, within: Range, unspaced: boolean): number {
  if (word.length === 0 || within.end - word.length < within.start) return -1;
  for (let at = text.lastIndexOf(word, within.end - word.length); at >= within.start; at = text.lastIndexOf(word, at - 1)) {
    if (unspaced || (!isWordChar(text[at - 1]) && !isWordChar(text[at + word.length]))) return at;
    if (at === 0) break;
  }
  return -1;
}
