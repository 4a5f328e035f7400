// Language identification over a text sample, using eld's n-gram model (60 languages, offline),
// with close languages it confuses or lacks told apart by distinctive words (data/lang).
import { eld } from './eld-model.js';
import { z } from 'zod';
import { loadDataFile } from '../lib/data-files.js';

const CloseLanguagesSchema = z.object({
  version: z.number(),
  groups: z.array(z.object({ detected: z.string(), default: z.string(), indicators: z.record(z.array(z.string())) })),
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
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = countLetters(sample);
  if (letters < MIN_LETTERS) return { language: 'und', confidence: 0 };
  const result = eld.detect(sample);
  if (!result.language) return { language: 'und', confidence: 0 };
  const scores = result.getScores() as Record<string, number>;
  const confidence = Math.round((scores[result.language] ?? 0) * 1000) / 1000;
  if (letters < 20 && !result.isReliable()) return { language: 'und', confidence };
  return { language: closeLanguage(result.language, sample), confidence };
}

/** Letters in the sample, up to the count that matters (20). */
function countLetters(s: string): number {
  let n = 0;
  for (const m of s.matchAll(/\p{L}+/gu)) {
    n += m[0].length;
    if (n >= 20) return n;
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
