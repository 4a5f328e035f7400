import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { tempDir } from '../../../test/helpers/cli.js';
import { postgresSkipReason, testSchema } from '../../../test/helpers/postgres.js';
import { foldText } from '../../lib/data-files.js';
import { searchRow } from '../sqlite/article-search.js';
import { SqliteStoryStore } from '../sqlite/sqlite-story-store.js';
import { KNOWN_PAGE_URLS } from './live-tables.js';
import type { StoryListQuery } from '../story-store.js';
import { migratePostgres, PostgresStoryStore, POSTGRES_MIGRATIONS } from './index.js';
import { summaryPage, type Db } from './story-summaries.js';

const skip = await postgresSkipReason();
const latest = POSTGRES_MIGRATIONS.at(-1)!.version;

/** Where the PostgreSQL twin differs from its SQLite table on purpose: FTS5's columns are weights of one tsvector there. */
const TWIN_COLUMNS: Record<string, string[]> = { article_search: ['document', 'seq'] };
/** Tables only PostgreSQL has: the job queue of `ingest --workers` (SQLite has one writer per file). */
const POSTGRES_ONLY_TABLES = ['ingest_jobs'];
/** Indexes only PostgreSQL has (FTS5 indexes itself), those of its own tables included. */
const POSTGRES_ONLY_INDEXES = ['article_search_document', 'ingest_jobs_claimable', 'ingest_jobs_run'];

interface Schema {
  columns: Map<string, string[]>;
  /** Indexes created by name (SQLite), or not backing a primary key or unique constraint (PostgreSQL). */
  indexes: string[];
}

/** The schema a new SQLite store creates: its tables (FTS5's shadow tables left out) and named indexes. */
function sqliteSchema(): Schema {
  const path = join(tempDir(), 'schema.db');
  new SqliteStoryStore(path).close();
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const columns = new Map(tables.map((t) => [t, (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]).sort()]));
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all() as string[];
    return { columns, indexes: indexes.sort() };
  } finally {
    db.close();
  }
}

async function postgresSchema(pool: pg.Pool, schema: string): Promise<Schema & { constraintIndexes: string[] }> {
  const rows = (await pool.query<{ table_name: string; column_name: string }>(
    'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, column_name',
    [schema],
  )).rows;
  const columns = new Map<string, string[]>();
  for (const r of rows) columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
  const indexes = (await pool.query<{ name: string; constraint: boolean }>(
    `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid) AS constraint
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'i' ORDER BY 1`,
    [schema],
  )).rows;
  return { columns, indexes: indexes.filter((i) => !i.constraint).map((i) => i.name), constraintIndexes: indexes.filter((i) => i.constraint).map((i) => i.name) };
}

test('PostgreSQL migrations create a twin of every table, column and index of the SQLite store', { skip }, async (t) => {
  const schema = await testSchema(t);
  const pool = schema.open();
  assert.equal(await migratePostgres(pool), latest);
  const sqlite = sqliteSchema();
  const postgres = await postgresSchema(pool, schema.name);

  assert.deepEqual([...postgres.columns.keys()].sort(), [...sqlite.columns.keys(), ...POSTGRES_ONLY_TABLES].sort(), 'the same tables, and the PostgreSQL-only ones');
  for (const [table, columns] of sqlite.columns) {
    assert.deepEqual(postgres.columns.get(table), TWIN_COLUMNS[table] ?? columns, `the columns of ${table}`);
  }
  // SQLite's named indexes are PostgreSQL indexes of the same name (articles_seq backs seq's UNIQUE constraint there).
  const allPostgres = new Set([...postgres.indexes, ...postgres.constraintIndexes]);
  assert.deepEqual(sqlite.indexes.filter((i) => !allPostgres.has(i)), [], 'SQLite indexes without a PostgreSQL twin');
  assert.deepEqual(postgres.indexes.filter((i) => !sqlite.indexes.includes(i)), POSTGRES_ONLY_INDEXES, 'PostgreSQL indexes without a SQLite twin');
});

