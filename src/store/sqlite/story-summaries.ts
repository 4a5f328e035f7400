// Story summaries (migrations 8 and 10): what the story list shows of each story, refreshed from the
// story's rows inside the write that changes them, and the list's page query (keyset orders: newest
// activity, most originals or most outlets, then story id) with its conditions. The story's sort keys
// (activity, article_count, outlet_count) are copied into its rows of story_languages and
// story_outlets, so that a language or an outlet filter is a range of one index in every order.
import type Database from 'better-sqlite3';
import type { DayCount } from '../../domain/index.js';
import { outletKey, type LanguageListing, type OutletListing, type StoryListQuery, type StorySummaryRow } from '../story-store.js';
import { wordsQuery } from './article-search.js';

/** A publication date as the story view lists it (timeline formatPublished): at its precision. */
const LISTED_DATE = `CASE WHEN a.published IS NULL THEN NULL WHEN a.published_precision = 'year' THEN substr(a.published, 1, 4)
  WHEN a.published_precision = 'month' THEN substr(a.published, 1, 7) ELSE substr(a.published, 1, 10) END`;
const ORIGINAL_DATE = `CASE WHEN a.duplicate_of IS NULL THEN ${LISTED_DATE} END`;

/**
 * The counts and dates of a story's summary over its articles `a` (copies counted apart, events and
 * dates from the originals alone, as timeline summarizeStory): article_count .. activity.
 */
export const SUMMARY_AGGREGATES = `COALESCE(SUM(a.duplicate_of IS NULL), 0), COALESCE(SUM(a.duplicate_of IS NOT NULL), 0),
  COUNT(DISTINCT CASE WHEN a.duplicate_of IS NULL THEN COALESCE(a.event_id, a.id) END),
  MIN(${ORIGINAL_DATE}), MAX(${ORIGINAL_DATE}), COALESCE(MAX(${ORIGINAL_DATE}), '')`;

/**
 * The outlets of a story's originals (`a`): a non-empty source. Names that differ only in the case of
 * ASCII letters are one outlet (outlet_key), listed under the first of them in code order.
 */
export const OUTLET_ARTICLE = `a.duplicate_of IS NULL AND a.source IS NOT NULL AND a.source <> ''`;

/** A story's outlets from its originals (migration 10 and every refresh), the sort keys copied afterwards. */
export const OUTLET_ROWS = `SELECT a.story_id, MIN(a.source), lower(a.source), COUNT(*), MIN(${LISTED_DATE}), MAX(${LISTED_DATE}), '', 0, 0 FROM articles a`;

/** Copies the story's sort keys from its summary into its language and outlet rows (`table`). */
export const COPY_SORT_KEYS = (table: string, where: string) =>
  `UPDATE ${table} SET (activity, article_count, outlet_count) = (SELECT s.activity, s.article_count, s.outlet_count FROM story_summaries s WHERE s.story_id = ${table}.story_id) ${where}`;

/** The sort columns of each order, before the story id; each is an index of every driving table. */
const SORT_COLUMNS = { newest: ['activity'], size: ['article_count', 'activity'], outlets: ['outlet_count', 'activity'] } as const;

/** The row's languages, most originals first (then by code), as the story view orders them. */
const LANGUAGES = `(SELECT json_group_array(language) FROM (SELECT language FROM story_languages l WHERE l.story_id = s.story_id ORDER BY articles DESC, language))`;
const COLUMNS = `s.story_id AS id, s.title, s.article_count AS articleCount, s.copy_count AS copyCount, s.event_count AS eventCount,
  ${LANGUAGES} AS languages, s.first_date AS firstDate, s.last_date AS lastDate, s.outlet_count AS outletCount`;

type Row = Omit<StorySummaryRow, 'languages'> & { languages: string };

export class StorySummaries {
  constructor(private readonly statement: (sql: string) => Database.Statement) {}

