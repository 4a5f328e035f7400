// Language identification over a text sample, using eld's n-gram model (60 languages, offline),
// with close languages it confuses or lacks told apart by distinctive words (data/lang).
import { eld } from './eld-model.js';
import { z } from 'zod';
import { loadDataFile } from '../lib/data-files.js';

const CloseLanguagesSchema = z.object({
  version: z.number(),
  groups: z.array(z.object({ detected: z.string(), default: z.string(), indicators: z.record(z.array(z.string())) })),
  confusable: z.array(z.array(z.string())).default([]),
});

export interface LanguageGuess {
  /** ISO 639-1 code, or "und" when the text gives no usable signal. */
  language: string;
  confidence: number;
}

/** Enough text for a stable guess; longer inputs only cost time. */
const SAMPLE_CHARS = 600;
const MIN_LETTERS = 3;

export function detectLanguage(text: string): LanguageGuess {
  const { language, confidence } = detectWithScores(text);
  return { language, confidence };
}

interface DetailedGuess extends LanguageGuess {
  /** Letters in the sample, counted up to MIN_CLEAR_LETTERS. */
  letters: number;
  reliable: boolean;
  /** The model's score per language (its own codes). */
  scores: Record<string, number>;
}

function detectWithScores(text: string): DetailedGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = countLetters(sample, MIN_CLEAR_LETTERS);
  const none = { language: 'und', confidence: 0, letters, reliable: false, scores: {} };
  if (letters < MIN_LETTERS) return none;
  const result = eld.detect(sample);
  if (!result.language) return none;
  const scores = result.getScores() as Record<string, number>;
  const confidence = Math.round((scores[result.language] ?? 0) * 1000) / 1000;
  const reliable = result.isReliable();
  if (letters < 20 && !reliable) return { ...none, confidence };
  return { language: closeLanguage(result.language, sample), confidence, letters, reliable, scores };
}

/**
 * Text this long (in letters: about a sentence) is clear evidence of its language when the model calls
 * its answer reliable and scores it this far above the declared language. eld's scores run 0 to 1; on
 * the hand-labelled language-ID fixtures (test/fixtures/analysis) a correctly identified non-English
 * text scores at least 0.23 above English, headlines included, while the model's only wrong answers
 * there are within a close-language group, which never overrules.
 */
const MIN_CLEAR_LETTERS = 60;
const MIN_CLEAR_MARGIN = 0.2;

/**
 * The language of a text whose page or input declares one (html lang, og:locale, Content-Language,
 * a JSONL "language"): the declaration is a hint. The text decides when it is clear evidence against
 * it (long enough, the model confident, well ahead of the declared language, and not a close language
 * the model confuses with it: data/lang/close-languages.json); otherwise, for short or ambiguous
 * texts, the declaration stands, with full confidence as before.
 */
export function resolveLanguage(declared: string | null | undefined, text: string): LanguageGuess {
  const stated = declared?.toLowerCase().split(/[-_]/)[0] || null;
  if (!stated) return detectLanguage(text);
  const guess = detectWithScores(text);
  const kept = { language: stated, confidence: 1 };
  if (guess.language === 'und' || guess.language === stated || areClose(stated, guess.language)) return kept;
  const margin = (guess.scores[guess.language] ?? guess.confidence) - (guess.scores[stated] ?? 0);
  const clear = guess.letters >= MIN_CLEAR_LETTERS && guess.reliable && margin >= MIN_CLEAR_MARGIN;
  return clear ? { language: guess.language, confidence: guess.confidence } : kept;
}

/** Are two languages ones the model confuses (a close-language group, or a confusable set)? */
function areClose(a: string, b: string): boolean {
  const data = loadDataFile('lang/close-languages.json', CloseLanguagesSchema);
  const inGroup = data.groups.some((g) => {
    const members = new Set([g.detected, g.default, ...Object.keys(g.indicators)]);
    return members.has(a) && members.has(b);
  });
  return inGroup || data.confusable.some((set) => set.includes(a) && set.includes(b));
}

/** Letters in the sample, up to `cap`. */
function countLetters(s: string, cap: number): number {
  let n = 0;
  for (const m of s.matchAll(/\p{L}+/gu)) {
    n += m[0].length;
    if (n >= cap) return n;
  }
  return n;
}

/** Where the model's answer stands for a group of close languages, the words decide among them. */
function closeLanguage(detected: string, sample: string): string {
  const group = loadDataFile('lang/close-languages.json', CloseLanguagesSchema).groups.find((g) => g.detected === detected);
  if (!group) return detected;
  const words = ` ${sample.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  let best = group.default;
  let bestHits = 0;
  for (const [language, indicators] of Object.entries(group.indicators)) {
    const hits = indicators.filter((w) => words.includes(` ${w} `)).length;
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return best;
}
