// Story summaries on PostgreSQL (migration 2), as the SQLite store keeps them (sqlite/story-summaries.ts):
// refreshed from the story's rows inside the write that changes them, read a page at a time in keyset
// order (newest activity, then story id). Text compares in the database's collation: C (as in the
// test server) orders like SQLite.
import type pg from 'pg';
import type { DayCount } from '../../domain/index.js';
import type { StoryListQuery, StorySummaryRow } from '../story-store.js';
import { wordsTsquery } from './article-search.js';

export type Db = pg.Pool | pg.PoolClient;

/** A publication date as the story view lists it: at its precision. */
const LISTED_DATE = `CASE WHEN a.published IS NULL THEN NULL WHEN a.published_precision = 'year' THEN substr(a.published, 1, 4)
  WHEN a.published_precision = 'month' THEN substr(a.published, 1, 7) ELSE substr(a.published, 1, 10) END`;
const ORIGINAL_DATE = `CASE WHEN a.duplicate_of IS NULL THEN ${LISTED_DATE} END`;

/** article_count .. activity over the story's articles `a` (count(a.id): a story without articles counts 0). */
const SUMMARY_AGGREGATES = `count(a.id) FILTER (WHERE a.duplicate_of IS NULL), count(a.id) FILTER (WHERE a.duplicate_of IS NOT NULL),
  count(DISTINCT CASE WHEN a.duplicate_of IS NULL THEN COALESCE(a.event_id, a.id) END),
  min(${ORIGINAL_DATE}), max(${ORIGINAL_DATE}), COALESCE(max(${ORIGINAL_DATE}), '')`;

const LANGUAGES = `(SELECT COALESCE(json_agg(l.language ORDER BY l.articles DESC, l.language), '[]') FROM story_languages l WHERE l.story_id = s.story_id)`;
const COLUMNS = `s.story_id AS id, s.title, s.article_count AS "articleCount", s.copy_count AS "copyCount", s.event_count AS "eventCount",
  ${LANGUAGES} AS languages, s.first_date AS "firstDate", s.last_date AS "lastDate"`;

/**
 * Recomputes the story's summary and languages in one statement; `title` as the timeline stage
 * decided it (null: undecided). Languages are upserted, never deleted: a surviving story's originals
 * only ever join it (a merged story goes, its rows with it by cascade).
 */
export async function refreshSummary(db: Db, storyId: string, title: string | undefined): Promise<void> {
  await db.query(
    `WITH s AS (
       INSERT INTO story_summaries (story_id, title, article_count, copy_count, event_count, first_date, last_date, activity)
       SELECT st.id, $2, ${SUMMARY_AGGREGATES} FROM stories st LEFT JOIN articles a ON a.story_id = st.id WHERE st.id = $1 GROUP BY st.id
       ON CONFLICT (story_id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count,
         copy_count = excluded.copy_count, event_count = excluded.event_count, first_date = excluded.first_date,
         last_date = excluded.last_date, activity = excluded.activity
       RETURNING story_id, activity)
     INSERT INTO story_languages (story_id, language, articles, activity)
     SELECT a.story_id, a.language, count(*), s.activity FROM articles a JOIN s ON s.story_id = a.story_id
     WHERE a.duplicate_of IS NULL GROUP BY a.story_id, a.language, s.activity
     ON CONFLICT (story_id, language) DO UPDATE SET articles = excluded.articles, activity = excluded.activity`,
    [storyId, title ?? null],
  );
}

/**
 * Counts one new member (`articleId`, written in this transaction) into the story's summary and
 * languages, as refreshSummary would count it; false when the story has no summary yet.
 */
export async function addSummaryMember(db: Db, storyId: string, articleId: string, opensEvent: boolean, title: string | undefined): Promise<boolean> {
  const last = `CASE WHEN a.d IS NULL THEN s.last_date WHEN s.last_date IS NULL OR a.d > s.last_date THEN a.d ELSE s.last_date END`;
  const updated = await db.query<{ activity: string; original: boolean }>(
    `UPDATE story_summaries s SET title = $4, article_count = s.article_count + (a.duplicate_of IS NULL)::int,
       copy_count = s.copy_count + (a.duplicate_of IS NOT NULL)::int, event_count = s.event_count + (a.duplicate_of IS NULL AND $3)::int,
       first_date = CASE WHEN a.d IS NULL THEN s.first_date WHEN s.first_date IS NULL OR a.d < s.first_date THEN a.d ELSE s.first_date END,
       last_date = ${last}, activity = COALESCE(${last}, '')
     FROM (SELECT a.duplicate_of, ${ORIGINAL_DATE} AS d FROM articles a WHERE a.id = $2) a
     WHERE s.story_id = $1 RETURNING s.activity, a.duplicate_of IS NULL AS original`,
    [storyId, articleId, opensEvent, title ?? null],
  );
  const row = updated.rows[0];
  if (!row) return false;
  // A row is updated once per statement: the language's count, then every language's activity.
  if (row.original) {
    await db.query(
      `INSERT INTO story_languages (story_id, language, articles, activity) SELECT $1, language, 1, $3 FROM articles WHERE id = $2
       ON CONFLICT (story_id, language) DO UPDATE SET articles = story_languages.articles + 1`,
      [storyId, articleId, row.activity],
    );
  }
  await db.query('UPDATE story_languages SET activity = $2 WHERE story_id = $1', [storyId, row.activity]);
  return true;
}