  /**
   * Recomputes the story's summary from its rows; `title` is the timeline stage's decision for the
   * story as written (undecided when not given: the write may have changed it). A story merged away
   * has no summary.
   */
  refresh(storyId: string, title: string | undefined): void {
    this.statement(
      `INSERT INTO story_summaries (story_id, title, article_count, copy_count, event_count, first_date, last_date, activity)
       SELECT s.id, @title, ${SUMMARY_AGGREGATES} FROM stories s LEFT JOIN articles a ON a.story_id = s.id WHERE s.id = @id GROUP BY s.id
       ON CONFLICT (story_id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count,
         copy_count = excluded.copy_count, event_count = excluded.event_count, first_date = excluded.first_date,
         last_date = excluded.last_date, activity = excluded.activity`,
    ).run({ id: storyId, title: title ?? null });
    this.statement('DELETE FROM story_languages WHERE story_id = ?').run(storyId);
    this.statement(
      `INSERT INTO story_languages (story_id, language, articles, activity)
       SELECT a.story_id, a.language, COUNT(*), s.activity FROM articles a JOIN story_summaries s ON s.story_id = a.story_id
       WHERE a.story_id = ? AND a.duplicate_of IS NULL GROUP BY a.language`,
    ).run(storyId);
    this.statement('DELETE FROM story_outlets WHERE story_id = ?').run(storyId);
    this.statement(
      `INSERT INTO story_outlets (story_id, outlet, outlet_key, articles, first_date, last_date, activity, article_count, outlet_count)
       ${OUTLET_ROWS} INDEXED BY articles_story_outlets WHERE a.story_id = ? AND ${OUTLET_ARTICLE} GROUP BY lower(a.source)`,
    ).run(storyId);
    this.statement('UPDATE story_summaries SET outlet_count = (SELECT COUNT(*) FROM story_outlets WHERE story_id = @id) WHERE story_id = @id').run({ id: storyId });
    this.copySortKeys(storyId);
  }

  private copySortKeys(storyId: string): void {
    for (const table of ['story_languages', 'story_outlets']) this.statement(COPY_SORT_KEYS(table, 'WHERE story_id = ?')).run(storyId);
  }

  /**
   * Counts one new member (`articleId`, written in this transaction) into the story's summary and
   * languages, as `refresh` would count it; false when the story has no summary yet (refresh it).
   */
  addMember(storyId: string, articleId: string, opensEvent: boolean, title: string | undefined): boolean {
    const first = `CASE WHEN a.d IS NULL THEN first_date WHEN first_date IS NULL OR a.d < first_date THEN a.d ELSE first_date END`;
    const last = `CASE WHEN a.d IS NULL THEN last_date WHEN last_date IS NULL OR a.d > last_date THEN a.d ELSE last_date END`;
    const updated = this.statement(
      `UPDATE story_summaries SET title = @title, article_count = article_count + (a.duplicate_of IS NULL),
         copy_count = copy_count + (a.duplicate_of IS NOT NULL), event_count = event_count + (a.duplicate_of IS NULL AND @opens),
         first_date = ${first}, last_date = ${last}, activity = COALESCE(${last}, '')
       FROM (SELECT a.duplicate_of, ${ORIGINAL_DATE} AS d FROM articles a WHERE a.id = @id) AS a
       WHERE story_id = @story`,
    ).run({ story: storyId, id: articleId, opens: opensEvent ? 1 : 0, title: title ?? null });
    if (updated.changes === 0) return false;
    this.statement(
      `INSERT INTO story_languages (story_id, language, articles, activity)
       SELECT @story, a.language, 1, '' FROM articles a WHERE a.id = @id AND a.duplicate_of IS NULL
       ON CONFLICT (story_id, language) DO UPDATE SET articles = articles + 1`,
    ).run({ story: storyId, id: articleId });
    // Its outlet: one more original, or a new outlet of the story (a copy, or no outlet, is neither).
    const outlet = this.statement(`SELECT a.source, ${LISTED_DATE} AS d FROM articles a WHERE a.id = ? AND ${OUTLET_ARTICLE}`).get(articleId) as { source: string; d: string | null } | undefined;
    if (outlet) {
      const known = this.statement('UPDATE story_outlets SET outlet = min(outlet, @outlet), articles = articles + 1, first_date = min(COALESCE(first_date, @d), COALESCE(@d, first_date)), last_date = max(COALESCE(last_date, @d), COALESCE(@d, last_date)) WHERE story_id = @story AND outlet_key = lower(@outlet)').run({ story: storyId, outlet: outlet.source, d: outlet.d });
      if (known.changes === 0) {
        this.statement(
          `INSERT INTO story_outlets (story_id, outlet, outlet_key, articles, first_date, last_date, activity, article_count, outlet_count) VALUES (@story, @outlet, lower(@outlet), 1, @d, @d, '', 0, 0)`,
        ).run({ story: storyId, outlet: outlet.source, d: outlet.d });
        this.statement('UPDATE story_summaries SET outlet_count = outlet_count + 1 WHERE story_id = ?').run(storyId);
      }
    }
    this.copySortKeys(storyId);
    return true;
  }

