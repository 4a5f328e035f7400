// The full-text side of selections: what an article is indexed by (folded like foldText, so đ and
// the nukta fold too) and how a user's words become an FTS5 query (each word quoted: no operators).
import type { DateMention, EntityMention } from '../../domain/index.js';
import { foldText } from '../../lib/data-files.js';

/** Articles read back when resolving an alias: enough to meet every entity it names in practice. */
export const ALIAS_ARTICLES = 200;

export interface SearchRow {
  title: string;
  body: string;
  names: string;
}

export function searchRow(article: { title: string; text: string; entities: EntityMention[] }): SearchRow {
  return {
    title: foldText(article.title),
    body: foldText(article.text),
    names: foldText(article.entities.flatMap((e) => [e.name, ...e.aliases]).join(' ')),
  };
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Every word, each as a prefix; null when no word has a letter or digit. */
export function wordsQuery(words: string[]): string | null {
  const quoted = words.filter((w) => HAS_WORD.test(w)).map((w) => `${quote(foldText(w))}*`);
  return quoted.length ? quoted.join(' ') : null;
}

/** The name as a phrase in the names column; null when it has no letter or digit. */
export function nameQuery(name: string): string | null {
  return HAS_WORD.test(name) ? `names : ${quote(foldText(name))}` : null;
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The days of the developments an article dates (points of reference left out). */
export function datedDays(dates: DateMention[]): Array<{ start: string; end: string }> {
  return dates.filter((d) => !d.reference).map((d) => ({ start: d.start, end: d.end ?? d.start }));
}
