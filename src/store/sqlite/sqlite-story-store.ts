// StoryStore on an embedded SQLite file (better-sqlite3), WAL journal, one transaction per article.
import Database from 'better-sqlite3';
import { ArticleExistsError, StoreError, type ArticleFeatures, type DateMention, type DayCount, type Placement, type StoredArticle } from '../../domain/index.js';
import { signatureFromBuffer, signatureToBuffer } from '../../dedup/index.js';
import { epochDay } from '../../time/index.js';
import { foldText } from '../../lib/data-files.js';
import { countsAlone, type AddArticleOptions, type ArticleQuery, type ClusterCandidate, type CopyCandidate, type CorpusStats, type DateUpdate, type DayWindow, type EntityListing, type LanguageListing, type OutletListing, type StoryListQuery, type StoryStore, type StorySummaryRow } from '../story-store.js';
import { ALIAS_ARTICLES, datedDays, nameQuery, searchRow, wordsQuery } from './article-search.js';
import { CandidateCache } from './candidate-cache.js';
import { MIGRATIONS } from './migrations.js';
import { StorySummaries } from './story-summaries.js';
import { isUniqueViolation } from '../store-error.js';
import { analysisOf, articleFromRecord, toCopyCandidate, type Analysis, type ArticleRecord, type CopyRow } from '../article-rows.js';
import type { AlertDelivery, AlertMatch, AlertMatchView, AlertRecord, DeliveryAttempt, FeedCheck, FeedRecord, NewAlert, PageFetchRecord } from '../live-store.js';
import { distinct, isoTime } from '../live-rows.js';
import * as live from './live-tables.js';

/** An articles row as better-sqlite3 reads it: the JSON columns as text. */
type ArticleRow = Omit<ArticleRecord, 'analysis' | 'placement'> & { analysis: string; placement: string | null };

/** Unknown publication day in the key index. */
const NO_DAY = -1;

export class SqliteStoryStore implements StoryStore {
  private readonly db: Database.Database;
  /** Corpus statistics in memory, read once at first use and kept current by addArticle. */
  private stats: { articleCount: number; entity: Map<string, number>; term: Map<string, number> } | null = null;
  private readonly candidates = new CandidateCache();
  /** Prepared statements by SQL text: an ingest runs the same few dozen per article, and preparing was 3% of its time. */
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * Within a batch, the document frequencies its articles add, written once per term when the batch
   * commits (in its transaction): per article, a few hundred upserts were a fifth of an ingest.
   */
  private pendingTermDf: Map<string, number> | null = null;
  private readonly summaries = new StorySummaries((sql) => this.statement(sql));
  /** SQLite's data_version when the caches above were last known current: it moves when another connection commits. */
  private dataVersion = -1;

