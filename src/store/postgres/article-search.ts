// Full-text queries on PostgreSQL: the user's words as tsquery text for to_tsquery('simple', ...), over
// the folded document that article_search_document builds (title A, names B, body D). What an article
// is indexed by (searchRow, datedDays) is shared with the SQLite store.
import { foldText } from '../../lib/data-files.js';

export { ALIAS_ARTICLES, datedDays, searchRow } from '../sqlite/article-search.js';

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Every word as a prefix (`'word':*`), all required; null when no word has a letter or digit. Each is
 * quoted, so operators and quotes are text: to_tsquery splits a quoted word the parser sees as several
 * tokens ("jong-un") into a phrase of them.
 */
export function wordsTsquery(words: string[]): string | null {
  const quoted = words.filter((w) => HAS_WORD.test(w)).map((w) => `${quote(foldText(w))}:*`);
  return quoted.length ? quoted.join(' & ') : null;
}

/** The whole name as a phrase among the entity names (weight B); null when it has no letter or digit. */
export function nameTsquery(name: string): string | null {
  return HAS_WORD.test(name) ? `${quote(foldText(name))}:B` : null;
}

/** A tsquery quoted lexeme: a quote doubles, a backslash escapes. */
function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
