// Heuristics live in versioned JSON files under data/; each is validated by a schema on load.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { z } from 'zod';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

const cache = new Map<string, unknown>();

/** Loads `data/<relPath>` once and validates it; a broken data file is a fatal, named error. */
export function loadDataFile<T extends z.ZodTypeAny>(relPath: string, schema: T): z.infer<T> {
  if (cache.has(relPath)) return cache.get(relPath) as z.infer<T>;
  const full = join(DATA_DIR, relPath);
  const parsed = schema.safeParse(JSON.parse(readFileSync(full, 'utf8')));
  if (!parsed.success) {
    throw new Error(`data file ${full} is invalid: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join('.')}`);
  }
  cache.set(relPath, parsed.data);
  return parsed.data;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Lower-cases and strips Latin/Greek/Cyrillic diacritics, for accent-insensitive matching.
 * Only the generic combining block is stripped: vowel signs of other scripts (Devanagari) are letters.
 */
export function foldText(s: string): string {
  // The nukta of Indic scripts (फ़ / फ) is a spelling variant often left out, like an accent.
  return s.normalize('NFD').replace(/[\u0300-\u036f\u093c\u09bc\u0a3c\u0abc\u0b3c]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** foldText for one word, remembered: analysis folds the same words article after article. */
const foldedWords = new Map<string, string>();
const ASCII_WORD = /^[A-Za-z0-9]*$/;
const FOLDED_WORDS_LIMIT = 200_000;

export function foldWord(word: string): string {
  // Plain ASCII folds to lower case; no need to remember it.
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size >= FOLDED_WORDS_LIMIT) foldedWords.clear();
    folded = foldText(word);
    foldedWords.set(word, folded);
  }
  return folded;
}
