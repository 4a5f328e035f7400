// The live-news tables on PostgreSQL (migration 4): SQLite's ../sqlite/live-tables.ts, function by
// function, with arrays for its per-row loops. The store runs the writes in a transaction of their
// own, or as a savepoint of the open batch.
import type pg from 'pg';
import type { AlertDelivery, AlertMatch, AlertMatchView, AlertRecord, DeliveryAttempt, FeedCheck, FeedRecord, NewAlert, PageFetchRecord } from '../live-store.js';
import {
  ALERT_COLUMNS,
  DELIVERY_COLUMNS,
  FEED_COLUMNS,
  KNOWN_PAGE,
  PAGE_UPSERT,
  deliveriesOf,
  distinct,
  distinctMatches,
  isoTime,
  pageUrlRows,
  targetColumns,
  toAlert,
  toDelivery,
  toFeed,
  type AlertRow,
  type DeliveryRow,
  type FeedRow,
  type PageUrlRow,
} from '../live-rows.js';
import type { Db } from './story-summaries.js';

/** Seqs in the order given; a feed stored already (by another process too) is left as it is. */
export async function addFeeds(db: Db, urls: string[], addedAt: string): Promise<string[]> {
  const wanted = distinct(urls);
  if (wanted.length === 0) return [];
  const added = new Set(
    (await db.query<{ url: string }>(
      `INSERT INTO feeds (url, added_at) SELECT u, $2 FROM unnest($1::text[]) WITH ORDINALITY AS x(u, o) ORDER BY o
       ON CONFLICT (url) DO NOTHING RETURNING url`,
      [wanted, isoTime(addedAt)],
    )).rows.map((r) => r.url),
  );
  return wanted.filter((url) => added.has(url));
}

export async function removeFeeds(db: Db, urls: string[]): Promise<number> {
  return (await db.query('DELETE FROM feeds WHERE url = ANY($1)', [distinct(urls)])).rowCount ?? 0;
}

export async function listFeeds(db: Db): Promise<FeedRecord[]> {
  return (await db.query<FeedRow>(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY seq`)).rows.map(toFeed);
}

export async function dueFeeds(db: Db, now: string): Promise<FeedRecord[]> {
  return (await db.query<FeedRow>(`SELECT ${FEED_COLUMNS} FROM feeds WHERE next_check_at IS NULL OR next_check_at <= $1 ORDER BY next_check_at NULLS FIRST, seq`, [isoTime(now)])).rows.map(toFeed);
}

export async function recordFeedCheck(db: Db, check: FeedCheck): Promise<void> {
  const checkedAt = isoTime(check.checkedAt);
  const nextCheckAt = isoTime(check.nextCheckAt);
  if (!check.ok) {
    await db.query('UPDATE feeds SET last_checked_at = $2, error_count = error_count + 1, last_error = $3, next_check_at = $4 WHERE url = $1', [check.url, checkedAt, check.error ?? null, nextCheckAt]);
    return;
  }
  // A validator or title not given (undefined) stays; null clears it.
  await db.query(
    `UPDATE feeds SET last_checked_at = $2, last_success_at = $2, error_count = 0, last_error = NULL, next_check_at = $3,
       etag = CASE WHEN $4 THEN $5 ELSE etag END,
       last_modified = CASE WHEN $6 THEN $7 ELSE last_modified END,
       title = CASE WHEN $8 THEN $9 ELSE title END
     WHERE url = $1`,
    [check.url, checkedAt, nextCheckAt, check.etag !== undefined, check.etag ?? null, check.lastModified !== undefined, check.lastModified ?? null, check.title !== undefined, check.title ?? null],
  );
}

/** One primary-key look-up per URL given (an array), whatever the table's size (migrations.test.ts reads its plan). */
export const KNOWN_PAGE_URLS = `SELECT url FROM page_urls WHERE url = ANY($1) AND ${KNOWN_PAGE('$2')}`;

export async function knownPageUrls(db: Db, urls: string[], maxFailures: number): Promise<Set<string>> {
  return new Set((await db.query<{ url: string }>(KNOWN_PAGE_URLS, [distinct(urls), maxFailures])).rows.map((r) => r.url));
}

/**
 * Upserts page_urls rows (recordPageFetch, and addArticle for the URLs an article is stored under);
 * distinct URLs. In URL order, as term_stats: two writers upserting the same URLs lock their rows in one
 * order, so they wait for each other instead of deadlocking.
 */
export async function recordPageUrls(db: Db, unsorted: PageUrlRow[]): Promise<void> {
  if (unsorted.length === 0) return;
  const rows = [...unsorted].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  await db.query(
    `INSERT INTO page_urls (url, article_id, outcome, reason, failures, fetched_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) ${PAGE_UPSERT}`,
    [rows.map((r) => r.url), rows.map((r) => r.articleId), rows.map((r) => r.outcome), rows.map((r) => r.reason), rows.map((r) => r.failures), rows.map((r) => r.fetchedAt)],
  );
}

export async function recordPageFetch(db: Db, record: PageFetchRecord): Promise<void> {
  await recordPageUrls(db, pageUrlRows(record));
}

export async function createAlert(db: Db, alert: NewAlert): Promise<void> {
  const { kind, value } = targetColumns(alert.target);
  await db.query('INSERT INTO alerts (id, kind, value, webhook, created_at) VALUES ($1, $2, $3, $4, $5)', [alert.id, kind, value, alert.webhook, isoTime(alert.createdAt)]);
}

export async function listAlerts(db: Db): Promise<AlertRecord[]> {
  return (await db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts a ORDER BY a.created_at, a.id`)).rows.map(toAlert);
}

