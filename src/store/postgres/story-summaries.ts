// Story summaries on PostgreSQL (migrations 2 and 5), as the SQLite store keeps them (sqlite/story-summaries.ts):
// refreshed from the story's rows inside the write that changes them, read a page at a time in keyset
// order (newest activity, most originals or most outlets; then story id), the story's sort keys copied
// into its language and outlet rows so that a filter by either is a range of one index. Text compares in the database's collation: C (as in the
// test server) orders like SQLite.
import type pg from 'pg';
import type { DayCount } from '../../domain/index.js';
import { outletKey, type LanguageListing, type OutletListing, type StoryListQuery, type StorySummaryRow } from '../story-store.js';
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

/** ASCII letters folded, as SQLite's lower() and outletKey fold them (translate's third argument). */
const ASCII_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ASCII_LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** An outlet of a story: an original (`a`) with a non-empty source. */
const OUTLET_ARTICLE = `a.duplicate_of IS NULL AND a.source IS NOT NULL AND a.source <> ''`;
/** A story's outlet rows from its originals, the sort keys copied afterwards (migration 5 and every refresh). */
export const OUTLET_ROWS = `SELECT a.story_id, min(a.source), translate(a.source, '${ASCII_UPPER}', '${ASCII_LOWER}'), count(*), min(${LISTED_DATE}), max(${LISTED_DATE}), '', 0, 0 FROM articles a`;
export const OUTLET_ROW_CONDITION = OUTLET_ARTICLE;

/** The sort columns of each order, before the story id. */
const SORT_COLUMNS = { newest: ['activity'], size: ['article_count', 'activity'], outlets: ['outlet_count', 'activity'] } as const;

const LANGUAGES = `(SELECT COALESCE(json_agg(l.language ORDER BY l.articles DESC, l.language), '[]') FROM story_languages l WHERE l.story_id = s.story_id)`;
const COLUMNS = `s.story_id AS id, s.title, s.article_count AS "articleCount", s.copy_count AS "copyCount", s.event_count AS "eventCount",
  ${LANGUAGES} AS languages, s.first_date AS "firstDate", s.last_date AS "lastDate", s.outlet_count AS "outletCount"`;

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
  // Outlets, upserted like the languages: an article's outlet never changes, and originals only join.
  await db.query(
    `INSERT INTO story_outlets (story_id, outlet, outlet_key, articles, first_date, last_date, activity, article_count, outlet_count)
     ${OUTLET_ROWS} WHERE a.story_id = $1 AND ${OUTLET_ARTICLE} GROUP BY a.story_id, 3
     ON CONFLICT (story_id, outlet_key) DO UPDATE SET outlet = excluded.outlet, articles = excluded.articles, first_date = excluded.first_date, last_date = excluded.last_date`,
    [storyId],
  );
  const keys = await db.query<SortKeys>(
    'UPDATE story_summaries SET outlet_count = (SELECT count(*) FROM story_outlets WHERE story_id = $1) WHERE story_id = $1 RETURNING activity, article_count, outlet_count',
    [storyId],
  );
  if (keys.rows[0]) await copySortKeys(db, storyId, keys.rows[0]);
}

interface SortKeys {
  activity: string;
  article_count: number;
  outlet_count: number;
}

/** The story's sort keys into its language and outlet rows. */
async function copySortKeys(db: Db, storyId: string, keys: SortKeys): Promise<void> {
  for (const table of ['story_languages', 'story_outlets']) {
    await db.query(`UPDATE ${table} SET activity = $2, article_count = $3, outlet_count = $4 WHERE story_id = $1`, [storyId, keys.activity, keys.article_count, keys.outlet_count]);
  }
}

/**
 * Counts one new member (`articleId`, written in this transaction) into the story's summary and
 * languages, as refreshSummary would count it; false when the story has no summary yet.
 */
