// Story summaries (migration 8): what the story list shows of each story, refreshed from the story's
// rows inside the write that changes them, and the list's page query (keyset order: newest activity,
// then story id) with its word, language and period conditions.
import type Database from 'better-sqlite3';
import type { DayCount } from '../../domain/index.js';
import type { StoryListQuery, StorySummaryRow } from '../story-store.js';
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

/** The row's languages, most originals first (then by code), as the story view orders them. */
const LANGUAGES = `(SELECT json_group_array(language) FROM (SELECT language FROM story_languages l WHERE l.story_id = s.story_id ORDER BY articles DESC, language))`;
const COLUMNS = `s.story_id AS id, s.title, s.article_count AS articleCount, s.copy_count AS copyCount, s.event_count AS eventCount,
  ${LANGUAGES} AS languages, s.first_date AS firstDate, s.last_date AS lastDate`;

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
    this.statement('UPDATE story_languages SET activity = (SELECT activity FROM story_summaries WHERE story_id = @story) WHERE story_id = @story').run({ story: storyId });
    return true;
  }

  setTitle(storyId: string, title: string): void {
    this.statement('UPDATE story_summaries SET title = ? WHERE story_id = ?').run(title, storyId);
  }

  withoutTitle(limit: number): Array<{ id: string; members: number }> {
    return this.statement('SELECT story_id AS id, article_count + copy_count AS members FROM story_summaries WHERE title IS NULL LIMIT ?').all(limit) as Array<{ id: string; members: number }>;
  }

  /**
   * One page of the list. A language filter walks that language's index range, else the summaries'
   * own; either is in list order, so the page is the first `limit` rows past the cursor that meet the
   * other conditions. Null when a word has nothing to match (no letter or digit in any).
   */
  page(query: StoryListQuery): StorySummaryRow[] | null {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: query.limit };
    const from = query.language ? 'story_languages k JOIN story_summaries s ON s.story_id = k.story_id' : 'story_summaries s';
    const key = query.language ? 'k' : 's';
    if (query.language) {
      where.push('k.language = @language');
      params.language = query.language;
    }
    if (query.after) {
      // (activity, id) after the cursor in list order, with a bound on the index's first column.
      where.push(`${key}.activity <= @activity AND (${key}.activity < @activity OR ${key}.story_id > @afterId)`);
      params.activity = query.after.lastDate;
      params.afterId = query.after.id;
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
    const sql = `SELECT ${COLUMNS} FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${key}.activity DESC, ${key}.story_id LIMIT @limit`;
    return (this.statement(sql).all(params) as Row[]).map(toSummary);
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
