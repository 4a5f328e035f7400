// StoryStore on an embedded SQLite file (better-sqlite3), WAL journal, one transaction per article.
import Database from 'better-sqlite3';
import type { DatePrecision, DateSignal, StoredArticle } from '../../domain/index.js';
import type { AddArticleOptions, CandidateQuery, CorpusStats, DateUpdate, EntityListing, StoryStore } from '../story-store.js';
import { MIGRATIONS } from './migrations.js';

interface ArticleRow {
  id: string;
  content_hash: string;
  external_id: string | null;
  origin: string;
  path: string | null;
  url: string | null;
  title: string;
  text: string;
  source: string | null;
  language: string;
  language_confidence: number;
  published: string | null;
  published_end: string | null;
  published_precision: DatePrecision | null;
  published_source: DateSignal | null;
  story_id: string | null;
  duplicate_of: string | null;
  ingested_at: string;
  analysis: string;
}

type Analysis = Pick<
  StoredArticle,
  'entities' | 'dates' | 'unresolvedDates' | 'terms' | 'quotes' | 'declaredLanguage' | 'chromeLanguage' | 'authors' | 'canonicalUrl' | 'imageUrl' | 'modified'
>;

/** SQLite caps bound parameters per statement; look-ups are chunked below it. */
const PARAM_CHUNK = 500;

