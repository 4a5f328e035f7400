// Index keys for candidate retrieval: canonical entities (language-independent) and an article's
// most distinctive terms (within its language). Stored for every original; a new article looks up
// its own keys, so the candidates it is compared with come from an index, never from every article.
import type { ArticleFeatures } from '../domain/index.js';
import type { CorpusStats } from '../store/story-store.js';

/** Terms an article is indexed under, and the (more) terms it searches by. */
const INDEXED_TERMS = 12;
const QUERY_TERMS = 30;

/** The article's features: its distinct terms come counted already. */
export type KeyInput = Pick<ArticleFeatures, 'entities' | 'terms' | 'termCounts' | 'language'>;

export function entityKey(name: string): string {
  return `e:${name}`;
}

/** How many articles an index key (`e:NAME` entity, `t:LANG:TERM` term) is in. */
export function keyFrequency(stats: CorpusStats, key: string): number {
  const name = key.slice(2);
  return (key.startsWith('e:') ? stats.entityFrequency.get(name) : stats.termFrequency.get(name.slice(name.indexOf(':') + 1))) ?? 0;
}

/**
 * Keys stored with an article for later articles to find it by (`index`), and the (more) keys it
 * searches by (`query`): one ranking of its terms, the indexed ones the top of the searched ones.
 */
export function articleKeys(article: KeyInput, stats: CorpusStats): { index: string[]; query: string[] } {
  const entities = article.entities.map((e) => entityKey(e.name));
  const terms = distinctiveTerms(article, stats, Math.max(INDEXED_TERMS, QUERY_TERMS));
  return { index: [...entities, ...terms.slice(0, INDEXED_TERMS)], query: [...entities, ...terms.slice(0, QUERY_TERMS)] };
}

/** The article's terms of highest TF-IDF, keyed within its language. */
function distinctiveTerms(article: KeyInput, stats: CorpusStats, count: number): string[] {
  const n = stats.articleCount + 1;
  return article.terms
    .map((t, i) => [t, (1 + Math.log(article.termCounts[i]!)) * Math.log((n + 1) / ((stats.termFrequency.get(t) ?? 0) + 1))] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([t]) => `t:${article.language}:${t}`);
}
