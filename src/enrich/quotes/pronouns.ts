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
  // Where persons are named is found once, when first needed: looking back from every pronoun is quadratic.
  let named: PersonOccurrences | null = null;
  for (const c of cands) {
    if (c.continued) {
      const prev = out.at(-1);
      if (prev?.speaker.start === c.speaker.start) out.push({ ...c, speaker: prev.speaker });
      continue;
    }
    if (c.speaker.pronoun) {
      const prev = out.at(-1);
      const before = Math.min(c.start, c.speaker.start);
      const entity = prev ? prev.speaker.entity : (named ??= new PersonOccurrences(text, index, unspaced)).nearest({ start: c.paragraph, end: before });
      c.speaker = { ...c.speaker, entity };
    }
    if (c.speaker.entity || c.speaker.named) out.push(c);
  }
  return out;
}

interface Occurrence {
  at: number;
  end: number;
  /** The form's place in the index (then its full name before its last word): the first wins a tie. */
  rank: number;
  entity: EntityMention;
}

interface Surface {
  text: string;
  rank: number;
  entity: EntityMention;
}

/**
 * Every whole-word occurrence in the text of each person's forms (the name as written, and its last
 * word), from one pass over the text, sorted by position: the nearest person before a pronoun is
 * then a binary search away.
 */
class PersonOccurrences {
  private readonly occurrences: Occurrence[] = [];

  constructor(text: string, index: SpeakerIndex, unspaced: boolean) {
    // Spaced scripts: a form starting with a word is looked up by the text's words; other forms at each character.
    const byFirstWord = new Map<string, Surface[]>();
    const byFirstChar = new Map<string, Surface[]>();
    let rank = 0;
    for (const form of index.persons) {
      for (const surface of new Set([form.surface, form.surface.split(/\s+/).at(-1)!])) {
        const entry = { text: surface, rank: rank++, entity: form.entity };
        if (surface.length === 0) continue;
        if (!unspaced && isWordChar(surface[0])) addTo(byFirstWord, surface.slice(0, wordEnd(surface, 0)), entry);
        else addTo(byFirstChar, surface[0]!, entry);
      }
    }
    const found = (at: number, entry: Surface) => {
      if (!text.startsWith(entry.text, at)) return;
      if (!unspaced && (isWordChar(text[at - 1]) || isWordChar(text[at + entry.text.length]))) return;
      this.occurrences.push({ at, end: at + entry.text.length, rank: entry.rank, entity: entry.entity });
    };
    if (byFirstWord.size > 0) {
      for (let at = 0; at < text.length; ) {
        if (!isWordChar(text[at])) {
          at++;
          continue;
        }
        const end = wordEnd(text, at);
        for (const entry of byFirstWord.get(text.slice(at, end)) ?? []) found(at, entry);
        at = end;
      }
    }
    if (byFirstChar.size > 0) {
      for (let at = 0; at < text.length; at++) for (const entry of byFirstChar.get(text[at]!) ?? []) found(at, entry);
    }
    this.occurrences.sort((a, b) => a.at - b.at || a.rank - b.rank);
  }

  /** The person named last inside `within` (the first form in the index when two start at the same place). */
  nearest(within: Range): EntityMention | null {
    const list = this.occurrences;
    // The first occurrence starting at or after the range's end; back from there, the first that ends inside
    // the range is the nearest (at most the longest form's length back), then others at the same place.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.at < within.end) lo = mid + 1;
      else hi = mid;
    }
    let best: Occurrence | null = null;
    for (let i = lo - 1; i >= 0; i--) {
      const o = list[i]!;
      if (o.at < within.start || (best && o.at < best.at)) break;
      if (o.end <= within.end) best = o;
    }
    return best?.entity ?? null;
  }
}

function addTo(map: Map<string, Surface[]>, key: string, entry: Surface): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** Where the run of word characters starting at `at` ends. */
function wordEnd(s: string, at: number): number {
  let end = at;
  while (end < s.length && isWordChar(s[end])) end++;
  return end;
}
