// Bounds shared by the quote scans: every walk is capped, so a paragraph without punctuation stays linear.

/** Longest speaker phrase we look at, in characters and tokens ("Russian Foreign Minister Sergei Lavrov"). */
export const MAX_SPEAKER_CHARS = 120;
export const MAX_SPEAKER_TOKENS = 9;
export const MAX_NAME_TOKENS = 5;
/** Unspaced scripts: longest stretch before a speech verb that can still be "title + name". */
export const MAX_UNSPACED_SPEAKER = 24;
/** Words allowed between "Ushakov said" and the end of the sentence ("told reporters on Monday"). */
export const MAX_TAIL_WORDS = 4;
/** Words allowed between the verb and its connector ("said on Monday that"). */
export const MAX_WORDS_BEFORE_CONNECTOR = 4;
/** Bounds on sentence walks, so a paragraph without punctuation cannot make the scan quadratic. */
export const MAX_SENTENCE_CHARS = 800;
export const MIN_QUOTE_WORDS = 3;
/** A glued surname ("Narishkinhead") is only split off a known surname this long. */
export const MIN_GLUED_SURNAME = 5;
/** A two-word quote («Визит готовится») counts only when it opens the sentence or follows a colon; mid-sentence it is a scare quote. */
export const MIN_OPENING_QUOTE_WORDS = 2;
