// The live-news tables on SQLite (migration 9): feeds, fetched pages, alerts with their matches and
// deliveries. Each function is one step of the store's method of the same name; the store runs the
// writes in a transaction of their own, or as a savepoint of the open batch. Mirrored, function by
// function, by ../postgres/live-tables.ts.
import type Database from 'better-sqlite3';
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

/** The store's prepared statements, by SQL text. */
export type Statements = (sql: string) => Database.Statement;

export function addFeeds(sql: Statements, urls: string[], addedAt: string): string[] {
  const at = isoTime(addedAt);
  const insert = sql('INSERT OR IGNORE INTO feeds (url, added_at, seq) VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM feeds))');
  return distinct(urls).filter((url) => insert.run(url, at).changes > 0);
}

export function removeFeeds(sql: Statements, urls: string[]): number {
  return sql('DELETE FROM feeds WHERE url IN (SELECT value FROM json_each(?))').run(JSON.stringify(distinct(urls))).changes;
}

export function listFeeds(sql: Statements): FeedRecord[] {
  return (sql(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY seq`).all() as FeedRow[]).map(toFeed);
}

export function dueFeeds(sql: Statements, now: string): FeedRecord[] {
  return (sql(`SELECT ${FEED_COLUMNS} FROM feeds WHERE next_check_at IS NULL OR next_check_at <= ? ORDER BY next_check_at NULLS FIRST, seq`).all(isoTime(now)) as FeedRow[]).map(toFeed);
}

export function recordFeedCheck(sql: Statements, check: FeedCheck): void {
  const checkedAt = isoTime(check.checkedAt);
  const nextCheckAt = isoTime(check.nextCheckAt);
  if (!check.ok) {
    sql('UPDATE feeds SET last_checked_at = ?, error_count = error_count + 1, last_error = ?, next_check_at = ? WHERE url = ?').run(checkedAt, check.error ?? null, nextCheckAt, check.url);
    return;
  }
  // A validator or title not given (undefined) stays; null clears it.
  sql(
    `UPDATE feeds SET last_checked_at = @checkedAt, last_success_at = @checkedAt, error_count = 0, last_error = NULL, next_check_at = @nextCheckAt,
       etag = CASE WHEN @setEtag THEN @etag ELSE etag END,
       last_modified = CASE WHEN @setLastModified THEN @lastModified ELSE last_modified END,
       title = CASE WHEN @setTitle THEN @title ELSE title END
     WHERE url = @url`,
  ).run({
    url: check.url,
    checkedAt,
    nextCheckAt,
    setEtag: check.etag !== undefined ? 1 : 0,
    etag: check.etag ?? null,
    setLastModified: check.lastModified !== undefined ? 1 : 0,
    lastModified: check.lastModified ?? null,
    setTitle: check.title !== undefined ? 1 : 0,
    title: check.title ?? null,
  });
}

/** One primary-key look-up per URL given (a JSON array), whatever the table's size (sqlite-story-store.test.ts reads its plan). */
export const KNOWN_PAGE_URLS = `SELECT url FROM page_urls WHERE url IN (SELECT value FROM json_each(?)) AND ${KNOWN_PAGE('?')}`;

export function knownPageUrls(sql: Statements, urls: string[], maxFailures: number): Set<string> {
  return new Set(sql(KNOWN_PAGE_URLS).pluck().all(JSON.stringify(distinct(urls)), maxFailures) as string[]);
}

/** Upserts page_urls rows (recordPageFetch, and addArticle for the URLs an article is stored under). */
export function recordPageUrls(sql: Statements, rows: PageUrlRow[]): void {
  const upsert = sql(`INSERT INTO page_urls (url, article_id, outcome, reason, failures, fetched_at) VALUES (@url, @articleId, @outcome, @reason, @failures, @fetchedAt) ${PAGE_UPSERT}`);
  for (const row of rows) upsert.run(row);
}

export function recordPageFetch(sql: Statements, record: PageFetchRecord): void {
  recordPageUrls(sql, pageUrlRows(record));
}

export function createAlert(sql: Statements, alert: NewAlert): void {
  const { kind, value } = targetColumns(alert.target);
  sql('INSERT INTO alerts (id, kind, value, webhook, created_at) VALUES (?, ?, ?, ?, ?)').run(alert.id, kind, value, alert.webhook, isoTime(alert.createdAt));
}

export function listAlerts(sql: Statements): AlertRecord[] {
  return (sql(`SELECT ${ALERT_COLUMNS} FROM alerts a ORDER BY a.created_at, a.id`).all() as AlertRow[]).map(toAlert);
}

export function getAlert(sql: Statements, id: string): AlertRecord | null {
  const row = sql(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = ?`).get(id) as AlertRow | undefined;
  return row ? toAlert(row) : null;
}

/** Its matches and deliveries go with it (ON DELETE CASCADE). */
export function removeAlert(sql: Statements, id: string): boolean {
  return sql('DELETE FROM alerts WHERE id = ?').run(id).changes > 0;
}

/**
 * Matches of alerts not stored (removed meanwhile) are left out; a match of an article not stored is
 * refused by its foreign key (and the caller's transaction rolls back).
 */
export function recordAlertMatches(sql: Statements, matches: AlertMatch[]): AlertMatch[] {
  const insert = sql('INSERT OR IGNORE INTO alert_matches (alert_id, article_id, story_id, matched_at) SELECT id, ?, ?, ? FROM alerts WHERE id = ?');
  const recorded = distinctMatches(matches).filter((m) => insert.run(m.articleId, m.storyId, m.matchedAt, m.alertId).changes > 0);
  if (recorded.length === 0) return [];
  const webhooks = new Set(
    sql('SELECT id FROM alerts WHERE id IN (SELECT value FROM json_each(?)) AND webhook IS NOT NULL').pluck().all(JSON.stringify(distinct(recorded.map((m) => m.alertId)))) as string[],
  );
  const deliver = sql("INSERT INTO alert_deliveries (alert_id, story_id, article_ids, created_at, attempts, next_attempt_at, status) VALUES (?, ?, ?, ?, 0, ?, 'pending')");
  for (const d of deliveriesOf(recorded, (id) => webhooks.has(id))) deliver.run(d.alertId, d.storyId, JSON.stringify(d.articleIds), d.at, d.at);
  return recorded;
}

export function alertMatches(sql: Statements, alertId: string, limit: number): AlertMatchView[] {
  return sql(
    `SELECT m.article_id AS articleId, m.story_id AS storyId, m.matched_at AS matchedAt, a.title, a.url, a.published, a.source
     FROM alert_matches m JOIN articles a ON a.id = m.article_id WHERE m.alert_id = ? ORDER BY m.matched_at DESC, a.seq DESC LIMIT ?`,
  ).all(alertId, limit) as AlertMatchView[];
}

export function dueDeliveries(sql: Statements, now: string, limit: number): AlertDelivery[] {
  return (sql(
    `SELECT ${DELIVERY_COLUMNS} FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT ?`,
  ).all(isoTime(now), limit) as DeliveryRow[]).map(toDelivery);
}

/** An attempt at a delivery no longer pending (delivered, given up on) or unknown changes nothing. */
export function recordDeliveryAttempt(sql: Statements, attempt: DeliveryAttempt): void {
  const at = isoTime(attempt.at);
  if (attempt.ok) {
    sql("UPDATE alert_deliveries SET attempts = attempts + 1, status = 'delivered', delivered_at = ? WHERE id = ? AND status = 'pending'").run(at, attempt.id);
  } else if (attempt.nextAttemptAt) {
    sql("UPDATE alert_deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'").run(attempt.error ?? null, isoTime(attempt.nextAttemptAt), attempt.id);
  } else {
    sql("UPDATE alert_deliveries SET attempts = attempts + 1, last_error = ?, status = 'failed' WHERE id = ? AND status = 'pending'").run(attempt.error ?? null, attempt.id);
  }
}

export function alertDeliveries(sql: Statements, alertId: string, limit: number): AlertDelivery[] {
  return (sql(`SELECT ${DELIVERY_COLUMNS} FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.alert_id = ? ORDER BY d.id DESC LIMIT ?`).all(alertId, limit) as DeliveryRow[]).map(toDelivery);
}
