// Schema migrations, applied in order, each in its own transaction. Never edit a shipped one: add the next.
export const MIGRATIONS: Array<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        external_id TEXT,
        origin TEXT NOT NULL,
        path TEXT,
        url TEXT,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT,
        language TEXT NOT NULL,
        language_confidence REAL NOT NULL,
        published TEXT,
        published_end TEXT,
        published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
        published_source TEXT,
        story_id TEXT REFERENCES stories(id),
        duplicate_of TEXT REFERENCES articles(id),
        ingested_at TEXT NOT NULL,
        seq INTEGER NOT NULL,
        analysis TEXT NOT NULL
      );
      CREATE INDEX articles_story ON articles(story_id);
      CREATE UNIQUE INDEX articles_seq ON articles(seq);
      CREATE TABLE article_entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity)
      );
      CREATE INDEX article_entities_entity ON article_entities(entity);
      CREATE TABLE term_stats (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE story_redirects (
        from_id TEXT PRIMARY KEY,
        to_id TEXT NOT NULL REFERENCES stories(id),
        merged_at TEXT NOT NULL
      );
    `,
  },
];
