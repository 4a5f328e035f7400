// Which sentences may tell a timeline point or open a story summary: heuristics over the vocabularies
// in data/timeline/point-text.json (dangling openers, caption and credit words, page furniture).
import { z } from 'zod';
import { foldText, loadDataFile } from '../lib/data-files.js';

const LanguageSchema = z.object({
  danglingOpeners: z.array(z.string()),
  creditWords: z.array(z.string()),
  boilerplatePhrases: z.array(z.string()),
});
const PointTextSchema = z.object({ $note: z.string(), languages: z.record(LanguageSchema) });

interface Vocabulary {
  openers: Set<string>;
  /** Multi-word openers ("sin embargo"), folded. */
  openerPhrases: string[];
  credits: string[];
  boilerplate: string[];
}

const vocabularies = new Map<string, Vocabulary>();

function vocabulary(language: string): Vocabulary {
  let v = vocabularies.get(language);
  if (!v) {
    const data = loadDataFile('timeline/point-text.json', PointTextSchema).languages;
    // A language without lists is judged by the shapes alone (links, furniture marks, length, punctuation).
    const entry = data[language] ?? { danglingOpeners: [], creditWords: [], boilerplatePhrases: [] };
    const openers = entry.danglingOpeners.map(foldText);
    v = {
      openers: new Set(openers.filter((o) => !o.includes(' '))),
      openerPhrases: openers.filter((o) => o.includes(' ')),
      credits: entry.creditWords.map(foldText),
      boilerplate: entry.boilerplatePhrases.map(foldText),
    };
    vocabularies.set(language, v);
  }
  return v;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const URL_LIKE = /(?:https?:\/\/|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|gov)\b|@\w|\b\w+=[\w-]{4,})/iu;
/** A live-blog clock stamp ("21.55 h:", "14:02 -") or a unit or symbol where a sentence would start (a widget's "°C"). */
const STAMP_OR_SYMBOL_START = /^(?:\d{1,2}[.:h]\d{2}\b|[^\p{L}\p{N}"'“«„‘¿¡(\[©])/u;
/** A sentence opening in lower case, where the script has case: a fragment cut from a longer one. */
const LOWER_CASE_START = /^["'“«„‘¿¡]?\p{Ll}/u;
/** Sentence punctuation that closes a told sentence (a caption or a label often has none; a teaser ends in an ellipsis). */
const CLOSED = /(?<![.…])[.!?。！？»"”')]\s*$/u;
const MIN_WORDS = 6;
const MAX_WORDS = 60;

export type SentenceFlaw = 'too-short' | 'too-long' | 'link' | 'caption-or-credit' | 'boilerplate' | 'dangling-opener' | 'question' | 'not-a-sentence';

/** Lower-cased, accent-folded words of a text. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** Why a sentence should not tell a point, or null when it may (heuristic: shapes and vocabularies). */
export function sentenceFlaw(sentence: string, language: string): SentenceFlaw | null {
  const words = foldedWords(sentence);
  if (words.length < MIN_WORDS) return 'too-short';
  if (words.length > MAX_WORDS) return 'too-long';
  if (URL_LIKE.test(sentence)) return 'link';
  // A byline or label glued to the text ("Name | 18:00 UK time ...") and bulleted furniture.
  if (/[|•►▶]/u.test(sentence)) return 'not-a-sentence';
  const trimmed = sentence.trim();
  if (STAMP_OR_SYMBOL_START.test(trimmed) || LOWER_CASE_START.test(trimmed)) return 'not-a-sentence';
  const v = vocabulary(language);
  const folded = ` ${words.join(' ')} `;
  const head = words.slice(0, 3).join(' ');
  if (/^[©(\[]/u.test(sentence.trim()) || v.credits.some((c) => head === c || head.startsWith(`${c} `))) return 'caption-or-credit';
  if (v.boilerplate.some((p) => folded.includes(` ${p} `))) return 'boilerplate';
  if (looksDangling(words, v)) return 'dangling-opener';
  if (/\?\s*["”»']?\s*$/u.test(sentence)) return 'question';
  if (!CLOSED.test(sentence)) return 'not-a-sentence';
  return null;
}

export function isProbablyGoodPointText(sentence: string, language: string): boolean {
  return sentenceFlaw(sentence, language) === null;
}

function looksDangling(words: string[], v: Vocabulary): boolean {
  if (v.openers.has(words[0]!)) return true;
  const start = words.slice(0, 3).join(' ');
  return v.openerPhrases.some((p) => start === p || start.startsWith(`${p} `));
}
