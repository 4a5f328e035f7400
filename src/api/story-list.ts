// The story list behind GET /api/stories: filter by words, language and dates, newest activity
// first (as `storyline stories`), cut into pages by an opaque cursor (the last story's sort key).
import type { StoredArticle, StoryView } from '../domain/index.js';
import { foldText } from '../lib/data-files.js';
import type { StoryStore } from '../store/index.js';
import { buildStoryView, storyCoverage, summarizeStory } from '../timeline/index.js';
import { badRequest } from './errors.js';

export interface StoryListRequest {
  q?: string;
  lang?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

interface SortKey {
  lastDate: string;
  id: string;
}

export function listStories(store: StoryStore, request: StoryListRequest) {
  const words = request.q ? foldText(request.q).split(/\s+/).filter(Boolean) : [];
  const after = request.cursor ? decodeCursor(request.cursor) : null;
  const matching = store
    .listStoryIds()
    .map((id) => {
      const articles = store.storyArticles(id);
      return { view: buildStoryView(id, articles), articles };
    })
    .filter(({ view, articles }) => matchesWords(view, articles, words))
    .map(({ view }) => ({ ...summarizeStory(view), coverage: storyCoverage(view) }))
    .filter((s) => !request.lang || s.languages.includes(request.lang))
    .filter((s) => overlapsPeriod(s.firstDate, s.lastDate, request.from, request.to))
    .sort((a, b) => compareKeys(keyOf(a), keyOf(b)))
    .filter((s) => !after || compareKeys(keyOf(s), after) > 0);
  const stories = matching.slice(0, request.limit);
  const last = stories.at(-1);
  return { stories, nextCursor: matching.length > request.limit && last ? encodeCursor(keyOf(last)) : null };
}

/** Every word occurs in the title, the summary, a headline or an entity's name or alias. */
function matchesWords(view: StoryView, articles: StoredArticle[], words: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = foldText(
    [view.title, view.summary, ...articles.map((a) => a.title), ...view.entities.flatMap((e) => [e.name, ...e.aliases])].join('\n'),
  );
  return words.every((w) => haystack.includes(w));
}

/** Dates compare as strings at their own precision: "2024-06" is in a period ending "2024-06-01". */
function overlapsPeriod(first: string | null, last: string | null, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!first || !last) return false;
  if (from && last < from && !from.startsWith(last)) return false;
  if (to && first > to && !first.startsWith(to)) return false;
  return true;
}

function keyOf(s: { lastDate: string | null; id: string }): SortKey {
  return { lastDate: s.lastDate ?? '', id: s.id };
}

/** Newest activity first, then by id. */
function compareKeys(a: SortKey, b: SortKey): number {
  return b.lastDate.localeCompare(a.lastDate) || a.id.localeCompare(b.id);
}

function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify([key.lastDate, key.id])).toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
  try {
    const [lastDate, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof lastDate === 'string' && typeof id === 'string') return { lastDate, id };
  } catch {
    // Falls through to the error below.
  }
  throw badRequest('cursor: not a cursor returned by this API');
}
