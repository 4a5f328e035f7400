// The story list behind GET /api/stories: filter by words, language, dates, outlet, entity and size,
// in one of four orders (newest activity, most originals, most outlets, fastest growing), cut into
// pages by an opaque cursor.
//
// newest, size and outlets: a page is one query of the stored summaries (store.findStorySummaries, a
// range of the order's index walked from the cursor's sort key) plus the page's dates counted by day
// for its coverage and recent counts: its cost grows with neither the number of stories nor their size.
//
// growth: ranked here, not in the store. The reference day is the newest publication day stored
// (archives are often old: "now" is the store's newest day); the candidates are the stories whose last
// date falls in the 7 days ending there (a range of the newest order's index), each ranked by its
// originals of those 7 days over max(1, its originals before them). A page of it costs the recent
// stories and their dates by day, not the corpus; the stories outside the window follow in newest
// order, read a page at a time like the newest order.
import { listedSummary } from '../pipeline/index.js';
import { sortKey, type StoryListQuery, type StoryListSort, type StoryStore, type StorySummaryRow } from '../store/index.js';
import type { DayCount } from '../domain/index.js';
import { addDays, daysBetween, fromIso, toIso } from '../time/index.js';
import { coverageOfDays, COVERAGE_BUCKETS } from '../timeline/index.js';
import { badRequest } from './errors.js';

export type StoryListOrder = StoryListSort | 'growth';

export interface StoryListRequest {
  q?: string;
  lang?: string;
  from?: string;
  to?: string;
  sort?: StoryListOrder;
  outlet?: string;
  entity?: string;
  min?: number;
  limit: number;
  cursor?: string;
}

/** The growth window: the reference day and the 6 before it. */
const GROWTH_DAYS = 7;
/** Candidates of the growth ranking read per query. */
const CANDIDATE_PAGE = 500;

/** Where a page starts: after a story in a keyset order, or at a place in the growth ranking. */
type Cursor =
  | { sort: StoryListSort; after: { key: Array<string | number>; id: string } }
  | { sort: 'growth'; referenceDay: string; offset: number }
  | { sort: 'growth'; referenceDay: string; after: { key: Array<string | number>; id: string } };

export async function listStories(store: StoryStore, request: StoryListRequest) {
  const sort = request.sort ?? 'newest';
  const cursor = request.cursor ? decodeCursor(request.cursor, sort) : null;
  const words = request.q ? request.q.split(/\s+/).filter(Boolean) : [];
  const entities = request.entity?.trim() ? await store.findEntityNames(request.entity.trim()) : undefined;
  const referenceDay = cursor && 'referenceDay' in cursor ? cursor.referenceDay || null : await store.newestPublicationDate();
  const empty = { stories: [], nextCursor: null, referenceDay, coverageWindow: null };
  // An entity nobody names: no story can name it.
  if (entities && entities.length === 0) return empty;
  const filters: Omit<StoryListQuery, 'limit'> = {
    ...(words.length ? { words } : {}),
    ...(request.lang ? { language: request.lang } : {}),
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
    ...(request.outlet?.trim() ? { outlet: request.outlet.trim() } : {}),
    ...(entities ? { entities } : {}),
    ...(request.min !== undefined ? { minArticles: request.min } : {}),
  };
  let page: StorySummaryRow[];
  let nextCursor: Cursor | null;
  if (sort === 'growth') {
    ({ page, nextCursor } = await growthPage(store, filters, request.limit, referenceDay, cursor as Extract<Cursor, { sort: 'growth' }> | null));
  } else {
    // One row more than the page tells whether a next page exists.
    const after = cursor && 'after' in cursor ? cursor.after : null;
    const rows = await store.findStorySummaries({ ...filters, sort, ...(after ? { after } : {}), limit: request.limit + 1 });
    page = rows.slice(0, request.limit);
    const last = page.at(-1);
    nextCursor = rows.length > request.limit && last ? { sort, after: sortKey(sort, last) } : null;
  }
  return { ...(await listed(store, page, referenceDay)), nextCursor: nextCursor ? encodeCursor(nextCursor) : null, referenceDay };
}

