// Sentence and word segmentation from the runtime's ICU data (works for scripts without spaces),
// with the abbreviations ICU would break after ("Mr.", "TS.", "г.") joined back (data/lang).
import { z } from 'zod';
import { loadDataFile } from '../lib/data-files.js';

export interface Sentence {
  text: string;
  /** Offset in the source text. */
  offset: number;
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const key = `${language}:${granularity}`;
  let s = sentenceSegmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(language === 'und' ? 'en' : language, { granularity });
    } catch {
      s = new Intl.Segmenter('en', { granularity });
    }
    sentenceSegmenters.set(key, s);
  }
  return s;
}

const AbbreviationsSchema = z.object({ version: z.number(), languages: z.record(z.array(z.string())), ordinalDotLanguages: z.array(z.string()) });
const abbreviationSets = new Map<string, Set<string>>();

function abbreviations(language: string): Set<string> {
  let set = abbreviationSets.get(language);
  if (!set) {
    set = new Set(loadDataFile('lang/abbreviations.json', AbbreviationsSchema).languages[language] ?? []);
    abbreviationSets.set(language, set);
  }
  return set;
}

/** Languages that write ordinals with a stop ("am 15. Januar"): a number and a stop end no sentence. */
function writesOrdinalDots(language: string): boolean {
  return loadDataFile('lang/abbreviations.json', AbbreviationsSchema).ordinalDotLanguages.includes(language);
}

const ORDINAL_END = /(?<!\d)\d{1,2}\.\s*$/;

/** The word before a segment's final stop: "Mr" in "… Mr. ", "U.S" in "the U.S. ". */
const LAST_WORD = /(?<![\p{L}\p{N}.-])([\p{L}\p{N}][\p{L}\p{N}.-]*)\.$/u;

/** Does this segment end with an abbreviation or an initial rather than a sentence? */
function endsWithAbbreviation(segment: string, known: Set<string>): boolean {
  const end = segment.trimEnd();
  if (!end.endsWith('.')) return false;
  // Only the last word matters: the pattern runs on the tail, not the whole sentence.
  const word = LAST_WORD.exec(end.slice(-24))?.[1];
  if (!word) return false;
  return [...word].length === 1 || known.has(word.toLowerCase());
}

/** Sentences of a text, never crossing a paragraph (line) break. */
export function splitSentences(text: string, language: string): Sentence[] {
  const out: Sentence[] = [];
  const known = abbreviations(language);
  const ordinals = writesOrdinalDots(language);
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim()) {
      let pending: { text: string; index: number } | null = null;
      for (const seg of segmenter(language, 'sentence').segment(paragraph)) {
        const joined: { text: string; index: number } = pending ? { text: pending.text + seg.segment, index: pending.index } : { text: seg.segment, index: seg.index };
        if (endsWithAbbreviation(joined.text, known) || (ordinals && ORDINAL_END.test(joined.text))) {
          pending = joined;
          continue;
        }
        pending = null;
        const trimmed = joined.text.trim();
        if (trimmed) out.push({ text: trimmed, offset: offset + joined.index + (joined.text.length - joined.text.trimStart().length) });
      }
      const rest = pending?.text.trim();
      if (pending && rest) out.push({ text: rest, offset: offset + pending.index + (pending.text.length - pending.text.trimStart().length) });
    }
    offset += paragraph.length + 1;
  }
  return out;
}

/** Word-like segments, lower-cased. */
export function splitWords(text: string, language: string): string[] {
  const out: string[] = [];
  for (const seg of segmenter(language, 'word').segment(text)) {
    if (seg.isWordLike) out.push(seg.segment.toLowerCase());
  }
  return out;
}