test('PostgreSQL: migrating an up-to-date schema again changes nothing', { skip }, async (t) => {
  const pool = (await testSchema(t)).open();
  assert.equal(await migratePostgres(pool), latest);
  const before = (await pool.query('SELECT version, applied_at FROM schema_migrations ORDER BY version')).rows;
  assert.equal(await migratePostgres(pool), latest);
  assert.deepEqual((await pool.query('SELECT version, applied_at FROM schema_migrations ORDER BY version')).rows, before);
});

test('PostgreSQL: two processes migrating at once both succeed, and each version is applied once', { skip }, async (t) => {
  const schema = await testSchema(t);
  const [a, b] = [schema.open(), schema.open()];
  assert.deepEqual(await Promise.all([migratePostgres(a), migratePostgres(b)]), [latest, latest]);
  const versions = (await a.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
  assert.deepEqual(versions, POSTGRES_MIGRATIONS.map((m) => m.version));
});

test('PostgreSQL full-text search finds an article by a folded word or prefix, and a name in the names alone', { skip }, async (t) => {
  const pool = (await testSchema(t)).open();
  await migratePostgres(pool);
  const article = {
    title: 'Tổng thống đến Bình Nhưỡng',
    text: 'The Kremlin confirmed the trip to Pyongyang.',
    entities: [{ name: 'Vladimir Putin', type: 'person' as const, aliases: ['Путин'], mentions: 1 }],
  };
  const { seq } = (await pool.query<{ seq: number }>(
    `INSERT INTO articles (id, content_hash, origin, title, text, language, language_confidence, ingested_at, analysis)
     VALUES ('a1', 'h1', 'a1.txt', $1, $2, 'vi', 0.9, '2024-06-19T00:00:00Z', '{}') RETURNING seq`,
    [article.title, article.text],
  )).rows[0]!;
  const row = searchRow(article);
  await pool.query('INSERT INTO article_search (seq, document) VALUES ($1, article_search_document($2, $3, $4))', [seq, row.title, row.body, row.names]);

  const find = async (query: string) =>
    (await pool.query<{ id: string }>('SELECT a.id FROM article_search s JOIN articles a USING (seq) WHERE s.document @@ to_tsquery($1::regconfig, $2)', ['simple', query])).rows.map((r) => r.id);
  assert.deepEqual(await find(foldText('Kremlin')), ['a1'], 'a word of the body, any case');
  assert.deepEqual(await find(foldText('Nhưỡng')), ['a1'], 'accents folded');
  assert.deepEqual(await find('den'), ['a1'], 'đ folded');
  assert.deepEqual(await find('pyong:*'), ['a1'], 'a prefix');
  assert.deepEqual(await find(`${foldText('Путин')}:B`), ['a1'], 'an alias among the names');
  assert.deepEqual(await find('kremlin:B'), [], 'a word of the body is not a name');
  assert.deepEqual(await find('putin:B <-> vladimir:B'), [], 'a name is a phrase in order');
  assert.deepEqual(await find('vladimir:B <-> putin:B'), ['a1']);
});

test("PostgreSQL: the live-news migration makes the url and canonical URL of every stored article a known page", { skip }, async (t) => {
  // A schema at the version before it (as migratePostgres leaves one), with articles stored then.
  const liveVersion = POSTGRES_MIGRATIONS.find((m) => m.sql.includes('CREATE TABLE page_urls'))!.version;
  const pool = (await testSchema(t)).open();
  await pool.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
  for (const m of POSTGRES_MIGRATIONS.filter((m) => m.version < liveVersion)) {
    await pool.query(m.sql);
    await pool.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
  }
  const insert = (id: string, url: string | null, day: string, analysis: object) =>
    pool.query(
      `INSERT INTO articles (id, content_hash, origin, url, title, text, language, language_confidence, ingested_at, analysis)
       VALUES ($1, $1, 'feed', $2, 'Title', 'Text.', 'en', 0.9, $3, $4)`,
      [id, url, `2024-06-${day}T00:00:00.000Z`, JSON.stringify(analysis)],
    );
  await insert('a1', 'https://x.example/1?ref=rss', '01', { canonicalUrl: 'https://x.example/1' });
  await insert('a2', null, '02', { canonicalUrl: null });
  await insert('a3', 'https://x.example/3', '03', { entities: [] });
  await insert('a4', null, '04', { canonicalUrl: 'https://x.example/4' });
  await insert('a5', 'https://x.example/1', '05', { canonicalUrl: 'https://x.example/1' });

  const store = await PostgresStoryStore.onPool(pool);
  const asked = ['https://x.example/1?ref=rss', 'https://x.example/1', 'https://x.example/3', 'https://x.example/4', 'https://x.example/2', 'https://x.example/9'];
  assert.deepEqual(await store.knownPageUrls(asked, 1), new Set(asked.slice(0, 4)));
  assert.deepEqual((await pool.query('SELECT url, article_id, outcome, failures, fetched_at FROM page_urls ORDER BY url COLLATE "C"')).rows, [
    { url: 'https://x.example/1', article_id: 'a1', outcome: 'stored', failures: 0, fetched_at: '2024-06-01T00:00:00.000Z' },
    { url: 'https://x.example/1?ref=rss', article_id: 'a1', outcome: 'stored', failures: 0, fetched_at: '2024-06-01T00:00:00.000Z' },
    { url: 'https://x.example/3', article_id: 'a3', outcome: 'stored', failures: 0, fetched_at: '2024-06-03T00:00:00.000Z' },
    { url: 'https://x.example/4', article_id: 'a4', outcome: 'stored', failures: 0, fetched_at: '2024-06-04T00:00:00.000Z' },
  ], 'a URL stored twice keeps its first article');
  assert.equal(await migratePostgres(pool), latest);
});

test('PostgreSQL: known page URLs can be read through the primary key', { skip }, async (t) => {
  const pool = (await testSchema(t)).open();
  await migratePostgres(pool);
  const client = await pool.connect();
  try {
    await client.query('SET enable_seqscan = off');
    const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${KNOWN_PAGE_URLS}`, [['https://x.example/'], 3])).rows.map((r) => r['QUERY PLAN']).join('\n');
    assert.match(plan, /Index (Only )?Scan using page_urls_pkey|Bitmap Index Scan on page_urls_pkey/, plan);
  } finally {
    client.release();
  }
});

test('PostgreSQL: the triage migration counts the outlets of the stories stored before it', { skip }, async (t) => {
  // A schema at the version before it, with a story, its summary and its articles written then.
  const outletsVersion = POSTGRES_MIGRATIONS.find((m) => m.sql.includes('CREATE TABLE story_outlets'))!.version;
  const pool = (await testSchema(t)).open();
  await pool.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
  for (const m of POSTGRES_MIGRATIONS.filter((m) => m.version < outletsVersion)) {
    await pool.query(m.sql);
    await pool.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
  }
  await pool.query(`INSERT INTO stories (id, created_at, updated_at) VALUES ('s1', 'x', 'x'), ('s2', 'x', 'x')`);
  const insert = (id: string, story: string, source: string | null, published: string, duplicateOf: string | null = null) =>
    pool.query(
      `INSERT INTO articles (id, content_hash, origin, title, text, source, language, language_confidence, published, published_precision, story_id, duplicate_of, ingested_at, analysis)
       VALUES ($1, $1, 'file', 'Title', 'Text.', $2, 'en', 0.9, $3, 'day', $4, $5, 'x', '{}')`,
      [id, source, published, story, duplicateOf],
    );
  await insert('a1', 's1', 'Reuters', '2024-06-10');
  await insert('a2', 's1', 'REUTERS', '2024-06-12');
  await insert('a3', 's1', 'BBC', '2024-06-11');
  await insert('a4', 's1', 'AFP', '2024-06-13', 'a1');
  await insert('a5', 's1', null, '2024-06-14');
  await insert('a6', 's2', '', '2024-06-09');
  await pool.query(`INSERT INTO story_summaries (story_id, title, article_count, copy_count, event_count, first_date, last_date, activity)
    VALUES ('s1', 'T', 4, 1, 4, '2024-06-10', '2024-06-14', '2024-06-14'), ('s2', 'U', 1, 0, 1, '2024-06-09', '2024-06-09', '2024-06-09')`);
  await pool.query(`INSERT INTO story_languages (story_id, language, articles, activity) VALUES ('s1', 'en', 4, '2024-06-14'), ('s2', 'en', 1, '2024-06-09')`);

  const store = await PostgresStoryStore.onPool(pool);
  assert.deepEqual((await store.listStorySummaries()).map((s) => [s.id, s.outletCount]), [['s1', 2], ['s2', 0]], 'Reuters (either case) and BBC; a copy, no outlet and an empty one are none');
  assert.deepEqual((await pool.query('SELECT story_id, outlet, outlet_key, articles, first_date, last_date, activity, article_count, outlet_count FROM story_outlets ORDER BY outlet_key COLLATE "C"')).rows, [
    { story_id: 's1', outlet: 'BBC', outlet_key: 'bbc', articles: 1, first_date: '2024-06-11', last_date: '2024-06-11', activity: '2024-06-14', article_count: 4, outlet_count: 2 },
    { story_id: 's1', outlet: 'REUTERS', outlet_key: 'reuters', articles: 2, first_date: '2024-06-10', last_date: '2024-06-12', activity: '2024-06-14', article_count: 4, outlet_count: 2 },
  ]);
  assert.deepEqual((await pool.query('SELECT story_id, article_count, outlet_count FROM story_languages ORDER BY story_id')).rows, [
    { story_id: 's1', article_count: 4, outlet_count: 2 },
    { story_id: 's2', article_count: 1, outlet_count: 0 },
  ], 'the sort keys copied');
  assert.deepEqual((await store.findStorySummaries({ sort: 'outlets', outlet: 'reuters', limit: 5 })).map((s) => s.id), ['s1']);
  assert.deepEqual(await store.listOutlets('', 5), [{ name: 'REUTERS', articles: 2, stories: 1 }, { name: 'BBC', articles: 1, stories: 1 }]);
  assert.equal(await migratePostgres(pool), latest);
});

test('PostgreSQL: the size and outlets orders, alone or under a language or outlet filter, are ranges of their indexes', { skip }, async (t) => {
  const pool = (await testSchema(t)).open();
  await migratePostgres(pool);
  const client = await pool.connect();
  try {
    // An empty table would be read whole whatever the indexes: forbid what avoids them.
    await client.query('SET enable_seqscan = off');
    await client.query('SET enable_sort = off');
    const after = { key: [3, '2024-06-10'], id: 's1' };
    const cases: Array<[StoryListQuery, RegExp]> = [
      [{ sort: 'size', after, limit: 20 }, /Index Scan using story_summaries_size/],
      [{ sort: 'outlets', after, limit: 20 }, /Index Scan using story_summaries_outlets/],
      [{ sort: 'size', language: 'en', after, limit: 20 }, /Index (Only )?Scan using story_languages_size/],
      [{ sort: 'outlets', outlet: 'BBC', after, limit: 20 }, /Index (Only )?Scan using story_outlets_outlets/],
    ];
    for (const [query, expected] of cases) {
      let captured = { sql: '', params: [] as unknown[] };
      const recorder = { query: async (sql: string, params: unknown[]) => ((captured = { sql, params }), { rows: [] }) } as unknown as Db;
      await summaryPage(recorder, query);
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${captured.sql}`, captured.params)).rows.map((r) => r['QUERY PLAN']).join('\n');
      assert.match(plan, expected, plan);
      assert.doesNotMatch(plan.split('SubPlan')[0]!, /Sort\b|Seq Scan/, plan);
    }
  } finally {
    client.release();
  }
});