/** The page's stories as listed, with their recent counts and coverage on their own and on the page's shared scale. */
async function listed(store: StoryStore, page: StorySummaryRow[], referenceDay: string | null) {
  const days = await store.storyPublicationDays(page.map((s) => s.id));
  const window = coverageWindow(page);
  // One after another: a store in a batch reads through one connection.
  const stories = [];
  for (const s of page) {
    const own = days.get(s.id) ?? [];
    stories.push({
      ...(await listedSummary(store, s)),
      outletCount: s.outletCount,
      coverage: coverageOfDays(own),
      pageCoverage: window ? coverageInWindow(own, window) : new Array<number>(COVERAGE_BUCKETS).fill(0),
      recent: recentCounts(own, referenceDay),
    });
  }
  return { stories, coverageWindow: window };
}

/** The span of the page's dates, first to last: the x scale every story's pageCoverage shares. */
function coverageWindow(page: StorySummaryRow[]): { from: string; to: string } | null {
  const firsts = page.flatMap((s) => (s.firstDate ? [s.firstDate] : [])).sort();
  const lasts = page.flatMap((s) => (s.lastDate ? [s.lastDate] : [])).sort();
  return firsts.length && lasts.length ? { from: firsts[0]!, to: lasts.at(-1)! } : null;
}

/** Originals per equal slice of the window (a month or year date counts at its first day, as coverageOfDays counts it). */
function coverageInWindow(days: DayCount[], window: { from: string; to: string }, buckets = COVERAGE_BUCKETS): number[] {
  const counts = new Array<number>(buckets).fill(0);
  const first = fromIso(window.from);
  const span = daysBetween(first, fromIso(window.to));
  for (const d of days) {
    const offset = daysBetween(first, fromIso(d.date));
    const at = span === 0 ? buckets - 1 : Math.floor((offset / span) * buckets);
    counts[Math.max(0, Math.min(buckets - 1, at))]! += d.count;
  }
  return counts;
}

/** The first day of the growth window ending at the reference day. */
function windowStart(referenceDay: string): string {
  return toIso(addDays(fromIso(referenceDay), -(GROWTH_DAYS - 1)));
}

/** Originals published on the reference day, and in the 7 days ending there (dated to the day). */
function recentCounts(days: DayCount[], referenceDay: string | null): { last24h: number; last7d: number } {
  if (!referenceDay) return { last24h: 0, last7d: 0 };
  const start = windowStart(referenceDay);
  let last24h = 0;
  let last7d = 0;
  for (const d of days) {
    if (d.date.length !== 10 || d.date > referenceDay || d.date < start) continue;
    last7d += d.count;
    if (d.date === referenceDay) last24h += d.count;
  }
  return { last24h, last7d };
}

/**
 * A page of the growth order. The ranking is recomputed at every page (its stories are the recent
 * ones, and a new article changes it), so a cursor inside it is an offset into it, with the reference
 * day it was ranked at; past it, a keyset cursor of the newest order.
 */
async function growthPage(
  store: StoryStore,
  filters: Omit<StoryListQuery, 'limit'>,
  limit: number,
  referenceDay: string | null,
  cursor: Extract<Cursor, { sort: 'growth' }> | null,
): Promise<{ page: StorySummaryRow[]; nextCursor: Cursor | null }> {
  if (!referenceDay) {
    // No dated original: every story is outside any window, in newest order.
    const after = cursor && 'after' in cursor ? cursor.after : null;
    const rows = await store.findStorySummaries({ ...filters, ...(after ? { after } : {}), limit: limit + 1 });
    const page = rows.slice(0, limit);
    return { page, nextCursor: rows.length > limit ? { sort: 'growth', referenceDay: '', after: sortKey('newest', page.at(-1)!) } : null };
  }
  const start = windowStart(referenceDay);
  let ranked: StorySummaryRow[] = [];
  let offset = 0;
  if (!cursor || 'offset' in cursor) {
    offset = cursor?.offset ?? 0;
    ranked = await growthRanking(store, filters, referenceDay, start);
  }
  const fromRanking = ranked.slice(offset, offset + limit);
  const rankingLeft = offset + limit < ranked.length;
  const need = limit - fromRanking.length;
  // The stories outside the window, newest first: one more than needed tells whether more follow.
  const tailAfter = cursor && 'after' in cursor ? cursor.after : null;
  const tail = rankingLeft ? [] : await store.findStorySummaries({ ...filters, lastDate: { before: start }, ...(tailAfter ? { after: tailAfter } : {}), limit: need + 1 });
  const page = [...fromRanking, ...tail.slice(0, need)];
  let nextCursor: Cursor | null = null;
  if (rankingLeft) nextCursor = { sort: 'growth', referenceDay, offset: offset + limit };
  else if (tail.length > need) nextCursor = need === 0 ? { sort: 'growth', referenceDay, offset: ranked.length } : { sort: 'growth', referenceDay, after: sortKey('newest', page.at(-1)!) };
  return { page, nextCursor };
}

