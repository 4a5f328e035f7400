// Which newly stored articles an alert follows. A query alert matches as a topic timeline selects
// (every word in the title, the text or an entity's name or alias, as a word or the start of one, case
// and accents ignored); an entity alert by the entity's canonical names or, before the store knows
// the entity, by the name itself among an article's entity names and aliases; a story alert by the
// story's current id (a merge moves the alert along with the story).
import type { StoredArticle } from '../domain/index.js';
import { foldText } from '../lib/data-files.js';
import { hasUnspacedScript } from '../lang/scripts.js';
import type { AlertMatch, AlertTarget } from '../store/index.js';

/** An alert with its target resolved against the store at the time of matching. */
export interface ResolvedAlert {
  id: string;
  target: AlertTarget;
  /** Entity alerts: the canonical names the store knows the name by (may be empty). */
  entityNames?: string[];
  /** Story alerts: the story's current id (null when the story is gone). */
  currentStoryId?: string | null;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The alerts' matches among the articles, each (alert, article) once. */
export function matchAlerts(alerts: ResolvedAlert[], articles: StoredArticle[], matchedAt: string): AlertMatch[] {
  const matches: AlertMatch[] = [];
  for (const article of articles) {
    if (!article.storyId) continue;
    const searchable = lazySearchable(article);
    for (const alert of alerts) {
      if (alertMatches(alert, article, searchable)) matches.push({ alertId: alert.id, articleId: article.id, storyId: article.storyId, matchedAt });
    }
  }
  return matches;
}

/** The query's words as the matcher compares them; empty when none has a letter or digit. */
export function queryWords(query: string): string[] {
  return (foldText(query).match(WORD) ?? []).filter(Boolean);
}

interface Searchable {
  words(): Set<string>;
  text(): string;
  names(): Set<string>;
}

function alertMatches(alert: ResolvedAlert, article: StoredArticle, searchable: Searchable): boolean {
  const target = alert.target;
  if (target.kind === 'story') return alert.currentStoryId != null && article.storyId === alert.currentStoryId;
  if (target.kind === 'entity') {
    const canonical = new Set(alert.entityNames ?? []);
    if (article.entities.some((e) => canonical.has(e.name))) return true;
    return searchable.names().has(foldText(target.entity.trim()));
  }
  const words = queryWords(target.query);
  return words.length > 0 && words.every((w) => hasWord(searchable, w));
}

/** A word, or the start of one; in scripts written without spaces, anywhere in the text. */
function hasWord(searchable: Searchable, word: string): boolean {
  if (hasUnspacedScript(word)) return searchable.text().includes(word);
  for (const w of searchable.words()) if (w.startsWith(word)) return true;
  return false;
}

/** The article's folded text, words and names, computed once and only when an alert asks. */
function lazySearchable(article: StoredArticle): Searchable {
  let text: string | undefined;
  let words: Set<string> | undefined;
  let names: Set<string> | undefined;
  const all = () => (text ??= foldText([article.title, article.text, ...article.entities.flatMap((e) => [e.name, ...e.aliases])].join('\n')));
  return {
    text: all,
    words: () => (words ??= new Set(all().match(WORD) ?? [])),
    names: () => (names ??= new Set(article.entities.flatMap((e) => [e.name, ...e.aliases]).map((n) => foldText(n)))),
  };
}
