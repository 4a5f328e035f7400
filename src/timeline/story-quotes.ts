// Who said what in a story: every quote of its articles, with the article that reports it.
import type { Quote, StoredArticle, StoryView } from '../domain/index.js';
import { isOriginal } from './story-view.js';

export interface StoryQuote extends Pick<Quote, 'speaker' | 'speakerText' | 'text' | 'kind'> {
  article: string;
  source: string | null;
  language: string;
  published: string | null;
}

/** Quotes of the original articles (a copy repeats its original's) in the story's article order
 * (oldest first), then in the order of each text. */
export function storyQuotes(view: StoryView, articles: StoredArticle[]): StoryQuote[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return view.articles.filter(isOriginal).flatMap((listing) =>
    (byId.get(listing.id)?.quotes ?? []).map(({ speaker, speakerText, text, kind }) => ({
      speaker,
      speakerText,
      text,
      kind,
      article: listing.id,
      source: listing.source,
      language: listing.language,
      published: listing.published,
    })),
  );
}
