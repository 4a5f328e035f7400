// Language identification over a text sample, using eld's n-gram model (60 languages, offline).
import { eld } from 'eld/medium';

export interface LanguageGuess {
  /** ISO 639-1 code, or "und" when the text gives no usable signal. */
  language: string;
  confidence: number;
}

/** Enough text for a stable guess; longer inputs only cost time. */
const SAMPLE_CHARS = 3000;
const MIN_LETTERS = 3;

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return { language: 'und', confidence: 0 };
  const result = eld.detect(sample);
  if (!result.language) return { language: 'und', confidence: 0 };
  const scores = result.getScores() as Record<string, number>;
  const confidence = Math.round((scores[result.language] ?? 0) * 1000) / 1000;
  if (!result.isReliable() && letters < 20) return { language: 'und', confidence };
  return { language: result.language, confidence };
}
