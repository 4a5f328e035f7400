// Exact-duplicate fingerprint: the same text modulo case, accents, whitespace and punctuation.
import { createHash } from 'node:crypto';
import { foldText } from '../lib/data-files.js';

export function contentHash(text: string): string {
  const normalised = foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex');
}
