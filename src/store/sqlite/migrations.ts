// Schema migrations, applied in order, each in its own transaction. Never edit a shipped one: add the next.
import { COPY_SORT_KEYS, OUTLET_ARTICLE, OUTLET_ROWS, SUMMARY_AGGREGATES } from './story-summaries.js';

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
  {
    // Syndication, events and indexed candidate retrieval (issue 5). Older rows keep working: their
    // text hash is their old identity, each is its own event, and their entities are indexed keys.
    version: 3,
    sql: `
      ALTER TABLE articles ADD COLUMN text_hash TEXT;
      UPDATE articles SET text_hash = content_hash;
      CREATE INDEX articles_text_hash ON articles(text_hash);
      ALTER TABLE articles ADD COLUMN source_key TEXT;
      ALTER TABLE articles ADD COLUMN event_id TEXT;
      UPDATE articles SET event_id = 'e' || substr(id, 2);
      ALTER TABLE articles ADD COLUMN published_day INTEGER;
      UPDATE articles SET published_day = CAST(julianday(published) - 2440587.5 AS INTEGER) WHERE published IS NOT NULL;
      ALTER TABLE articles ADD COLUMN minhash BLOB;
      ALTER TABLE articles ADD COLUMN placement TEXT;
      CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
      -- day: publication day (days since 1970-01-01), -1 when unknown; keyed so that one key's
      -- articles in a time window are one range scan.
      CREATE TABLE article_keys (
        key TEXT NOT NULL,
        day INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (key, day, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_keys_article ON article_keys(article_id);
      INSERT INTO article_keys (key, day, article_id)
        SELECT 'e:' || e.entity, COALESCE(a.published_day, -1), e.article_id FROM article_entities e JOIN articles a ON a.id = e.article_id WHERE a.duplicate_of IS NULL;
      CREATE TABLE article_lsh (
        band INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band, bucket, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_lsh_article ON article_lsh(article_id);
    `,
  },
  {
    // Comparison features (domain ArticleFeatures, JSON): a candidate is read without its text and
    // analysis. Older rows get theirs from the pipeline before their next ingest (backfillFeatures).
    version: 4,
    sql: `ALTER TABLE articles ADD COLUMN features TEXT;`,
  },
  {
    // A story's undated members are looked up at every article that joins it: without this index the
    // look-up read every member's row, a fifth of an ingest once stories had grown to hundreds.
    version: 5,
    sql: `CREATE INDEX articles_undated ON articles(story_id, seq) WHERE published IS NULL;`,
  },
  {
    // Every ingest (and every API batch) first asks for articles still without features: without this
    // index that read every row of the table (0.2 s cold at 10,000 articles); with it, an empty index.
    version: 6,
    sql: `CREATE INDEX articles_without_features ON articles(seq) WHERE features IS NULL;`,
  },
  {
    // Selections for topic timelines (issue 16). article_search: a full-text index (no copy of the
    // text) of the title, the text and the entities' names and aliases, folded like foldText (case and
    // accents; here đ by hand), keyed by seq. article_dates: the days of the developments each article
    // dates (not points of reference), for "mentions a date in this period".
    version: 7,
    sql: `
      CREATE VIRTUAL TABLE article_search USING fts5(title, body, names, content='', tokenize='unicode61 remove_diacritics 2');
      INSERT INTO article_search (rowid, title, body, names)
        SELECT seq, replace(replace(title, 'đ', 'd'), 'Đ', 'd'), replace(replace(text, 'đ', 'd'), 'Đ', 'd'),
          replace(replace(COALESCE((SELECT group_concat(json_extract(e.value, '$.name') || ' ' || COALESCE((SELECT group_concat(n.value, ' ') FROM json_each(e.value, '$.aliases') n), ''), ' ')
            FROM json_each(articles.analysis, '$.entities') e), ''), 'đ', 'd'), 'Đ', 'd')
        FROM articles;
      CREATE TABLE article_dates (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start TEXT NOT NULL,
        end TEXT NOT NULL,
        PRIMARY KEY (article_id, start, end)
      ) WITHOUT ROWID;
      CREATE INDEX article_dates_start ON article_dates(start);
      INSERT OR IGNORE INTO article_dates (article_id, start, end)
        SELECT a.id, json_extract(d.value, '$.start'), COALESCE(json_extract(d.value, '$.end'), json_extract(d.value, '$.start'))
        FROM articles a, json_each(a.analysis, '$.dates') d WHERE NOT json_extract(d.value, '$.reference');
      CREATE INDEX articles_published ON articles(published);
    `,
  },
  {
    // The story list reads a page, not the corpus (issue 17). story_summaries: what the list shows of
    // each current story, refreshed from its rows in every write that touches it; activity is the
    // last publication date ('' when undated), the list's sort key. title is what the timeline stage
    // decided (NULL until it has, after every write: the ingest decides titles before each batch
    // commits, rows backfilled here get theirs at the next ingest, and the list asks the stage meanwhile). story_languages: the languages of a story's originals, with the sort
    // key, so that a language filter is a range of one index; story_summaries_untitled finds the
    // stories whose title the stage has to decide. articles_story_summary covers the
    // refresh (no read of the article text); articles_seq_story maps full-text hits to stories.
    version: 8,
    sql: `
      CREATE TABLE story_summaries (
        story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
        title TEXT,
        article_count INTEGER NOT NULL,
        copy_count INTEGER NOT NULL,
        event_count INTEGER NOT NULL,
        first_date TEXT,
        last_date TEXT,
        activity TEXT NOT NULL
      );
      CREATE INDEX story_summaries_activity ON story_summaries(activity DESC, story_id);
      CREATE INDEX story_summaries_untitled ON story_summaries(story_id) WHERE title IS NULL;
      CREATE TABLE story_languages (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        language TEXT NOT NULL,
        articles INTEGER NOT NULL,
        activity TEXT NOT NULL,
        PRIMARY KEY (story_id, language)
      ) WITHOUT ROWID;
      CREATE INDEX story_languages_activity ON story_languages(language, activity DESC, story_id);
      CREATE INDEX articles_story_summary ON articles(story_id, duplicate_of, language, published, published_precision, event_id, id);
      CREATE INDEX articles_seq_story ON articles(seq, story_id);
      INSERT INTO story_summaries (story_id, title, article_count, copy_count, event_count, first_date, last_date, activity)
        SELECT s.id, NULL, ${SUMMARY_AGGREGATES} FROM stories s LEFT JOIN articles a ON a.story_id = s.id GROUP BY s.id;
      INSERT INTO story_languages (story_id, language, articles, activity)
        SELECT a.story_id, a.language, COUNT(*), s.activity FROM articles a JOIN story_summaries s ON s.story_id = a.story_id
        WHERE a.duplicate_of IS NULL GROUP BY a.story_id, a.language;
    `,
  },
  {
    // Live news (live-store.ts). feeds: what `watch` polls, in the order added (seq), with what the last
    // polls left; feeds_due finds the ones due. page_urls: the pages fetched, or stored under a URL, by
    // URL (its primary key: knownPageUrls is one index look-up per URL); every stored article's url and
    // canonical URL are back-filled here, addArticle keeps them from now on. alerts: what an alert
    // follows (kind: query, entity or story; value: the query, entity name or story id). alert_matches:
    // one row per (alert, article), newest first per alert. alert_deliveries: webhook POSTs to make,
    // article_ids a JSON array; alert_deliveries_due finds the pending ones due. Times: ISO 8601 UTC
    // text, as toISOString writes them, so they compare as strings.
    version: 9,
    sql: `
      CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        added_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_checked_at TEXT,
        last_success_at TEXT,
        error_count INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_check_at TEXT,
        seq INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX feeds_seq ON feeds(seq);
      CREATE INDEX feeds_due ON feeds(next_check_at);
      CREATE TABLE page_urls (
        url TEXT PRIMARY KEY,
        article_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('stored', 'duplicate', 'not-article', 'failed')),
        reason TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        fetched_at TEXT NOT NULL
      );
      INSERT OR IGNORE INTO page_urls (url, article_id, outcome, failures, fetched_at)
        SELECT url, id, 'stored', 0, ingested_at FROM (
          SELECT url, id, ingested_at, seq, 0 AS part FROM articles WHERE url IS NOT NULL
          UNION ALL
          SELECT json_extract(analysis, '$.canonicalUrl'), id, ingested_at, seq, 1 FROM articles WHERE json_extract(analysis, '$.canonicalUrl') IS NOT NULL
        ) ORDER BY seq, part;
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('query', 'entity', 'story')),
        value TEXT NOT NULL,
        webhook TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE alert_matches (
        alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id),
        story_id TEXT NOT NULL,
        matched_at TEXT NOT NULL,
        PRIMARY KEY (alert_id, article_id)
      );
      CREATE INDEX alert_matches_recent ON alert_matches(alert_id, matched_at);
      CREATE TABLE alert_deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,
        article_ids TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        delivered_at TEXT
      );
      CREATE INDEX alert_deliveries_due ON alert_deliveries(status, next_attempt_at);
      CREATE INDEX alert_deliveries_alert ON alert_deliveries(alert_id, id);
    `,
  },
  {
    // The story list's triage (sorts by size and by outlets, outlet filters; issue: ui-triage).
    // story_outlets: the outlets (source) of a story's originals, with the originals each gave and
    // their first and last dates; outlet_key is the name with ASCII letters folded (SQLite's lower();
    // the PostgreSQL store folds the same letters): one outlet, what an outlet filter compares. Each
    // story's sort keys (activity, article_count, outlet_count) are copied into its language and
    // outlet rows, so that every order under a language or outlet filter is a range of one index;
    // story_summaries_size and story_summaries_outlets are the unfiltered orders. articles_story_outlets
    // covers the outlets' refresh (no read of the article text). Back-filled from the stored articles.
    version: 10,
    sql: `
      ALTER TABLE story_summaries ADD COLUMN outlet_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE story_languages ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE story_languages ADD COLUMN outlet_count INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE story_outlets (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        outlet TEXT NOT NULL,
        outlet_key TEXT NOT NULL,
        articles INTEGER NOT NULL,
        first_date TEXT,
        last_date TEXT,
        activity TEXT NOT NULL,
        article_count INTEGER NOT NULL,
        outlet_count INTEGER NOT NULL,
        PRIMARY KEY (story_id, outlet_key)
      ) WITHOUT ROWID;
      CREATE INDEX articles_story_outlets ON articles(story_id, duplicate_of, source, published, published_precision);
      INSERT INTO story_outlets (story_id, outlet, outlet_key, articles, first_date, last_date, activity, article_count, outlet_count)
        ${OUTLET_ROWS} WHERE ${OUTLET_ARTICLE} AND a.story_id IN (SELECT story_id FROM story_summaries) GROUP BY a.story_id, lower(a.source);
      UPDATE story_summaries SET outlet_count = (SELECT COUNT(*) FROM story_outlets o WHERE o.story_id = story_summaries.story_id);
      ${COPY_SORT_KEYS('story_languages', '')};
      ${COPY_SORT_KEYS('story_outlets', '')};
      CREATE INDEX story_summaries_size ON story_summaries(article_count DESC, activity DESC, story_id);
      CREATE INDEX story_summaries_outlets ON story_summaries(outlet_count DESC, activity DESC, story_id);
      CREATE INDEX story_languages_size ON story_languages(language, article_count DESC, activity DESC, story_id);
      CREATE INDEX story_languages_outlets ON story_languages(language, outlet_count DESC, activity DESC, story_id);
      CREATE INDEX story_outlets_activity ON story_outlets(outlet_key, activity DESC, story_id);
      CREATE INDEX story_outlets_size ON story_outlets(outlet_key, article_count DESC, activity DESC, story_id);
      CREATE INDEX story_outlets_outlets ON story_outlets(outlet_key, outlet_count DESC, activity DESC, story_id);
    `,
  },
];