export async function setSummaryTitle(db: Db, storyId: string, title: string): Promise<void> {
  await db.query('UPDATE story_summaries SET title = $2 WHERE story_id = $1', [storyId, title]);
}

export async function summariesWithoutTitle(db: Db, limit: number): Promise<Array<{ id: string; members: number }>> {
  return (await db.query<{ id: string; members: number }>('SELECT story_id AS id, article_count + copy_count AS members FROM story_summaries WHERE title IS NULL LIMIT $1', [limit])).rows;
}

/** One page of the list (the SQLite store's plan: walk the language's or the summaries' index from the cursor). */
export async function summaryPage(db: Db, query: StoryListQuery): Promise<StorySummaryRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const from = query.language ? 'story_languages k JOIN story_summaries s ON s.story_id = k.story_id' : 'story_summaries s';
  const key = query.language ? 'k' : 's';
  if (query.language) where.push(`k.language = ${param(query.language)}`);
  if (query.after) {
    const activity = param(query.after.lastDate);
    where.push(`${key}.activity <= ${activity} AND (${key}.activity < ${activity} OR ${key}.story_id > ${param(query.after.id)})`);
  }
  if (query.words?.length) {
    const matches = query.words.map((w) => wordsTsquery([w])).filter((m): m is string => m !== null);
    if (matches.length === 0) return [];
    // Every word in some article of the story, not necessarily the same one.
    for (const match of matches) {
      where.push(
        `${key}.story_id IN (SELECT a.story_id FROM articles a WHERE a.seq IN (SELECT seq FROM article_search WHERE document @@ to_tsquery('simple', ${param(match)})))`,
      );
    }
  }
  if (query.from !== undefined) {
    const p = param(query.from);
    where.push(`${key}.activity >= substr(${p}, 1, 4) AND s.last_date IS NOT NULL AND (s.last_date >= ${p} OR substr(${p}, 1, length(s.last_date)) = s.last_date)`);
  }
  if (query.to !== undefined) {
    const p = param(query.to);
    where.push(`s.first_date IS NOT NULL AND (s.first_date <= ${p} OR substr(s.first_date, 1, length(${p})) = ${p})`);
  }
  const sql = `SELECT ${COLUMNS} FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${key}.activity DESC, ${key}.story_id LIMIT ${param(query.limit)}`;
  return (await db.query<StorySummaryRow>(sql, params)).rows;
}

/** Every story, newest activity first, then the most recently written. */
export async function allSummaries(db: Db): Promise<StorySummaryRow[]> {
  return (await db.query<StorySummaryRow>(`SELECT ${COLUMNS} FROM story_summaries s JOIN stories st ON st.id = s.story_id ORDER BY s.activity DESC, st.updated_at DESC, s.story_id`)).rows;
}

/** The listed publication dates of each story's originals. */
export async function publicationDays(db: Db, storyIds: string[]): Promise<Map<string, DayCount[]>> {
  const out = new Map<string, DayCount[]>(storyIds.map((id) => [id, []]));
  // COLLATE "C": dates ordered as SQLite orders them, whatever the database's collation.
  const rows = (await db.query<{ id: string; date: string; count: number }>(
    `SELECT a.story_id AS id, ${LISTED_DATE} COLLATE "C" AS date, count(*)::int AS count FROM articles a
     WHERE a.story_id = ANY($1) AND a.duplicate_of IS NULL AND a.published IS NOT NULL
     GROUP BY a.story_id, 2 ORDER BY a.story_id, 2`,
    [storyIds],
  )).rows;
  for (const r of rows) out.get(r.id)?.push({ date: r.date, count: r.count });
  return out;
}
