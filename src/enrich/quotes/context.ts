// Shapes passed between the quote finders: what they read about a paragraph, and what they propose.
import type { EntityMention } from '../../domain/index.js';
import type { Lang } from './rules.js';
import type { SpeakerIndex } from './speaker-index.js';

/** A whole-word speech verb or opener, with its folded key. */
export interface Hit {
  start: number;
  end: number;
  key: string;
}

export interface ParseContext {
  p: string;
  lang: Lang;
  index: SpeakerIndex;
  /** Every speech verb of the paragraph, in order: one scan serves all look-ups. */
  verbs: Hit[];
}

export interface Speaker {
  text: string;
  start: number;
  end: number;
  entity: EntityMention | null;
  pronoun: boolean;
  /** An unknown but capitalised name: still a speaker. */
  named: boolean;
}

export interface Candidate {
  kind: 'direct' | 'reported';
  start: number;
  end: number;
  speaker: Speaker;
  /** Takes the previous quote's attribution ('“A,” Peskov said. “B.”'), so it stands or falls with that quote. */
  continued?: boolean;
}