/** The stories whose last date is in the window, fastest growing first (then most recent originals, then id). */
async function growthRanking(store: StoryStore, filters: Omit<StoryListQuery, 'limit'>, referenceDay: string, start: string): Promise<StorySummaryRow[]> {
  const candidates: StorySummaryRow[] = [];
  let after: StoryListQuery['after'];
  for (;;) {
    const rows = await store.findStorySummaries({ ...filters, lastDate: { from: start }, ...(after ? { after } : {}), limit: CANDIDATE_PAGE });
    candidates.push(...rows);
    if (rows.length < CANDIDATE_PAGE) break;
    after = sortKey('newest', rows.at(-1)!);
  }
  const days = await store.storyPublicationDays(candidates.map((s) => s.id));
  const scored = candidates.map((s) => {
    const own = days.get(s.id) ?? [];
    const recent = recentCounts(own, referenceDay).last7d;
    const before = own.filter((d) => d.date < start).reduce((n, d) => n + d.count, 0);
    return { s, recent, growth: recent / Math.max(1, before) };
  });
  scored.sort((a, b) => b.growth - a.growth || b.recent - a.recent || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0));
  return scored.map((x) => x.s);
}

function encodeCursor(cursor: Cursor): string {
  const parts =
    'offset' in cursor ? [cursor.sort, cursor.referenceDay, cursor.offset] : 'referenceDay' in cursor ? [cursor.sort, cursor.referenceDay, cursor.after.key, cursor.after.id] : [cursor.sort, cursor.after.key, cursor.after.id];
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Sort values a keyset cursor of each order carries (growth's past the ranking: newest's). */
const KEY_TYPES: Record<StoryListSort, Array<'string' | 'number'>> = { newest: ['string'], size: ['number', 'string'], outlets: ['number', 'string'] };

function decodeCursor(text: string, sort: StoryListOrder): Cursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('cursor: not a cursor returned by this API');
  }
  if (!Array.isArray(parts) || typeof parts[0] !== 'string') throw badRequest('cursor: not a cursor returned by this API');
  if (parts[0] !== sort) throw badRequest(`cursor: a cursor of the ${String(parts[0])} order, not of ${sort}`);
  const keyed = (key: unknown, id: unknown, types: Array<'string' | 'number'>) =>
    Array.isArray(key) && key.length === types.length && key.every((v, i) => typeof v === types[i] && (typeof v !== 'number' || Number.isInteger(v))) && typeof id === 'string'
      ? { key: key as Array<string | number>, id }
      : null;
  if (sort === 'growth') {
    const [, referenceDay, a, b] = parts;
    if (typeof referenceDay === 'string' && (referenceDay === '' || /^\d{4}-\d{2}-\d{2}$/.test(referenceDay))) {
      if (parts.length === 3 && typeof a === 'number' && Number.isInteger(a) && a >= 0) return { sort, referenceDay, offset: a };
      const after = parts.length === 4 ? keyed(a, b, KEY_TYPES.newest) : null;
      if (after) return { sort, referenceDay, after };
    }
  } else if (parts.length === 3) {
    const after = keyed(parts[1], parts[2], KEY_TYPES[sort]);
    if (after) return { sort, after };
  }
  throw badRequest('cursor: not a cursor returned by this API');
}