export async function getAlert(db: Db, id: string): Promise<AlertRecord | null> {
  const row = (await db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = $1`, [id])).rows[0];
  return row ? toAlert(row) : null;
}

/** Its matches and deliveries go with it (ON DELETE CASCADE). */
export async function removeAlert(db: Db, id: string): Promise<boolean> {
  return ((await db.query('DELETE FROM alerts WHERE id = $1', [id])).rowCount ?? 0) > 0;
}

/**
 * Matches of alerts not stored (removed meanwhile) are left out; a match of an article not stored is
 * refused by its foreign key (and the caller's transaction rolls back). Inserted in key order (no
 * deadlock between two writers recording the same matches); of two writers, the one whose insert
 * lands records the match and makes its delivery, the other finds it there.
 */
export async function recordAlertMatches(db: Db, matches: AlertMatch[]): Promise<AlertMatch[]> {
  const wanted = distinctMatches(matches);
  if (wanted.length === 0) return [];
  const rows = (await db.query<{ alert_id: string; article_id: string; webhook: string | null }>(
    `WITH m AS (
       INSERT INTO alert_matches (alert_id, article_id, story_id, matched_at)
       SELECT x.alert_id, x.article_id, x.story_id, x.matched_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(alert_id, article_id, story_id, matched_at)
       JOIN alerts a ON a.id = x.alert_id ORDER BY x.alert_id, x.article_id
       ON CONFLICT (alert_id, article_id) DO NOTHING RETURNING alert_id, article_id)
     SELECT m.alert_id, m.article_id, a.webhook FROM m JOIN alerts a ON a.id = m.alert_id`,
    [wanted.map((m) => m.alertId), wanted.map((m) => m.articleId), wanted.map((m) => m.storyId), wanted.map((m) => m.matchedAt)],
  )).rows;
  const key = (alertId: string, articleId: string) => JSON.stringify([alertId, articleId]);
  const inserted = new Set(rows.map((r) => key(r.alert_id, r.article_id)));
  const webhooks = new Set(rows.filter((r) => r.webhook !== null).map((r) => r.alert_id));
  const recorded = wanted.filter((m) => inserted.has(key(m.alertId, m.articleId)));
  const deliveries = deliveriesOf(recorded, (id) => webhooks.has(id));
  if (deliveries.length) {
    await db.query(
      `INSERT INTO alert_deliveries (alert_id, story_id, article_ids, created_at, attempts, next_attempt_at, status)
       SELECT alert_id, story_id, article_ids, at, 0, at, 'pending' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(alert_id, story_id, article_ids, at, o) ORDER BY o`,
      [deliveries.map((d) => d.alertId), deliveries.map((d) => d.storyId), deliveries.map((d) => JSON.stringify(d.articleIds)), deliveries.map((d) => d.at)],
    );
  }
  return recorded;
}

export async function alertMatches(db: Db, alertId: string, limit: number): Promise<AlertMatchView[]> {
  return (await db.query<AlertMatchView>(
    `SELECT m.article_id AS "articleId", m.story_id AS "storyId", m.matched_at AS "matchedAt", a.title, a.url, a.published, a.source
     FROM alert_matches m JOIN articles a ON a.id = m.article_id WHERE m.alert_id = $1 ORDER BY m.matched_at DESC, a.seq DESC LIMIT $2`,
    [alertId, limit],
  )).rows;
}

export async function dueDeliveries(db: Db, now: string, limit: number): Promise<AlertDelivery[]> {
  return (await db.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= $1 ORDER BY d.next_attempt_at, d.id LIMIT $2`,
    [isoTime(now), limit],
  )).rows.map(toDelivery);
}

/** An attempt at a delivery no longer pending (delivered, given up on) or unknown changes nothing. */
export async function recordDeliveryAttempt(db: Db, attempt: DeliveryAttempt): Promise<void> {
  const at = isoTime(attempt.at);
  if (attempt.ok) {
    await db.query("UPDATE alert_deliveries SET attempts = attempts + 1, status = 'delivered', delivered_at = $2 WHERE id = $1 AND status = 'pending'", [attempt.id, at]);
  } else if (attempt.nextAttemptAt) {
    await db.query("UPDATE alert_deliveries SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1 AND status = 'pending'", [attempt.id, attempt.error ?? null, isoTime(attempt.nextAttemptAt)]);
  } else {
    await db.query("UPDATE alert_deliveries SET attempts = attempts + 1, last_error = $2, status = 'failed' WHERE id = $1 AND status = 'pending'", [attempt.id, attempt.error ?? null]);
  }
}

export async function alertDeliveries(db: Db, alertId: string, limit: number): Promise<AlertDelivery[]> {
  return (await db.query<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.alert_id = $1 ORDER BY d.id DESC LIMIT $2`, [alertId, limit])).rows.map(toDelivery);
}
