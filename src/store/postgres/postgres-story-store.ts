// StoryStore on PostgreSQL: several processes (API servers, ingest workers) share one database. The
// semantics are the SQLite store's (sqlite/sqlite-story-store.ts); what differs is how: one transaction
// per article or per batch (articles as savepoints), multi-row inserts from arrays, row locks on the
// stories a write changes, and in-memory state checked against what other processes wrote.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { ArticleExistsError, StoreError, type ArticleFeatures, type DayCount, type StoredArticle } from '../../domain/index.js';
import { signatureFromBuffer, signatureToBuffer } from '../../dedup/index.js';
import { foldText } from '../../lib/data-files.js';
import { epochDay } from '../../time/index.js';
import { isTransactionConflict, isUniqueViolation } from '../store-error.js';
import { countsAlone, type AddArticleOptions, type ArticleQuery, type ClusterCandidate, type CopyCandidate, type CorpusStats, type DateUpdate, type DayWindow, type EntityListing, type LanguageListing, type OutletListing, type StoryListQuery, type StoryStore, type StorySummaryRow } from '../story-store.js';
import { ALIAS_ARTICLES, datedDays, nameTsquery, searchRow, wordsTsquery } from './article-search.js';
import { openPostgres, type PostgresOptions } from './connection.js';
import { migratePostgres } from './migrate.js';
import { analysisOf, articleFromRecord, toCopyCandidate, type Analysis, type ArticleRecord, type CopyRow } from '../article-rows.js';
import type { AlertDelivery, AlertMatch, AlertMatchView, AlertRecord, DeliveryAttempt, FeedCheck, FeedRecord, NewAlert, PageFetchRecord } from '../live-store.js';
import { distinct, isoTime } from '../live-rows.js';
import * as live from './live-tables.js';
import { addSummaryMember, allSummaries, languageListing, newestPublicationDate, outletListing, publicationDays, refreshSummary, setSummaryTitle, summariesWithoutTitle, summaryPage, type Db } from './story-summaries.js';

/** Unknown publication day in the key index. */
const NO_DAY = -1;

type ArticleRow = ArticleRecord;

/** Every column but the signature and features (clustering reads those apart). */
const ARTICLE_COLUMNS = `id, content_hash, external_id, origin, path, url, title, text, source, language, language_confidence, published,
  published_end, published_precision, published_source, story_id, duplicate_of, ingested_at, analysis, text_hash, source_key, event_id, placement`;
const COPY_COLUMNS = 'id, story_id, event_id, duplicate_of, source_key, origin, language';

interface Stats {
  articleCount: number;
  entity: Map<string, number>;
  term: Map<string, number>;
  /** The highest seq accounted for (by the snapshot, this process's writes, or counting others'). */
  through: number;
  /** The seqs counted within LOOKBACK of `through`: a late commit below it is told from a counted row. */
  counted: Set<number>;
  /** Other processes' articles counted since the snapshot (its frequencies lack them). */
  othersSince: number;
}

/**
 * Sequence numbers are drawn at insert but become visible at commit, so a row can appear below the
 * highest seq already seen (its transaction was still open). Each check looks back this many seqs
 * for such late rows: enough for every writer's article in flight.
 */
const LOOKBACK = 256;
/** Another process's articles the snapshot's frequencies may lack before a reload: max(50, 1% of the corpus). */
const staleBound = (articleCount: number) => Math.max(50, Math.ceil(articleCount / 100));
/** Runs of a placement that PostgreSQL rolled back to break a deadlock or serialization conflict. */
const PLACEMENT_ATTEMPTS = 5;

interface Batch {
  client: pg.PoolClient;
  /** The document frequencies the batch's articles add, written once per term at commit (as SQLite). */
  pendingTermDf: Map<string, number>;
}

export class PostgresStoryStore implements StoryStore {
  /**
   * Corpus statistics in memory, loaded at first use and kept current by this process's adds. Other
   * processes write too: every corpusStats() reads the seqs above the last one it accounted for (an
   * index range of at most LOOKBACK + the new rows, whatever the corpus size), counts the others' new
   * articles in articleCount and follows their entities and terms (followOthers). What that misses
   * (their terms' skeleton keys) comes with a reload, once others have added more than max(50, 1% of
   * the corpus) articles since the snapshot: the bound on what the frequencies lack. A commit landing
   * more than LOOKBACK seqs below the highest one seen is counted at the next reload only.
   */
  private stats: Stats | null = null;
  private batch: Batch | null = null;
  /** Writes run one at a time in this process, like SQLite's: a batch's savepoints must not interleave. */
  private writing: Promise<unknown> = Promise.resolve();