export async function addSummaryMember(db: Db, storyId: string, articleId: string, opensEvent: boolean, title: string | undefined): Promise<boolean> {
  const last = `CASE WHEN a.d IS NULL THEN s.last_date WHEN s.last_date IS NULL OR a.d > s.last_date THEN a.d ELSE s.last_date END`;
  const updated = await db.query<SortKeys & { original: boolean; source: string | null; d: string | null }>(
    `UPDATE story_summaries s SET title = $4, article_count = s.article_count + (a.duplicate_of IS NULL)::int,
       copy_count = s.copy_count + (a.duplicate_of IS NOT NULL)::int, event_count = s.event_count + (a.duplicate_of IS NULL AND $3)::int,
       first_date = CASE WHEN a.d IS NULL THEN s.first_date WHEN s.first_date IS NULL OR a.d < s.first_date THEN a.d ELSE s.first_date END,
       last_date = ${last}, activity = COALESCE(${last}, '')
     FROM (SELECT a.duplicate_of, a.source, ${ORIGINAL_DATE} AS d, ${OUTLET_ARTICLE} AS outlet FROM articles a WHERE a.id = $2) a
     WHERE s.story_id = $1 RETURNING s.activity, s.article_count, s.outlet_count, a.duplicate_of IS NULL AS original, CASE WHEN a.outlet THEN a.source END AS source, a.d`,
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
  // Its outlet: one more original, or a new outlet of the story (xmax = 0: the row was inserted).
  if (row.source !== null) {
    const outlet = await db.query<{ inserted: boolean }>(
      `INSERT INTO story_outlets AS o (story_id, outlet, outlet_key, articles, first_date, last_date, activity, article_count, outlet_count)
       VALUES ($1, $2, translate($2, '${ASCII_UPPER}', '${ASCII_LOWER}'), 1, $3, $3, '', 0, 0)
       ON CONFLICT (story_id, outlet_key) DO UPDATE SET outlet = least(o.outlet, excluded.outlet), articles = o.articles + 1,
         first_date = CASE WHEN $3::text IS NULL OR (o.first_date IS NOT NULL AND o.first_date <= $3::text) THEN o.first_date ELSE $3::text END,
         last_date = CASE WHEN $3::text IS NULL OR (o.last_date IS NOT NULL AND o.last_date >= $3::text) THEN o.last_date ELSE $3::text END
       RETURNING (xmax = 0) AS inserted`,
      [storyId, row.source, row.d],
    );
    if (outlet.rows[0]?.inserted) {
      await db.query('UPDATE story_summaries SET outlet_count = outlet_count + 1 WHERE story_id = $1', [storyId]);
      row.outlet_count++;
    }
  }
  await copySortKeys(db, storyId, row);
  return true;
}

export async function setSummaryTitle(db: Db, storyId: string, title: string): Promise<void> {
  await db.query('UPDATE story_summaries SET title = $2 WHERE story_id = $1', [storyId, title]);
}

export async function summariesWithoutTitle(db: Db, limit: number): Promise<Array<{ id: string; members: number }>> {
  return (await db.query<{ id: string; members: number }>('SELECT story_id AS id, article_count + copy_count AS members FROM story_summaries WHERE title IS NULL LIMIT $1', [limit])).rows;
}

/** One page of the list (the SQLite store's plan: walk the outlet's, the language's or the summaries' index of the sort from the cursor). */
export async function summaryPage(db: Db, query: StoryListQuery): Promise<StorySummaryRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const sort = SORT_COLUMNS[query.sort ?? 'newest'];
  const driver = query.outlet !== undefined ? 'story_outlets' : query.language ? 'story_languages' : null;
  const from = driver ? `${driver} k JOIN story_summaries s ON s.story_id = k.story_id` : 'story_summaries s';
  const key = driver ? 'k' : 's';
  if (query.outlet !== undefined) where.push(`k.outlet_key = ${param(outletKey(query.outlet))}`);
  if (query.language) {
    const p = param(query.language);
    where.push(driver === 'story_languages' ? `k.language = ${p}` : `EXISTS (SELECT 1 FROM story_languages l WHERE l.story_id = s.story_id AND l.language = ${p})`);
  }
  if (query.after) {
    const { key: values, id } = query.after;
    if (values.length !== sort.length) throw new Error(`a ${query.sort ?? 'newest'} cursor has ${sort.length} sort values`);
    const ps = sort.map((column, i) => param(values[i]));
    const afterId = param(id);
    const ties = (n: number) => sort.slice(0, n).map((column, i) => `${key}.${column} = ${ps[i]}`);
    const branches = sort.map((column, i) => [...ties(i), `${key}.${column} < ${ps[i]}`].join(' AND '));
    branches.push([...ties(sort.length), `${key}.story_id > ${afterId}`].join(' AND '));
    where.push(`${key}.${sort[0]} <= ${ps[0]} AND (${branches.map((b) => `(${b})`).join(' OR ')})`);
  }
  if (query.minArticles !== undefined) where.push(`${key}.article_count >= ${param(query.minArticles)}`);
  if (query.entities !== undefined) {
    where.push(`${key}.story_id IN (SELECT a.story_id FROM article_entities e JOIN articles a ON a.id = e.article_id WHERE e.entity = ANY(${param(query.entities)}))`);
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
  if (query.lastDate?.from !== undefined) where.push(`${key}.activity >= ${param(query.lastDate.from)}`);
  if (query.lastDate?.before !== undefined) where.push(`${key}.activity < ${param(query.lastDate.before)}`);
  const order = [...sort.map((c) => `${key}.${c} DESC`), `${key}.story_id`].join(', ');
  const sql = `SELECT ${COLUMNS} FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${order} LIMIT ${param(query.limit)}`;
  return (await db.query<StorySummaryRow>(sql, params)).rows;
}

/** Every language of the stories' originals (one pass over story_languages). */
export async function languageListing(db: Db): Promise<LanguageListing[]> {
  return (await db.query<LanguageListing>(
    'SELECT language AS code, count(*)::int AS stories, sum(articles)::int AS articles FROM story_languages GROUP BY language ORDER BY stories DESC, articles DESC, code',
  )).rows;
}

/** Outlets by prefix of their folded name (SQLite's: the same letters folded). */
export async function outletListing(db: Db, prefix: string, limit: number): Promise<OutletListing[]> {
  const key = outletKey(prefix);
  return (await db.query<OutletListing>(
    `SELECT min(outlet) AS name, sum(articles)::int AS articles, count(*)::int AS stories FROM story_outlets
     WHERE left(outlet_key, char_length($1)) = $1 GROUP BY outlet_key ORDER BY articles DESC, stories DESC, name LIMIT $2`,
    [key, limit],
  )).rows;
}

/** The newest publication day of an original dated to the day: the end of articles_published. */
export async function newestPublicationDate(db: Db): Promise<string | null> {
  const row = (await db.query<{ published: string }>(
    `SELECT published FROM articles WHERE published IS NOT NULL AND published_precision = 'day' AND duplicate_of IS NULL ORDER BY published DESC LIMIT 1`,
  )).rows[0];
  return row ? row.published.slice(0, 10) : null;
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