export class SqliteStoryStore implements StoryStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
      })();
    }
  }

  hasContentHash(hash: string): boolean {
    return this.db.prepare('SELECT 1 FROM articles WHERE content_hash = ?').get(hash) !== undefined;
  }

  findCandidates(query: CandidateQuery): StoredArticle[] {
    if (query.entities.length === 0) return [];
    const usable = this.entityFrequencies(query.entities);
    const names = query.entities.filter((e) => (usable.get(e) ?? 0) <= query.maxEntityFrequency);
    if (names.length === 0) return [];
    const placeholders = names.map(() => '?').join(',');
    const rows = this.db
      .prepare(
        `SELECT a.* FROM articles a
         JOIN (SELECT article_id, COUNT(*) AS shared FROM article_entities WHERE entity IN (${placeholders}) GROUP BY article_id) s
           ON s.article_id = a.id
         WHERE a.duplicate_of IS NULL
         ORDER BY s.shared DESC, a.seq DESC LIMIT ?`,
      )
      .all(...names, query.limit) as ArticleRow[];
    return rows.map(toArticle);
  }

  corpusStats(entities: string[], terms: string[]): CorpusStats {
    const articleCount = this.db.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
    return { articleCount, entityFrequency: this.entityFrequencies(entities), termFrequency: this.termFrequencies(terms) };
  }

  private entityFrequencies(entities: string[]): Map<string, number> {
    return this.chunkedCounts('SELECT entity AS k, COUNT(*) AS n FROM article_entities WHERE entity IN (%) GROUP BY entity', entities);
  }

  private termFrequencies(terms: string[]): Map<string, number> {
    return this.chunkedCounts('SELECT term AS k, df AS n FROM term_stats WHERE term IN (%)', terms);
  }

  private chunkedCounts(sql: string, keys: string[]): Map<string, number> {
    const out = new Map<string, number>();
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += PARAM_CHUNK) {
      const chunk = unique.slice(i, i + PARAM_CHUNK);
      const rows = this.db.prepare(sql.replace('%', chunk.map(() => '?').join(','))).all(...chunk) as Array<{ k: string; n: number }>;
      for (const row of rows) out.set(row.k, row.n);
    }
    return out;
  }

  addArticle(article: StoredArticle, options: AddArticleOptions): void {
    const now = article.ingestedAt;
    this.db.transaction(() => {
      if (article.storyId) {
        if (options.newStory) {
          this.db.prepare('INSERT INTO stories (id, created_at, updated_at) VALUES (?, ?, ?)').run(article.storyId, now, now);
        } else {
          this.db.prepare('UPDATE stories SET updated_at = ? WHERE id = ?').run(now, article.storyId);
        }
        for (const from of options.mergeStoryIds ?? []) this.mergeStory(from, article.storyId, now);
      }
      const seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM articles').pluck().get() as number) ?? 1;
      this.db
        .prepare(
          `INSERT INTO articles (id, content_hash, external_id, origin, path, url, title, text, source, language, language_confidence,
             published, published_end, published_precision, published_source, story_id, duplicate_of, ingested_at, seq, analysis)
           VALUES (@id, @contentHash, @externalId, @origin, @path, @url, @title, @text, @source, @language, @languageConfidence,
             @published, @publishedEnd, @publishedPrecision, @publishedSource, @storyId, @duplicateOf, @ingestedAt, @seq, @analysis)`,
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
        });
      const entityInsert = this.db.prepare('INSERT INTO article_entities (article_id, entity, type, mentions) VALUES (?, ?, ?, ?)');
      for (const e of article.entities) entityInsert.run(article.id, e.name, e.type, e.mentions);
      const termUpsert = this.db.prepare('INSERT INTO term_stats (term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1');
      for (const term of new Set(article.terms)) termUpsert.run(term);
      for (const update of options.dateUpdates) this.applyDateUpdate(update, article.id === update.id ? article : null);
    })();
  }

  private mergeStory(from: string, into: string, now: string): void {
    this.db.prepare('UPDATE articles SET story_id = ? WHERE story_id = ?').run(into, from);
    // Earlier redirects to the merged story now lead to its successor.
    this.db.prepare('UPDATE story_redirects SET to_id = ? WHERE to_id = ?').run(into, from);
    this.db.prepare('INSERT INTO story_redirects (from_id, to_id, merged_at) VALUES (?, ?, ?)').run(from, into, now);
    this.db.prepare('DELETE FROM stories WHERE id = ?').run(from);
  }

  resolveStoryId(id: string): string | null {
    if (this.db.prepare('SELECT 1 FROM stories WHERE id = ?').get(id)) return id;
    return (this.db.prepare('SELECT to_id FROM story_redirects WHERE from_id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  private applyDateUpdate(update: DateUpdate, justInserted: StoredArticle | null): void {
    const current = justInserted ?? this.getArticle(update.id);
    if (!current) return;
    const analysis = { ...analysisOf(current), dates: update.dates, unresolvedDates: update.unresolvedDates };
    this.db
      .prepare('UPDATE articles SET published = ?, published_end = ?, published_precision = ?, published_source = ?, analysis = ? WHERE id = ?')
      .run(update.published.start, update.published.end ?? null, update.published.precision, update.publishedSource, JSON.stringify(analysis), update.id);
  }

  getArticle(id: string): StoredArticle | null {
    const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  listArticles(storyId?: string): StoredArticle[] {
    const rows = storyId
      ? (this.db.prepare('SELECT * FROM articles WHERE story_id = ? ORDER BY seq').all(storyId) as ArticleRow[])
      : (this.db.prepare('SELECT * FROM articles ORDER BY seq').all() as ArticleRow[]);
    return rows.map(toArticle);
  }

  listStoryIds(): string[] {
    return this.db.prepare('SELECT id FROM stories ORDER BY updated_at DESC, id').pluck().all() as string[];
  }

  storyArticles(storyId: string): StoredArticle[] {
    return this.listArticles(storyId);
  }

  close(): void {
    this.db.close();
  }

  // --- Read queries for the HTTP API ---

  listEntities(prefix: string, limit: number): EntityListing[] {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare(
        `SELECT entity AS name, MIN(type) AS type, COUNT(DISTINCT article_id) AS articles, SUM(mentions) AS mentions
         FROM article_entities WHERE entity LIKE ? ESCAPE '\\'
         GROUP BY entity ORDER BY articles DESC, mentions DESC, name LIMIT ?`,
      )
      .all(pattern, limit) as EntityListing[];
  }
}

function analysisOf(article: StoredArticle): Analysis {
  return {
    entities: article.entities,
    dates: article.dates,
    unresolvedDates: article.unresolvedDates,
    terms: article.terms,
    quotes: article.quotes,
    declaredLanguage: article.declaredLanguage,
    chromeLanguage: article.chromeLanguage,
    authors: article.authors,
    canonicalUrl: article.canonicalUrl,
    imageUrl: article.imageUrl,
    modified: article.modified,
  };
}

function toArticle(row: ArticleRow): StoredArticle {
  // Fields added after the first release default when an older row lacks them.
  const analysis = { authors: [], canonicalUrl: null, imageUrl: null, modified: null, quotes: [], ...(JSON.parse(row.analysis) as Partial<Analysis>) } as Analysis;
  return {
    id: row.id,
    contentHash: row.content_hash,
    origin: row.origin,
    ...(row.path ? { path: row.path } : {}),
    ...(row.url ? { url: row.url } : {}),
    ...(row.external_id ? { suppliedId: row.external_id } : {}),
    title: row.title,
    text: row.text,
    source: row.source,
    published: row.published
      ? { start: row.published, ...(row.published_end ? { end: row.published_end } : {}), precision: row.published_precision ?? 'day' }
      : null,
    publishedSource: row.published_source,
    language: row.language,
    languageConfidence: row.language_confidence,
    storyId: row.story_id,
    duplicateOf: row.duplicate_of,
    ingestedAt: row.ingested_at,
    ...analysis,
  };
}