  constructor(path: string) {
    this.db = new Database(path);
    // First: every later statement, the journal mode's too, waits for another process's lock.
    // Long enough for another process's batch (at most about a second of writes) to commit.
    this.db.pragma('busy_timeout = 30000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  /**
   * Another process writing the same file (a second `ingest`, a server beside an ingest) makes the
   * in-memory statistics and candidates stale: drop them when its commits show in data_version.
   */
  private forgetOthersWrites(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.stats = null;
    this.candidates.clear();
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = () => new Set(this.statement('SELECT version FROM schema_migrations').pluck().all() as number[]);
    if (MIGRATIONS.every((m) => applied().has(m.version))) return;
    // Under the write lock (IMMEDIATE), and the versions read again under it: a second process
    // starting at the same moment waits, then finds the migrations applied.
    this.db.transaction(() => {
      const done = applied();
      for (const migration of MIGRATIONS) {
        if (done.has(migration.version)) continue;
        this.db.exec(migration.sql);
        this.statement('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
      }
    }).immediate();
  }

  async hasContentHash(hash: string): Promise<boolean> {
    return this.statement('SELECT 1 FROM articles WHERE content_hash = ?').get(hash) !== undefined;
  }

  async findByTextHash(textHash: string): Promise<CopyCandidate[]> {
    const rows = this
      .statement('SELECT id, story_id, event_id, duplicate_of, source_key, origin, language FROM articles WHERE text_hash = ? ORDER BY seq')
      .all(textHash) as CopyRow[];
    return rows.map(toCopyCandidate);
  }

  async findNearDuplicates(lshBuckets: number[], language: string): Promise<Array<CopyCandidate & { minhash: Uint32Array }>> {
    const lookup = this.statement('SELECT article_id FROM article_lsh WHERE band = ? AND bucket = ?').pluck();
    const ids = new Set<string>();
    lshBuckets.forEach((bucket, band) => {
      for (const id of lookup.all(band, bucket) as string[]) ids.add(id);
    });
    if (ids.size === 0) return [];
    const row = this.statement(
      'SELECT id, story_id, event_id, duplicate_of, source_key, origin, language, minhash FROM articles WHERE id = ? AND language = ? AND duplicate_of IS NULL AND minhash IS NOT NULL',
    );
    const out: Array<CopyCandidate & { minhash: Uint32Array }> = [];
    for (const id of ids) {
      const r = row.get(id, language) as (CopyRow & { minhash: Buffer }) | undefined;
      if (r) out.push({ ...toCopyCandidate(r), minhash: signatureFromBuffer(r.minhash) });
    }
    return out;
  }

  async findKeyPostings(keys: string[], window: DayWindow, perKey: number): Promise<Map<string, string[]>> {
    const inWindow = this.statement('SELECT article_id FROM article_keys WHERE key = ? AND day BETWEEN ? AND ? ORDER BY day DESC LIMIT ?').pluck();
    const undated = this.statement(`SELECT article_id FROM article_keys WHERE key = ? AND day = ${NO_DAY} LIMIT ?`).pluck();
    const postings = new Map<string, string[]>();
    for (const key of keys) postings.set(key, [...(inWindow.all(key, window.fromDay, window.toDay, perKey) as string[]), ...(undated.all(key, perKey) as string[])]);
    return postings;
  }

  async getCandidates(ids: string[]): Promise<ClusterCandidate[]> {
    this.forgetOthersWrites();
    return ids.map((id) => this.candidate(id)).filter((c): c is ClusterCandidate => c !== null);
  }

  private candidate(id: string): ClusterCandidate | null {
    const cached = this.candidates.get(id);
    if (cached) return cached;
    const row = this.statement('SELECT id, title, story_id, event_id, features FROM articles WHERE id = ? AND duplicate_of IS NULL').get(id) as
      | { id: string; title: string; story_id: string | null; event_id: string | null; features: string | null }
      | undefined;
    // Rows without features wait for backfillFeatures (run before every ingest).
    if (!row?.story_id || !row.features) return null;
    const candidate: ClusterCandidate = { id: row.id, title: row.title, storyId: row.story_id, eventId: row.event_id, features: JSON.parse(row.features) as ArticleFeatures };
    this.candidates.set(id, candidate);
    return candidate;
  }

  async articlesWithoutFeatures(limit: number): Promise<StoredArticle[]> {
    return (this.statement('SELECT * FROM articles WHERE features IS NULL ORDER BY seq LIMIT ?').all(limit) as ArticleRow[]).map(toArticle);
  }

  async setFeatures(id: string, features: ArticleFeatures): Promise<void> {
    this.statement('UPDATE articles SET features = ? WHERE id = ?').run(JSON.stringify(features), id);
    this.candidates.delete(id);
  }

  async corpusStats(): Promise<CorpusStats> {
    this.forgetOthersWrites();
    const stats = this.loadStats();
    return { articleCount: stats.articleCount, entityFrequency: stats.entity, termFrequency: stats.term };
  }

  private loadStats(): NonNullable<SqliteStoryStore['stats']> {
    if (!this.stats) {
      const entity = new Map<string, number>();
      for (const r of this.statement('SELECT entity AS k, COUNT(*) AS n FROM article_entities GROUP BY entity').iterate() as Iterable<{ k: string; n: number }>) entity.set(r.k, r.n);
      const term = new Map<string, number>();
      for (const r of this.statement('SELECT term AS k, df AS n FROM term_stats').iterate() as Iterable<{ k: string; n: number }>) term.set(r.k, r.n);
      // An open batch's articles are in the file already; their term counts not yet.
      for (const [t, n] of this.pendingTermDf ?? []) term.set(t, (term.get(t) ?? 0) + n);
      this.stats = { articleCount: this.statement('SELECT COUNT(*) FROM articles').pluck().get() as number, entity, term };
    }
    return this.stats;
  }

  async withPlacement<T>(_keys: string[], work: () => Promise<T>): Promise<T> {
    // One writer per file: a batch holds the write lock from its start (beginBatch), so no other
    // process's placement interleaves with this one's look-ups and write.
    return work();
  }

  async addArticle(article: StoredArticle, options: AddArticleOptions): Promise<void> {
    try {
      this.writeArticle(article, options);
    } catch (err) {
      // The same identity stored already (by another process since the look-up, or a second add).
      if (isUniqueViolation(err) && this.statement('SELECT 1 FROM articles WHERE content_hash = ?').get(article.contentHash)) {
        throw new ArticleExistsError(article.contentHash, { cause: err });
      }
      throw err;
    }
  }

  private writeArticle(article: StoredArticle, options: AddArticleOptions): void {
    const now = article.ingestedAt;
    const terms = new Set(options.index.documentTerms);
    const day = epochDay(article.published?.start);
    this.db.transaction(() => {
      if (article.storyId) {
        if (options.newStory) {
          this.statement('INSERT INTO stories (id, created_at, updated_at) VALUES (?, ?, ?)').run(article.storyId, now, now);
        } else {
          this.statement('UPDATE stories SET updated_at = ? WHERE id = ?').run(now, article.storyId);
        }
        for (const from of options.mergeStoryIds ?? []) this.mergeStory(from, article.storyId, now);
      }
      const seq = (this.statement('SELECT COALESCE(MAX(seq), 0) + 1 FROM articles').pluck().get() as number) ?? 1;
      this
        .statement(
          `INSERT INTO articles (id, content_hash, external_id, origin, path, url, title, text, source, language, language_confidence,
             published, published_end, published_precision, published_source, story_id, duplicate_of, ingested_at, seq, analysis,
             text_hash, source_key, event_id, published_day, minhash, placement, features)
           VALUES (@id, @contentHash, @externalId, @origin, @path, @url, @title, @text, @source, @language, @languageConfidence,
             @published, @publishedEnd, @publishedPrecision, @publishedSource, @storyId, @duplicateOf, @ingestedAt, @seq, @analysis,
             @textHash, @sourceKey, @eventId, @publishedDay, @minhash, @placement, @features)`,
        )
        .run({
          id: article.id,
          contentHash: article.contentHash,
          externalId: article.suppliedId ?? null,
          origin: article.origin,
          path: article.path ?? null,
          url: article.url ?? null,
          title: article.title,
          text: article.text,
          source: article.source,
          language: article.language,
          languageConfidence: article.languageConfidence,
          published: article.published?.start ?? null,
          publishedEnd: article.published?.end ?? null,
          publishedPrecision: article.published?.precision ?? null,
          publishedSource: article.publishedSource,
          storyId: article.storyId,
          duplicateOf: article.duplicateOf,
          ingestedAt: article.ingestedAt,
          seq,
          analysis: JSON.stringify(analysisOf(article)),
          textHash: article.textHash,
          sourceKey: options.index.sourceKey,
          eventId: article.eventId,
          publishedDay: day,
          minhash: signatureToBuffer(options.index.minhash),
          placement: article.placement ? JSON.stringify(article.placement) : null,
          features: JSON.stringify(options.index.features),
        });
      const keyInsert = this.statement('INSERT OR IGNORE INTO article_keys (key, day, article_id) VALUES (?, ?, ?)');
      for (const key of new Set(options.index.keys)) keyInsert.run(key, day ?? NO_DAY, article.id);
      if (!article.duplicateOf) {
        const lshInsert = this.statement('INSERT OR IGNORE INTO article_lsh (band, bucket, article_id) VALUES (?, ?, ?)');
        options.index.lshBuckets.forEach((bucket, band) => lshInsert.run(band, bucket, article.id));
      }
      this.statement('INSERT INTO article_search (rowid, title, body, names) VALUES (@seq, @title, @body, @names)').run({ seq, ...searchRow(article) });
      this.setDatedDays(article.id, article.dates);
      const entityInsert = this.statement('INSERT INTO article_entities (article_id, entity, type, mentions) VALUES (?, ?, ?, ?)');
      for (const e of article.entities) entityInsert.run(article.id, e.name, e.type, e.mentions);
      // The URLs it is stored under are known pages from now on (live-store.ts).
      const fetchedAt = isoTime(article.ingestedAt);
      live.recordPageUrls(
        (sql) => this.statement(sql),
        distinct([article.url, article.canonicalUrl]).map((url) => ({ url, articleId: article.id, outcome: 'stored', reason: null, failures: 0, fetchedAt })),
      );
      if (!this.pendingTermDf) this.addTermFrequencies(Array.from(terms, (t) => [t, 1] as const));
      for (const update of options.dateUpdates) this.applyDateUpdate(update, article.id === update.id ? article : null);
      // The summaries of the stories the write changed, in its transaction: its own (merged stories
      // are gone with their rows) and any a date update reached.
      if (article.storyId && !(countsAlone(options) && this.summaries.addMember(article.storyId, article.id, options.opensEvent!, options.storyTitle))) {
        this.summaries.refresh(article.storyId, options.storyTitle);
      }
      const storyOf = this.statement('SELECT story_id FROM articles WHERE id = ?').pluck();
      const updated = new Set(options.dateUpdates.map((u) => storyOf.get(u.id) as string | null));
      for (const storyId of updated) if (storyId && storyId !== article.storyId) this.summaries.refresh(storyId, undefined);
    })();
    // Committed: the statistics and the candidate cache follow.
    if (this.pendingTermDf) for (const t of terms) this.pendingTermDf.set(t, (this.pendingTermDf.get(t) ?? 0) + 1);
    if (this.stats) {
      this.stats.articleCount++;
      for (const e of new Set(article.entities.map((x) => x.name))) this.stats.entity.set(e, (this.stats.entity.get(e) ?? 0) + 1);
      for (const t of terms) this.stats.term.set(t, (this.stats.term.get(t) ?? 0) + 1);
    }
    for (const from of options.mergeStoryIds ?? []) this.candidates.moveStory(from, article.storyId!);
    for (const update of options.dateUpdates) this.candidates.delete(update.id);
  }

  async beginBatch(): Promise<void> {
    // Each article's own transaction becomes a savepoint inside this one: committing once per batch
    // writes each touched page to the WAL once, instead of once per article.
    if (this.db.inTransaction) return;
    // IMMEDIATE takes the file's write lock now: a second process writing the same file waits its
    // turn (busy_timeout) instead of reading a snapshot it could not write on (SQLITE_BUSY_SNAPSHOT),
    // and its candidate look-ups see the first one's committed articles.
    this.db.exec('BEGIN IMMEDIATE');
    this.pendingTermDf = new Map();
  }

  async commitBatch(): Promise<void> {
    if (!this.pendingTermDf) return;
    const pending = this.pendingTermDf;
    this.pendingTermDf = null;
    try {
      // SQLite rolls the whole transaction back itself after some errors (SQLITE_FULL, SQLITE_IOERR):
      // nothing of the batch is left, and its term counts must not be written on their own.
      if (!this.db.inTransaction) throw new StoreError('the database rolled the batch back after an error: none of it was stored', false);
      this.addTermFrequencies(pending);
      this.db.exec('COMMIT');
    } catch (err) {
      // What is in memory followed articles that are now lost: read it back from the file.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.stats = null;
      this.candidates.clear();
      throw err;
    }
  }

  private addTermFrequencies(counts: Iterable<readonly [string, number]>): void {
    const upsert = this.statement('INSERT INTO term_stats (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df');
    for (const [term, n] of counts) upsert.run(term, n);
  }

  private mergeStory(from: string, into: string, now: string): void {
    this.statement('UPDATE articles SET story_id = ? WHERE story_id = ?').run(into, from);
    // Earlier redirects to the merged story now lead to its successor.
    this.statement('UPDATE story_redirects SET to_id = ? WHERE to_id = ?').run(into, from);
    this.statement('INSERT INTO story_redirects (from_id, to_id, merged_at) VALUES (?, ?, ?)').run(from, into, now);
    this.statement('DELETE FROM stories WHERE id = ?').run(from);
  }

  async resolveStoryId(id: string): Promise<string | null> {
    if (this.statement('SELECT 1 FROM stories WHERE id = ?').get(id)) return id;
    return (this.statement('SELECT to_id FROM story_redirects WHERE from_id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  async storyVersion(storyId: string): Promise<string | null> {
    // The write time alone can repeat within a millisecond (or under a fixed clock): the member count with it cannot, as every write adds an article.
    return (this.statement("SELECT updated_at || '|' || (SELECT COUNT(*) FROM articles WHERE story_id = stories.id) FROM stories WHERE id = ?").pluck().get(storyId) as string | undefined) ?? null;
  }

  private applyDateUpdate(update: DateUpdate, justInserted: StoredArticle | null): void {
    const current = justInserted ?? this.readArticle(update.id);
    if (!current) return;
    const analysis = { ...analysisOf(current), dates: update.dates, unresolvedDates: update.unresolvedDates };
    this
      .statement('UPDATE articles SET published = ?, published_end = ?, published_precision = ?, published_source = ?, published_day = ?, analysis = ?, features = ? WHERE id = ?')
      .run(
        update.published.start,
        update.published.end ?? null,
        update.published.precision,
        update.publishedSource,
        epochDay(update.published.start),
        JSON.stringify(analysis),
        JSON.stringify(update.features),
        update.id,
      );
    this.statement('UPDATE article_keys SET day = ? WHERE article_id = ?').run(epochDay(update.published.start) ?? NO_DAY, update.id);
    this.setDatedDays(update.id, update.dates);
  }

  private setDatedDays(id: string, dates: DateMention[]): void {
    this.statement('DELETE FROM article_dates WHERE article_id = ?').run(id);
    const insert = this.statement('INSERT OR IGNORE INTO article_dates (article_id, start, end) VALUES (?, ?, ?)');
    for (const d of datedDays(dates)) insert.run(id, d.start, d.end);
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    return this.readArticle(id);
  }

  private readArticle(id: string): StoredArticle | null {
    const row = this.statement('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  async listArticles(storyId?: string): Promise<StoredArticle[]> {
    const rows = storyId
      ? (this.statement('SELECT * FROM articles WHERE story_id = ? ORDER BY seq').all(storyId) as ArticleRow[])
      : (this.statement('SELECT * FROM articles ORDER BY seq').all() as ArticleRow[]);
    return rows.map(toArticle);
  }

  async listStoryIds(): Promise<string[]> {
    return this.statement('SELECT id FROM stories ORDER BY updated_at DESC, id').pluck().all() as string[];
  }

  async storyArticles(storyId: string): Promise<StoredArticle[]> {
    return this.listArticles(storyId);
  }

  async undatedArticles(storyId: string): Promise<StoredArticle[]> {
    // Undated members with nothing to date are left in the file: a story of undated reports (a feed
    // without dates) would otherwise be read back whole at every article that joins it.
    return (
      this.statement("SELECT * FROM articles WHERE story_id = ? AND published IS NULL AND json_array_length(analysis, '$.unresolvedDates') > 0 ORDER BY seq").all(storyId) as ArticleRow[]
    ).map(toArticle);
  }

  async publishedDates(storyId: string): Promise<string[]> {
    return this
      .statement("SELECT published FROM articles WHERE story_id = ? AND published IS NOT NULL AND published_source IS NOT 'story' ORDER BY seq")
      .pluck()
      .all(storyId) as string[];
  }

  async close(): Promise<void> {
    await this.commitBatch();
    this.db.close();
  }

  // --- Read queries for the HTTP API ---

  async listEntities(prefix: string, limit: number): Promise<EntityListing[]> {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this
      .statement(
        `SELECT entity AS name, MIN(type) AS type, COUNT(DISTINCT article_id) AS articles, SUM(mentions) AS mentions
         FROM article_entities WHERE entity LIKE ? ESCAPE '\\'
         GROUP BY entity ORDER BY articles DESC, mentions DESC, name LIMIT ?`,
      )
      .all(pattern, limit) as EntityListing[];
  }

  async findStorySummaries(query: StoryListQuery): Promise<StorySummaryRow[]> {
    return this.summaries.page(query) ?? [];
  }

  async listStorySummaries(): Promise<StorySummaryRow[]> {
    return this.summaries.all();
  }

  async listLanguages(): Promise<LanguageListing[]> {
    return this.summaries.languages();
  }

  async listOutlets(prefix: string, limit: number): Promise<OutletListing[]> {
    return this.summaries.outlets(prefix, limit);
  }

  async newestPublicationDate(): Promise<string | null> {
    return this.summaries.newestPublicationDate();
  }

  async storyPublicationDays(storyIds: string[]): Promise<Map<string, DayCount[]>> {
    return this.summaries.publicationDays(storyIds);
  }

  async storiesWithoutTitle(limit: number): Promise<Array<{ id: string; members: number }>> {
    return this.summaries.withoutTitle(limit);
  }

  async setStoryTitle(storyId: string, title: string): Promise<void> {
    this.summaries.setTitle(storyId, title);
  }

  // --- Live news (live-store.ts): each write its own IMMEDIATE transaction, a savepoint inside an open batch ---

  private readonly sql = (sql: string) => this.statement(sql);

  private write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  async addFeeds(urls: string[], addedAt: string): Promise<string[]> {
    return this.write(() => live.addFeeds(this.sql, urls, addedAt));
  }

  async removeFeeds(urls: string[]): Promise<number> {
    return this.write(() => live.removeFeeds(this.sql, urls));
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return live.listFeeds(this.sql);
  }

  async dueFeeds(now: string): Promise<FeedRecord[]> {
    return live.dueFeeds(this.sql, now);
  }

  async recordFeedCheck(check: FeedCheck): Promise<void> {
    this.write(() => live.recordFeedCheck(this.sql, check));
  }

  async knownPageUrls(urls: string[], maxFailures: number): Promise<Set<string>> {
    return live.knownPageUrls(this.sql, urls, maxFailures);
  }

  async recordPageFetch(record: PageFetchRecord): Promise<void> {
    this.write(() => live.recordPageFetch(this.sql, record));
  }

  async createAlert(alert: NewAlert): Promise<void> {
    this.write(() => live.createAlert(this.sql, alert));
  }

  async listAlerts(): Promise<AlertRecord[]> {
    return live.listAlerts(this.sql);
  }

  async getAlert(id: string): Promise<AlertRecord | null> {
    return live.getAlert(this.sql, id);
  }

  async removeAlert(id: string): Promise<boolean> {
    return this.write(() => live.removeAlert(this.sql, id));
  }

  async recordAlertMatches(matches: AlertMatch[]): Promise<AlertMatch[]> {
    return this.write(() => live.recordAlertMatches(this.sql, matches));
  }

  async alertMatches(alertId: string, limit: number): Promise<AlertMatchView[]> {
    return live.alertMatches(this.sql, alertId, limit);
  }

  async dueDeliveries(now: string, limit: number): Promise<AlertDelivery[]> {
    return live.dueDeliveries(this.sql, now, limit);
  }

  async recordDeliveryAttempt(attempt: DeliveryAttempt): Promise<void> {
    this.write(() => live.recordDeliveryAttempt(this.sql, attempt));
  }

  async alertDeliveries(alertId: string, limit: number): Promise<AlertDelivery[]> {
    return live.alertDeliveries(this.sql, alertId, limit);
  }

  // --- Selections (topic timelines) ---

  async findArticles(query: ArticleQuery): Promise<StoredArticle[]> {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (query.storyId !== undefined) {
      where.push('story_id = @storyId');
      params.storyId = query.storyId;
    }
    if (query.words?.length) {
      const match = wordsQuery(query.words);
      if (match === null) return [];
      where.push('seq IN (SELECT rowid FROM article_search WHERE article_search MATCH @match)');
      params.match = match;
    }
    if (query.entities) {
      where.push('id IN (SELECT article_id FROM article_entities WHERE entity IN (SELECT value FROM json_each(@entities)))');
      params.entities = JSON.stringify(query.entities);
    }
    if (query.from !== undefined || query.to !== undefined) {
      // A date overlaps the period when it starts by its end and ends from its start; a publication
      // date at month or year precision covers its whole month or year.
      where.push(`((published <= @to AND COALESCE(published_end, CASE published_precision WHEN 'year' THEN substr(published, 1, 4) || '-12-31'
          WHEN 'month' THEN substr(published, 1, 7) || '-31' ELSE published END) >= @from)
        OR id IN (SELECT article_id FROM article_dates WHERE start <= @to AND end >= @from))`);
      params.from = query.from ?? '0000-01-01';
      params.to = query.to ?? '9999-12-31';
    }
    const sql = `SELECT * FROM articles${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`;
    return (this.statement(sql).all(params) as ArticleRow[]).map(toArticle);
  }

  async findEntityNames(name: string): Promise<string[]> {
    const match = nameQuery(name.trim());
    if (match === null) return [];
    const wanted = foldText(name.trim());
    const found = new Set<string>();
    const analyses = this
      .statement(`SELECT analysis FROM articles WHERE seq IN (SELECT rowid FROM article_search WHERE article_search MATCH ? LIMIT ${ALIAS_ARTICLES})`)
      .pluck()
      .all(match) as string[];
    for (const analysis of analyses) {
      for (const e of (JSON.parse(analysis) as Pick<Analysis, 'entities'>).entities) {
        if ([e.name, ...e.aliases].some((n) => foldText(n) === wanted)) found.add(e.name);
      }
    }
    if (found.size <= 1) return [...found];
    const reported = this.statement('SELECT COUNT(*) FROM article_entities WHERE entity = ?').pluck();
    return [...found].map((n) => [n, reported.get(n) as number] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  }
}

function toArticle(row: ArticleRow): StoredArticle {
  return articleFromRecord({ ...row, analysis: JSON.parse(row.analysis) as Partial<Analysis>, placement: row.placement ? (JSON.parse(row.placement) as Placement) : null });
}