  /**
   * A store on a pool whose schema is migrated (see onPool). It ends the pool on close only when it
   * owns it (open made it): a pool passed in is its giver's to end.
   */
  constructor(
    private readonly pool: pg.Pool,
    private readonly ownsPool = false,
  ) {}

  /** Opens a pool on the database at `url` and applies pending migrations. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStoryStore> {
    const pool = openPostgres(url, options);
    try {
      await migratePostgres(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStoryStore(pool, true);
  }

  /** Migrates the schema the pool works in, then stores there (tests: a schema of their own). */
  static async onPool(pool: pg.Pool): Promise<PostgresStoryStore> {
    await migratePostgres(pool);
    return new PostgresStoryStore(pool);
  }

  /** Reads go through the batch's connection while one is open: they see its uncommitted articles. */
  private get db(): Db {
    return this.batch?.client ?? this.pool;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work);
    this.writing = run.catch(() => {});
    return run;
  }

  async hasContentHash(hash: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM articles WHERE content_hash = $1', [hash])).rowCount! > 0;
  }

  async findByTextHash(textHash: string): Promise<CopyCandidate[]> {
    return (await this.db.query<CopyRow>(`SELECT ${COPY_COLUMNS} FROM articles WHERE text_hash = $1 ORDER BY seq`, [textHash])).rows.map(toCopyCandidate);
  }

  async findNearDuplicates(lshBuckets: number[], language: string): Promise<Array<CopyCandidate & { minhash: Uint32Array }>> {
    if (lshBuckets.length === 0) return [];
    // The first band sharing a bucket orders the result, as the SQLite store's band-by-band look-up does.
    const rows = (await this.db.query<CopyRow & { minhash: Buffer }>(
      `SELECT ${COPY_COLUMNS}, minhash FROM articles a JOIN (
         SELECT l.article_id, min(b.band) AS band FROM unnest($1::int[]) WITH ORDINALITY AS b(bucket, band)
         JOIN article_lsh l ON l.band = b.band - 1 AND l.bucket = b.bucket GROUP BY l.article_id) m ON m.article_id = a.id
       WHERE a.language = $2 AND a.duplicate_of IS NULL AND a.minhash IS NOT NULL
       ORDER BY m.band, a.id`,
      [lshBuckets, language],
    )).rows;
    return rows.map((r) => ({ ...toCopyCandidate(r), minhash: signatureFromBuffer(r.minhash) }));
  }

  async findKeyPostings(keys: string[], window: DayWindow, perKey: number): Promise<Map<string, string[]>> {
    const postings = new Map<string, string[]>(keys.map((k) => [k, []]));
    if (keys.length === 0) return postings;
    // One round trip for every key: per key, the window's range scan then the undated ones.
    const rows = (await this.db.query<{ key: string; article_id: string }>(
      `SELECT k.key, p.article_id FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n)
       CROSS JOIN LATERAL (
         (SELECT article_id, 0 AS part, day FROM article_keys WHERE key = k.key AND day BETWEEN $2 AND $3 ORDER BY day DESC, article_id DESC LIMIT $4)
         UNION ALL
         (SELECT article_id, 1, day FROM article_keys WHERE key = k.key AND day = ${NO_DAY} ORDER BY article_id LIMIT $4)) p
       ORDER BY k.n, p.part, p.day DESC, CASE WHEN p.part = 0 THEN p.article_id END DESC, p.article_id`,
      [keys, window.fromDay, window.toDay, perKey],
    )).rows;
    for (const r of rows) postings.get(r.key)!.push(r.article_id);
    return postings;
  }

  /**
   * No cache of candidates here (the SQLite store keeps one): another process's merge changes their
   * story ids, and one read per call costs less than asking whether anything moved.
   */
  async getCandidates(ids: string[]): Promise<ClusterCandidate[]> {
    if (ids.length === 0) return [];
    const rows = (await this.db.query<{ id: string; title: string; story_id: string | null; event_id: string | null; features: ArticleFeatures | null }>(
      'SELECT id, title, story_id, event_id, features FROM articles WHERE id = ANY($1) AND duplicate_of IS NULL',
      [ids],
    )).rows;
    const byId = new Map<string, ClusterCandidate>();
    // Rows without features wait for backfillFeatures.
    for (const r of rows) if (r.story_id && r.features) byId.set(r.id, { id: r.id, title: r.title, storyId: r.story_id, eventId: r.event_id, features: r.features });
    return ids.map((id) => byId.get(id)).filter((c): c is ClusterCandidate => c !== undefined);
  }

  async articlesWithoutFeatures(limit: number): Promise<StoredArticle[]> {
    return (await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE features IS NULL ORDER BY seq LIMIT $1`, [limit])).rows.map(toArticle);
  }

  async setFeatures(id: string, features: ArticleFeatures): Promise<void> {
    await this.exclusive(() => this.db.query('UPDATE articles SET features = $2 WHERE id = $1', [id, JSON.stringify(features)]));
  }

  async corpusStats(): Promise<CorpusStats> {
    const db = this.db;
    let stats = this.stats;
    if (stats) {
      const seqs = (await db.query<{ seq: number }>('SELECT seq FROM articles WHERE seq > $1 ORDER BY seq', [stats.through - LOOKBACK])).rows;
      const fresh = seqs.map((r) => r.seq).filter((seq) => !stats!.counted.has(seq));
      for (const seq of fresh) stats.counted.add(seq);
      stats.articleCount += fresh.length;
      stats.othersSince += fresh.length;
      advance(stats, seqs.at(-1)?.seq ?? stats.through);
      if (fresh.length) await this.followOthers(db, stats, fresh);
      if (stats.othersSince > staleBound(stats.articleCount)) stats = null;
    }
    if (!stats) this.stats = stats = await this.loadStats(db);
    return { articleCount: stats.articleCount, entityFrequency: stats.entity, termFrequency: stats.term };
  }

  /**
   * The frequencies other processes' new articles change, without a reload: their entities counted
   * in, and their terms' document frequencies read again (their retrieval keys must not look unseen,
   * or a worker could not find a related article another worker has just stored). Only the derived
   * skeleton keys of their terms wait for the reload.
   */
  private async followOthers(db: Db, stats: Stats, seqs: number[]): Promise<void> {
    const rows = (await db.query<{ kind: 'e' | 't'; k: string; n: number }>(
      `WITH fresh AS (SELECT id, features FROM articles WHERE seq = ANY($1))
       SELECT 'e' AS kind, e.entity AS k, count(*) AS n FROM article_entities e JOIN fresh f ON f.id = e.article_id GROUP BY e.entity
       UNION ALL
       SELECT 't', t.term, t.df FROM term_stats t WHERE t.term IN (
         SELECT jsonb_array_elements_text(f.features -> 'terms') FROM fresh f
         UNION SELECT jsonb_array_elements_text(f.features -> 'titleTerms') FROM fresh f)`,
      [seqs],
    )).rows;
    const pending = this.batch?.pendingTermDf;
    for (const r of rows) {
      if (r.kind === 'e') stats.entity.set(r.k, (stats.entity.get(r.k) ?? 0) + r.n);
      else stats.term.set(r.k, r.n + (pending?.get(r.k) ?? 0));
    }
  }

  /** The statistics in one statement, so one snapshot: the count, the frequencies and the last seqs agree. */
  private async loadStats(db: Db): Promise<Stats> {
    const rows = (await db.query<{ kind: 'c' | 'e' | 't' | 's'; k: string | null; n: number }>(
      `SELECT 'c' AS kind, NULL AS k, count(*) AS n FROM articles
       UNION ALL SELECT 'e', entity, count(*) FROM article_entities GROUP BY entity
       UNION ALL SELECT 't', term, df FROM term_stats
       UNION ALL (SELECT 's', NULL, seq FROM articles ORDER BY seq DESC LIMIT ${LOOKBACK})`,
    )).rows;
    const stats: Stats = { articleCount: 0, entity: new Map(), term: new Map(), through: 0, counted: new Set(), othersSince: 0 };
    for (const r of rows) {
      if (r.kind === 'c') stats.articleCount = r.n;
      else if (r.kind === 's') {
        stats.counted.add(r.n);
        stats.through = Math.max(stats.through, r.n);
      } else (r.kind === 'e' ? stats.entity : stats.term).set(r.k!, r.n);
    }
    // An open batch's articles are visible to its connection; their term counts are not written yet.
    for (const [t, n] of this.batch?.pendingTermDf ?? []) stats.term.set(t, (stats.term.get(t) ?? 0) + n);
    return stats;
  }

  addArticle(article: StoredArticle, options: AddArticleOptions): Promise<void> {
    return this.exclusive(async () => {
      const terms = new Set(options.index.documentTerms);
      let seq = 0;
      const batch = this.batch;
      if (batch) {
        // All or nothing within the batch: a failing article rolls back to its savepoint, the batch goes on.
        await batch.client.query('SAVEPOINT article');
        try {
          seq = await this.writeArticle(batch.client, article, options, null);
          await batch.client.query('RELEASE SAVEPOINT article');
        } catch (err) {
          await batch.client.query('ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article').catch(() => {});
          throw await this.existing(batch.client, article, err);
        }
        for (const t of terms) batch.pendingTermDf.set(t, (batch.pendingTermDf.get(t) ?? 0) + 1);
      } else {
        try {
          await this.transaction(async (client) => {
            seq = await this.writeArticle(client, article, options, terms);
          });
        } catch (err) {
          throw await this.existing(this.pool, article, err);
        }
      }
      // Written (committed, or in the batch): the statistics follow.
      if (this.stats) {
        this.stats.counted.add(seq);
        advance(this.stats, seq);
        this.stats.articleCount++;
        for (const e of new Set(article.entities.map((x) => x.name))) this.stats.entity.set(e, (this.stats.entity.get(e) ?? 0) + 1);
        for (const t of terms) this.stats.term.set(t, (this.stats.term.get(t) ?? 0) + 1);
      }
    });
  }

  /**
   * A unique violation on a write whose identity is now stored (another process stored the same
   * article first) as ArticleExistsError; any other error as it is. The article's id and its new
   * story's id derive from the identity too, so their violations count when the identity is there.
   */
  private async existing(db: Db, article: StoredArticle, err: unknown): Promise<unknown> {
    if (!isUniqueViolation(err)) return err;
    const stored = await db.query('SELECT 1 FROM articles WHERE content_hash = $1', [article.contentHash]).catch(() => null);
    return stored?.rowCount ? new ArticleExistsError(article.contentHash, { cause: err }) : err;
  }

  /**
   * Placement serialised per key (the contract's withPlacement): the article's own transaction takes
   * a transaction-level advisory lock on each key's 64-bit hash, in sorted order, before `work` reads
   * anything. The story-row locks of addArticle come after, and term rows at commit, so every writer
   * takes locks in one global order. Inside an open batch (one process's ingest) no lock is taken:
   * its articles commit at its end, and a lock per key held that long would fill the server's lock
   * table (a few thousand entries) and stall every other writer.
   */
  async withPlacement<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    if (this.batch) return work();
    const locks = placementLocks(keys);
    for (let attempt = 1; ; attempt++) {
      await this.beginBatch();
      try {
        await this.batch!.client.query(LOCK_KEYS, [locks]);
        const result = await work();
        await this.commitBatch();
        return result;
      } catch (err) {
        await this.abandonBatch();
        if (!isTransactionConflict(err) || attempt >= PLACEMENT_ATTEMPTS) throw err;
        // The other transaction has gone on; a little jitter keeps two retries from meeting again.
        await sleep(5 + Math.random() * 20 * attempt);
      }
    }
  }

  /** Rolls back the open batch, if any: what memory followed of it is read back. */
  private async abandonBatch(): Promise<void> {
    await this.exclusive(async () => {
      const batch = this.batch;
      if (!batch) return;
      this.batch = null;
      this.stats = null;
      let broken = false;
      await batch.client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      batch.client.release(broken);
    });
  }

  /** Runs `work` in a transaction of its own on a pooled connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /** The article's rows, its story's and the date updates; `terms` counted now unless a batch counts them at commit. */
  private async writeArticle(db: pg.PoolClient, article: StoredArticle, options: AddArticleOptions, terms: Set<string> | null): Promise<number> {
    const now = article.ingestedAt;
    const storyId = article.storyId;
    const merged = options.mergeStoryIds ?? [];
    // The stories this write changes, locked in id order (no deadlock between two writers): a
    // concurrent write to one of them waits, so each summary refresh sees every committed article.
    const locked = [...(storyId && !options.newStory ? [storyId] : []), ...merged];
    const updatedIds = options.dateUpdates.map((u) => u.id);
    if (locked.length || updatedIds.length) {
      await db.query('SELECT id FROM stories WHERE id = ANY($1) OR id IN (SELECT story_id FROM articles WHERE id = ANY($2)) ORDER BY id FOR UPDATE', [locked, updatedIds]);
    }
    if (storyId) {
      if (options.newStory) await db.query('INSERT INTO stories (id, created_at, updated_at) VALUES ($1, $2, $2)', [storyId, now]);
      else await db.query('UPDATE stories SET updated_at = $2 WHERE id = $1', [storyId, now]);
      if (merged.length) await mergeStories(db, merged, storyId, now);
    }
    const day = epochDay(article.published?.start);
    const search = searchRow(article);
    const dated = datedDays(article.dates);
    // The article and its index rows in one statement (foreign keys are checked at its end); its seq back.
    const { seq } = (await db.query<{ seq: number }>(
      `WITH a AS (
         INSERT INTO articles (id, content_hash, external_id, origin, path, url, title, text, source, language, language_confidence,
           published, published_end, published_precision, published_source, story_id, duplicate_of, ingested_at, analysis,
           text_hash, source_key, event_id, published_day, minhash, placement, features)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)
         RETURNING id, seq),
       k AS (INSERT INTO article_keys (key, day, article_id) SELECT DISTINCT x.key, $27::int, a.id FROM a, unnest($28::text[]) AS x(key) ON CONFLICT DO NOTHING),
       l AS (INSERT INTO article_lsh (band, bucket, article_id) SELECT x.band - 1, x.bucket, a.id FROM a, unnest($29::int[]) WITH ORDINALITY AS x(bucket, band) ON CONFLICT DO NOTHING),
       s AS (INSERT INTO article_search (seq, document) SELECT a.seq, article_search_document($30, $31, $32) FROM a),
       d AS (INSERT INTO article_dates (article_id, start, "end") SELECT a.id, x.start, x.stop FROM a, unnest($33::text[], $34::text[]) AS x(start, stop) ON CONFLICT DO NOTHING),
       e AS (INSERT INTO article_entities (article_id, entity, type, mentions) SELECT a.id, x.entity, x.type, x.mentions FROM a, unnest($35::text[], $36::text[], $37::int[]) AS x(entity, type, mentions))
       SELECT seq FROM a`,
      [
        article.id,
        article.contentHash,
        article.suppliedId ?? null,
        article.origin,
        article.path ?? null,
        article.url ?? null,
        article.title,
        article.text,
        article.source,
        article.language,
        article.languageConfidence,
        article.published?.start ?? null,
        article.published?.end ?? null,
        article.published?.precision ?? null,
        article.publishedSource,
        storyId,
        article.duplicateOf,
        article.ingestedAt,
        JSON.stringify(analysisOf(article)),
        article.textHash,
        options.index.sourceKey,
        article.eventId,
        day,
        signatureToBuffer(options.index.minhash),
        article.placement ? JSON.stringify(article.placement) : null,
        JSON.stringify(options.index.features),
        day ?? NO_DAY,
        options.index.keys,
        // Copies are not near-duplicate candidates.
        article.duplicateOf ? [] : options.index.lshBuckets,
        search.title,
        search.body,
        search.names,
        dated.map((d) => d.start),
        dated.map((d) => d.end),
        article.entities.map((e) => e.name),
        article.entities.map((e) => e.type),
        article.entities.map((e) => e.mentions),
      ],
    )).rows[0]!;
    // The URLs it is stored under are known pages from now on (live-store.ts).
    const fetchedAt = isoTime(article.ingestedAt);
    await live.recordPageUrls(
      db,
      distinct([article.url, article.canonicalUrl]).map((url) => ({ url, articleId: article.id, outcome: 'stored', reason: null, failures: 0, fetchedAt })),
    );
    if (terms) await addTermFrequencies(db, Array.from(terms, (t) => [t, 1] as const));
    // The summaries of the stories the write changed: its own, and any a date update reached (their
    // title undecided again, as the SQLite store leaves it).
    const updatedStories = new Set<string>();
    for (const update of options.dateUpdates) {
      const story = await applyDateUpdate(db, update);
      if (story) updatedStories.add(story);
    }
    if (storyId && !(countsAlone(options) && (await addSummaryMember(db, storyId, article.id, options.opensEvent!, options.storyTitle)))) {
      await refreshSummary(db, storyId, options.storyTitle);
    }
    for (const story of updatedStories) if (story !== storyId) await refreshSummary(db, story, undefined);
    return seq;
  }

  async beginBatch(): Promise<void> {
    await this.exclusive(async () => {
      if (this.batch) return;
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
      } catch (err) {
        client.release(true);
        throw err;
      }
      this.batch = { client, pendingTermDf: new Map() };
    });
  }

  async commitBatch(): Promise<void> {
    await this.exclusive(async () => {
      const batch = this.batch;
      if (!batch) return;
      this.batch = null;
      let broken = false;
      try {
        await addTermFrequencies(batch.client, batch.pendingTermDf);
        // COMMIT of a transaction an error aborted (a failed read on the batch's connection) rolls
        // back without an error of its own: say so.
        const done = await batch.client.query('COMMIT');
        if (done.command !== 'COMMIT') throw new StoreError('PostgreSQL rolled the batch back: a statement in it had failed', false);
      } catch (err) {
        await batch.client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        // What is in memory followed articles that are now lost: read it back.
        this.stats = null;
        throw err;
      } finally {
        batch.client.release(broken);
      }
    });
  }

  async storyVersion(storyId: string): Promise<string | null> {
    // As SQLite's: the write time and the member count (every write of a story adds an article to it).
    const row = (await this.db.query<{ v: string }>("SELECT updated_at || '|' || (SELECT count(*) FROM articles WHERE story_id = stories.id) AS v FROM stories WHERE id = $1", [storyId])).rows[0];
    return row?.v ?? null;
  }

  async resolveStoryId(id: string): Promise<string | null> {
    const row = (await this.db.query<{ id: string | null }>(
      'SELECT COALESCE((SELECT id FROM stories WHERE id = $1), (SELECT to_id FROM story_redirects WHERE from_id = $1)) AS id',
      [id],
    )).rows[0];
    return row?.id ?? null;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = (await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id])).rows[0];
    return row ? toArticle(row) : null;
  }

  async listArticles(storyId?: string): Promise<StoredArticle[]> {
    const result = storyId
      ? await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = $1 ORDER BY seq`, [storyId])
      : await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY seq`);
    return result.rows.map(toArticle);
  }

  async listStoryIds(): Promise<string[]> {
    return (await this.db.query<{ id: string }>('SELECT id FROM stories ORDER BY updated_at DESC, id')).rows.map((r) => r.id);
  }

  async storyArticles(storyId: string): Promise<StoredArticle[]> {
    return this.listArticles(storyId);
  }

  async undatedArticles(storyId: string): Promise<StoredArticle[]> {
    return (await this.db.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = $1 AND published IS NULL AND jsonb_array_length(analysis -> 'unresolvedDates') > 0 ORDER BY seq`,
      [storyId],
    )).rows.map(toArticle);
  }

  async publishedDates(storyId: string): Promise<string[]> {
    return (await this.db.query<{ published: string }>(
      "SELECT published FROM articles WHERE story_id = $1 AND published IS NOT NULL AND published_source IS DISTINCT FROM 'story' ORDER BY seq",
      [storyId],
    )).rows.map((r) => r.published);
  }

  async close(): Promise<void> {
    try {
      await this.commitBatch();
    } finally {
      if (this.ownsPool) await this.pool.end();
    }
  }

  // --- Read queries for the HTTP API ---

  async listEntities(prefix: string, limit: number): Promise<EntityListing[]> {
    // SQLite's LIKE: the prefix literally, ASCII letters in either case (other letters as written).
    return (await this.db.query<EntityListing>(
      `SELECT entity AS name, min(type) AS type, count(DISTINCT article_id) AS articles, sum(mentions)::bigint AS mentions
       FROM article_entities WHERE translate(left(entity, char_length($1)), $3, $4) = translate($1, $3, $4)
       GROUP BY entity ORDER BY articles DESC, mentions DESC, name LIMIT $2`,
      [prefix, limit, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'],
    )).rows;
  }

  async findStorySummaries(query: StoryListQuery): Promise<StorySummaryRow[]> {
    return summaryPage(this.db, query);
  }

  async listStorySummaries(): Promise<StorySummaryRow[]> {
    return allSummaries(this.db);
  }

  async listLanguages(): Promise<LanguageListing[]> {
    return languageListing(this.db);
  }

  async listOutlets(prefix: string, limit: number): Promise<OutletListing[]> {
    return outletListing(this.db, prefix, limit);
  }

  async newestPublicationDate(): Promise<string | null> {
    return newestPublicationDate(this.db);
  }

  async storyPublicationDays(storyIds: string[]): Promise<Map<string, DayCount[]>> {
    return publicationDays(this.db, storyIds);
  }

  async storiesWithoutTitle(limit: number): Promise<Array<{ id: string; members: number }>> {
    return summariesWithoutTitle(this.db, limit);
  }

  async setStoryTitle(storyId: string, title: string): Promise<void> {
    await this.exclusive(() => setSummaryTitle(this.db, storyId, title));
  }

  // --- Live news (live-store.ts) ---

  /**
   * A live-news write: a transaction of its own, or inside an open batch a savepoint on the batch's
   * connection (a failing write rolls back alone, and the batch goes on, as a failing article does).
   */
  private write<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const batch = this.batch;
      if (!batch) return this.transaction(work);
      await batch.client.query('SAVEPOINT live');
      try {
        const result = await work(batch.client);
        await batch.client.query('RELEASE SAVEPOINT live');
        return result;
      } catch (err) {
        await batch.client.query('ROLLBACK TO SAVEPOINT live; RELEASE SAVEPOINT live').catch(() => {});
        throw err;
      }
    });
  }

  async addFeeds(urls: string[], addedAt: string): Promise<string[]> {
    return this.write((db) => live.addFeeds(db, urls, addedAt));
  }

  async removeFeeds(urls: string[]): Promise<number> {
    return this.write((db) => live.removeFeeds(db, urls));
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return live.listFeeds(this.db);
  }

  async dueFeeds(now: string): Promise<FeedRecord[]> {
    return live.dueFeeds(this.db, now);
  }

  async recordFeedCheck(check: FeedCheck): Promise<void> {
    await this.write((db) => live.recordFeedCheck(db, check));
  }

  async knownPageUrls(urls: string[], maxFailures: number): Promise<Set<string>> {
    return live.knownPageUrls(this.db, urls, maxFailures);
  }

  async recordPageFetch(record: PageFetchRecord): Promise<void> {
    await this.write((db) => live.recordPageFetch(db, record));
  }

  async createAlert(alert: NewAlert): Promise<void> {
    await this.write((db) => live.createAlert(db, alert));
  }

  async listAlerts(): Promise<AlertRecord[]> {
    return live.listAlerts(this.db);
  }

  async getAlert(id: string): Promise<AlertRecord | null> {
    return live.getAlert(this.db, id);
  }

  async removeAlert(id: string): Promise<boolean> {
    return this.write((db) => live.removeAlert(db, id));
  }

  async recordAlertMatches(matches: AlertMatch[]): Promise<AlertMatch[]> {
    return this.write((db) => live.recordAlertMatches(db, matches));
  }

  async alertMatches(alertId: string, limit: number): Promise<AlertMatchView[]> {
    return live.alertMatches(this.db, alertId, limit);
  }

  async dueDeliveries(now: string, limit: number): Promise<AlertDelivery[]> {
    return live.dueDeliveries(this.db, now, limit);
  }

  async recordDeliveryAttempt(attempt: DeliveryAttempt): Promise<void> {
    await this.write((db) => live.recordDeliveryAttempt(db, attempt));
  }

  async alertDeliveries(alertId: string, limit: number): Promise<AlertDelivery[]> {
    return live.alertDeliveries(this.db, alertId, limit);
  }

  // --- Selections (topic timelines) ---

  async findArticles(query: ArticleQuery): Promise<StoredArticle[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.storyId !== undefined) where.push(`story_id = ${param(query.storyId)}`);
    if (query.words?.length) {
      const match = wordsTsquery(query.words);
      if (match === null) return [];
      where.push(`seq IN (SELECT seq FROM article_search WHERE document @@ to_tsquery('simple', ${param(match)}))`);
    }
    if (query.entities) where.push(`id IN (SELECT article_id FROM article_entities WHERE entity = ANY(${param(query.entities)}))`);
    if (query.from !== undefined || query.to !== undefined) {
      const from = param(query.from ?? '0000-01-01');
      const to = param(query.to ?? '9999-12-31');
      // A publication date at month or year precision covers its whole month or year.
      where.push(`((published <= ${to} AND COALESCE(published_end, CASE published_precision WHEN 'year' THEN substr(published, 1, 4) || '-12-31'
          WHEN 'month' THEN substr(published, 1, 7) || '-31' ELSE published END) >= ${from})
        OR id IN (SELECT article_id FROM article_dates WHERE start <= ${to} AND "end" >= ${from}))`);
    }
    const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`;
    return (await this.db.query<ArticleRow>(sql, params)).rows.map(toArticle);
  }

  async findEntityNames(name: string): Promise<string[]> {
    const match = nameTsquery(name.trim());
    if (match === null) return [];
    const wanted = foldText(name.trim());
    // The entities of the first articles naming it, with how many articles report each.
    const rows = (await this.db.query<{ entities: Analysis['entities'] }>(
      `SELECT analysis -> 'entities' AS entities FROM articles
       WHERE seq IN (SELECT seq FROM article_search WHERE document @@ to_tsquery('simple', $1) ORDER BY seq LIMIT ${ALIAS_ARTICLES})`,
      [match],
    )).rows;
    const found = new Set<string>();
    for (const r of rows) {
      for (const e of r.entities ?? []) if ([e.name, ...e.aliases].some((n) => foldText(n) === wanted)) found.add(e.name);
    }
    if (found.size <= 1) return [...found];
    const counts = new Map(
      (await this.db.query<{ entity: string; n: number }>('SELECT entity, count(*) AS n FROM article_entities WHERE entity = ANY($1) GROUP BY entity', [[...found]])).rows.map((r) => [r.entity, r.n]),
    );
    return [...found].map((n) => [n, counts.get(n) ?? 0] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  }
}

/** Raises `through` to `seq`, forgetting counted seqs no check looks back to any more. */
function advance(stats: Stats, seq: number): void {
  if (seq <= stats.through) return;
  stats.through = seq;
  for (const s of stats.counted) if (s <= seq - LOOKBACK) stats.counted.delete(s);
}

/** One advisory lock per key, taken in the order given (a function scan runs in array order). */
const LOCK_KEYS = 'SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k';

/** The keys' 64-bit lock ids, distinct and sorted: one order for every writer. */
function placementLocks(keys: string[]): string[] {
  const ids = new Set(keys.map((k) => createHash('sha256').update(`storyline placement\u0000${k}`).digest().readBigInt64BE(0)));
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}

/** Moves the merged stories' articles into `into`, redirects their ids (and earlier redirects to them) there. */
async function mergeStories(db: pg.PoolClient, from: string[], into: string, now: string): Promise<void> {
  await db.query('UPDATE articles SET story_id = $2 WHERE story_id = ANY($1)', [from, into]);
  await db.query('UPDATE story_redirects SET to_id = $2 WHERE to_id = ANY($1)', [from, into]);
  await db.query('INSERT INTO story_redirects (from_id, to_id, merged_at) SELECT f, $2, $3 FROM unnest($1::text[]) AS f', [from, into, now]);
  await db.query('DELETE FROM stories WHERE id = ANY($1)', [from]);
}

/**
 * Upserts document frequencies, terms in sorted order: two writers upserting the same terms lock
 * their rows in the same order, so they wait for each other instead of deadlocking.
 */
async function addTermFrequencies(db: pg.PoolClient, counts: Iterable<readonly [string, number]>): Promise<void> {
  const sorted = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (sorted.length === 0) return;
  await db.query(
    `INSERT INTO term_stats (term, df) SELECT t, n FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS x(t, n, o) ORDER BY o
     ON CONFLICT (term) DO UPDATE SET df = term_stats.df + excluded.df`,
    [sorted.map(([t]) => t), sorted.map(([, n]) => n)],
  );
}

/** The new date of a stored article and its index rows; returns its story (null when no such article). */
async function applyDateUpdate(db: pg.PoolClient, update: DateUpdate): Promise<string | null> {
  const day = epochDay(update.published.start);
  const row = (await db.query<{ story_id: string | null }>(
    `UPDATE articles SET published = $2, published_end = $3, published_precision = $4, published_source = $5, published_day = $6,
       analysis = analysis || jsonb_build_object('dates', $7::jsonb, 'unresolvedDates', $8::jsonb), features = $9
     WHERE id = $1 RETURNING story_id`,
    [
      update.id,
      update.published.start,
      update.published.end ?? null,
      update.published.precision,
      update.publishedSource,
      day,
      JSON.stringify(update.dates),
      JSON.stringify(update.unresolvedDates),
      JSON.stringify(update.features),
    ],
  )).rows[0];
  if (!row) return null;
  const dated = datedDays(update.dates);
  await db.query(
    `WITH k AS (UPDATE article_keys SET day = $2 WHERE article_id = $1),
     gone AS (DELETE FROM article_dates WHERE article_id = $1 AND (start, "end") NOT IN (SELECT * FROM unnest($3::text[], $4::text[])))
     INSERT INTO article_dates (article_id, start, "end") SELECT $1, s, e FROM unnest($3::text[], $4::text[]) AS x(s, e) ON CONFLICT DO NOTHING`,
    [update.id, day ?? NO_DAY, dated.map((d) => d.start), dated.map((d) => d.end)],
  );
  return row.story_id;
}

const toArticle = articleFromRecord;
