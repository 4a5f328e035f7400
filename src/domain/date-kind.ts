// Which date mentions are developments of a story.
import type { DateMentionKind } from './types.js';

/** A development of the timeline: an event, not a reference, forecast or anniversary (older analyses have no kind). */
export function isEventMention(d: { reference: boolean; kind?: DateMentionKind }): boolean {
  return !d.reference && (d.kind === undefined || d.kind === 'event');
}