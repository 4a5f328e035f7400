// The story list behind GET /api/stories: filter by words, language and dates, newest activity
// first (as `storyline stories`), cut into pages by an opaque cursor (the last story's sort key).
// A page is one query of the stored summaries (store.findStorySummaries) plus the page's dates counted
// by day for its coverage sparklines: its cost grows with neither the number of stories nor their size.
import { listedSummary } from '../pipeline/index.js';
import type { StoryStore } from '../store/index.js';
import { coverageOfDays } from '../timeline/index.js';
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

export async function listStories(store: StoryStore, request: StoryListRequest) {
  const words = request.q ? request.q.split(/\s+/).filter(Boolean) : [];
  const after = request.cursor ? decodeCursor(request.cursor) : null;
  // One row more than the page tells whether a next page exists.
  const rows = await store.findStorySummaries({
    ...(words.length ? { words } : {}),
    ...(request.lang ? { language: request.lang } : {}),
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
    ...(after ? { after } : {}),
    limit: request.limit + 1,
  });
  const page = rows.slice(0, request.limit);
  const days = await store.storyPublicationDays(page.map((s) => s.id));
  // One after another: a store in a batch reads through one connection.
  const stories = [];
  for (const s of page) stories.push({ ...(await listedSummary(store, s)), coverage: coverageOfDays(days.get(s.id) ?? []) });
  const last = stories.at(-1);
  return { stories, nextCursor: rows.length > request.limit && last ? encodeCursor(keyOf(last)) : null };
}

function keyOf(s: { lastDate: string | null; id: string }): SortKey {
  return { lastDate: s.lastDate ?? '', id: s.id };
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