  setTitle(storyId: string, title: string): void {
    this.statement('UPDATE story_summaries SET title = ? WHERE story_id = ?').run(title, storyId);
  }

  withoutTitle(limit: number): Array<{ id: string; members: number }> {
    return this.statement('SELECT story_id AS id, article_count + copy_count AS members FROM story_summaries WHERE title IS NULL LIMIT ?').all(limit) as Array<{ id: string; members: number }>;
  }

  /**
   * One page of the list. An outlet filter walks that outlet's index range in the sort's order, else
   * a language filter that language's, else the summaries' own; so the page is the first `limit`
   * rows past the cursor that meet the other conditions. Null when a word has nothing to match (no
   * letter or digit in any).
   */
  page(query: StoryListQuery): StorySummaryRow[] | null {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: query.limit };
    const sort = SORT_COLUMNS[query.sort ?? 'newest'];
    const driver = query.outlet !== undefined ? 'story_outlets' : query.language ? 'story_languages' : null;
    const from = driver ? `${driver} k JOIN story_summaries s ON s.story_id = k.story_id` : 'story_summaries s';
    const key = driver ? 'k' : 's';
    if (query.outlet !== undefined) {
      where.push('k.outlet_key = @outlet');
      params.outlet = outletKey(query.outlet);
    }
    if (query.language) {
      where.push(driver === 'story_languages' ? 'k.language = @language' : 'EXISTS (SELECT 1 FROM story_languages l WHERE l.story_id = s.story_id AND l.language = @language)');
      params.language = query.language;
    }
    if (query.after) {
      // The sort's columns, then the id, after the cursor's in list order (every column descending
      // but the id), with a bound on the index's first column.
      const { key: values, id } = query.after;
      if (values.length !== sort.length) throw new Error(`a ${query.sort ?? 'newest'} cursor has ${sort.length} sort values`);
      sort.forEach((column, i) => (params[`after${i}`] = values[i]!));
      params.afterId = id;
      const ties = (n: number) => sort.slice(0, n).map((column, i) => `${key}.${column} = @after${i}`);
      const branches = sort.map((column, i) => [...ties(i), `${key}.${column} < @after${i}`].join(' AND '));
      branches.push([...ties(sort.length), `${key}.story_id > @afterId`].join(' AND '));
      where.push(`${key}.${sort[0]} <= @after0 AND (${branches.map((b) => `(${b})`).join(' OR ')})`);
    }
    if (query.minArticles !== undefined) {
      where.push(`${key}.article_count >= @minArticles`);
      params.minArticles = query.minArticles;
    }
    if (query.entities !== undefined) {
      // An article of the story names one of them: the entities' index, then each article's story.
      where.push(`${key}.story_id IN (SELECT a.story_id FROM article_entities e JOIN articles a ON a.id = e.article_id WHERE e.entity IN (SELECT value FROM json_each(@entities)))`);
      params.entities = JSON.stringify(query.entities);
    }
    if (query.words?.length) {
      const matches = query.words.map((w) => wordsQuery([w])).filter((m): m is string => m !== null);
      if (matches.length === 0) return null;
      // Every word in some article of the story (its title, text or an entity's name or alias). The
      // planner would take the unique seq index and read each hit's row (its text too) for story_id.
      matches.forEach((match, i) => {
        where.push(
          `${key}.story_id IN (SELECT a.story_id FROM articles a INDEXED BY articles_seq_story WHERE a.seq IN (SELECT rowid FROM article_search WHERE article_search MATCH @w${i}))`,
        );
        params[`w${i}`] = match;
      });
    }
    if (query.from !== undefined) {
      // Dates compare at their own precision: "2024-06" is in a period starting "2024-06-15". Every
      // such last date is at least the period's year: the bound ends the index walk.
      where.push(`${key}.activity >= substr(@from, 1, 4) AND s.last_date IS NOT NULL AND (s.last_date >= @from OR substr(@from, 1, length(s.last_date)) = s.last_date)`);
      params.from = query.from;
    }
    if (query.to !== undefined) {
      where.push('s.first_date IS NOT NULL AND (s.first_date <= @to OR substr(s.first_date, 1, length(@to)) = @to)');
      params.to = query.to;
    }
    if (query.lastDate?.from !== undefined) {
      where.push(`${key}.activity >= @lastFrom`);
      params.lastFrom = query.lastDate.from;
    }
    if (query.lastDate?.before !== undefined) {
      where.push(`${key}.activity < @lastBefore`);
      params.lastBefore = query.lastDate.before;
    }
    const order = [...sort.map((c) => `${key}.${c} DESC`), `${key}.story_id`].join(', ');
    const sql = `SELECT ${COLUMNS} FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT @limit`;
    return (this.statement(sql).all(params) as Row[]).map(toSummary);
  }

  /** Every language of the stories' originals (one pass over story_languages, by its primary key). */
  languages(): LanguageListing[] {
    return this.statement(
      'SELECT language AS code, COUNT(*) AS stories, SUM(articles) AS articles FROM story_languages GROUP BY language ORDER BY stories DESC, articles DESC, code',
    ).all() as LanguageListing[];
  }

  /** Outlets by prefix of their folded name: the range of story_outlets_activity that starts with it. */
  outlets(prefix: string, limit: number): OutletListing[] {
    const key = outletKey(prefix);
    return this.statement(
      `SELECT MIN(outlet) AS name, SUM(articles) AS articles, COUNT(*) AS stories FROM story_outlets INDEXED BY story_outlets_activity
       WHERE outlet_key >= @key AND outlet_key < @key || char(1114111) AND substr(outlet_key, 1, length(@key)) = @key GROUP BY outlet_key ORDER BY articles DESC, stories DESC, name LIMIT @limit`,
    ).all({ key, limit }) as OutletListing[];
  }

  /** The newest publication day of an original (dated to the day): the end of articles_published. */
  newestPublicationDate(): string | null {
    const row = this.statement(`SELECT published FROM articles INDEXED BY articles_published WHERE published IS NOT NULL AND published_precision = 'day' AND duplicate_of IS NULL ORDER BY published DESC LIMIT 1`).pluck().get() as string | undefined;
    return row ? row.slice(0, 10) : null;
  }

  /** Every story, newest activity first, then the most recently written (the CLI's order). */
  all(): StorySummaryRow[] {
    return (
      this.statement(`SELECT ${COLUMNS} FROM story_summaries s JOIN stories st ON st.id = s.story_id ORDER BY s.activity DESC, st.updated_at DESC, s.story_id`).all() as Row[]
    ).map(toSummary);
  }

  /** The listed publication dates of each story's originals (for coverage sparklines). */
  publicationDays(storyIds: string[]): Map<string, DayCount[]> {
    const out = new Map<string, DayCount[]>(storyIds.map((id) => [id, []]));
    const rows = this
      .statement(
        `SELECT a.story_id AS id, ${LISTED_DATE} AS date, count(*) AS count FROM articles a
         WHERE a.story_id IN (SELECT value FROM json_each(?)) AND a.duplicate_of IS NULL AND a.published IS NOT NULL
         GROUP BY a.story_id, date ORDER BY a.story_id, date`,
      )
      .all(JSON.stringify(storyIds)) as Array<{ id: string; date: string; count: number }>;
    for (const r of rows) out.get(r.id)?.push({ date: r.date, count: r.count });
    return out;
  }
}

function toSummary(row: Row): StorySummaryRow {
  return { ...row, languages: JSON.parse(row.languages) as string[] };
}
