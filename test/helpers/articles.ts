// A complete StoredArticle for unit tests: every field set, any of them overridden.
import { articleFeatures, documentTerms } from '../../src/cluster/index.js';
import type { DateMention, StoredArticle } from '../../src/domain/index.js';
import type { ArticleIndex } from '../../src/store/index.js';

export function storedArticle(id: string, overrides: Partial<StoredArticle> = {}): StoredArticle {
  return {
    id,
    contentHash: `hash-${id}`,
    origin: `${id}.txt`,
    path: `${id}.txt`,
    title: `Title ${id}`,
    text: 'Some text of the article.',
    source: 'Outlet',
    agency: null,
    published: { start: '2024-06-18', precision: 'day' },
    publishedSource: 'text',
    declaredLanguage: null,
    chromeLanguage: null,
    authors: [],
    canonicalUrl: null,
    imageUrl: null,
    modified: null,
    language: 'en',
    languageConfidence: 0.9,
    entities: [{ name: 'Vladimir Putin', type: 'person', aliases: ['Putin'], mentions: 2 }],
    dates: [],
    unresolvedDates: [],
    quotes: [],
    terms: ['visit', 'north', 'korea'],
    titleTerms: ['#titl', '#itle'],
    textHash: `text-${id}`,
    storyId: 's1',
    eventId: 'e1',
    duplicateOf: null,
    placement: null,
    ingestedAt: '2024-06-20T00:00:00.000Z',
    ...overrides,
  };
}

/** Index rows for a stored test article: no keys, an empty signature, the article's features (a default one's without it). */
export function testIndex(sourceKey = 'test', article: StoredArticle = storedArticle('features')): ArticleIndex {
  const features = articleFeatures(article);
  return { sourceKey, keys: [], minhash: new Uint32Array(128), lshBuckets: [], features, documentTerms: documentTerms(features) };
}

/** A resolved date mention of a past development, at day precision unless overridden. */
export function dateMention(start: string, sentence: string, extra: Partial<DateMention> = {}): DateMention {
  return { start, precision: 'day', text: start, sentence, offset: 0, reference: false, kind: extra.reference ? 'reference' : 'event', tense: 'past', ...extra };
}
