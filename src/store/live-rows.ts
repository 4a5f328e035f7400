// The live-news tables (live-store.ts) as both stores keep them: times normalised to one ISO form,
// the row types the two stores read, and the mappings back to the contract's records.
import type { AlertDelivery, AlertMatch, AlertRecord, AlertTarget, FeedRecord, PageFetchOutcome, PageFetchRecord } from './live-store.js';

/**
 * A time as the live tables keep it: ISO 8601 in UTC with milliseconds ('2024-06-20T08:00:00.000Z'),
 * whatever offset or precision it was given in. One form, so that times compare as strings (SQLite
 * has no time type; PostgreSQL keeps them as TEXT like the article times) and come back ending in Z.
 */
export function isoTime(value: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new TypeError(`not an ISO 8601 time: ${JSON.stringify(value)}`);
  return time.toISOString();
}

export interface FeedRow {
  url: string;
  title: string | null;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  last_checked_at: string | null;
  last_success_at: string | null;
  error_count: number;
  last_error: string | null;
  next_check_at: string | null;
}

export const FEED_COLUMNS = 'url, title, added_at, etag, last_modified, last_checked_at, last_success_at, error_count, last_error, next_check_at';

export function toFeed(r: FeedRow): FeedRecord {
  return {
    url: r.url,
    title: r.title,
    addedAt: r.added_at,
    etag: r.etag,
    lastModified: r.last_modified,
    lastCheckedAt: r.last_checked_at,
    lastSuccessAt: r.last_success_at,
    errorCount: r.error_count,
    lastError: r.last_error,
    nextCheckAt: r.next_check_at,
  };
}

/** The distinct strings of `values`, in the order first given. */
export function distinct(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

/** One page_urls row to upsert (see PAGE_UPSERT). */
export interface PageUrlRow {
  url: string;
  articleId: string | null;
  outcome: PageFetchOutcome;
  reason: string | null;
  /** 1 for a failed fetch, else 0: added to the row's failures. */
  failures: number;
  fetchedAt: string;
}

/** The rows a fetch record writes: one per distinct URL it names (the URL, where redirects ended, its canonical URL). */
export function pageUrlRows(record: PageFetchRecord): PageUrlRow[] {
  const row = {
    articleId: record.articleId,
    outcome: record.outcome,
    reason: record.reason ?? null,
    failures: record.outcome === 'failed' ? 1 : 0,
    fetchedAt: isoTime(record.fetchedAt),
  };
  return distinct([record.url, record.finalUrl, record.canonicalUrl]).map((url) => ({ url, ...row }));
}

/**
 * What a second record of a URL changes (SQLite and PostgreSQL share the upsert syntax). A failure is
 * always counted. The outcome (with its article, reason and time) is replaced unless the URL has an
 * article stored under it ('stored' stays, with its first article: later ones are its copies) or the new
 * record is a failure of a URL fetched successfully before (it stays known: only the count grows).
 */
const REPLACES = "(page_urls.outcome <> 'stored' AND (excluded.outcome <> 'failed' OR page_urls.outcome = 'failed'))";
export const PAGE_UPSERT = `ON CONFLICT (url) DO UPDATE SET
  outcome = CASE WHEN ${REPLACES} THEN excluded.outcome ELSE page_urls.outcome END,
  article_id = CASE WHEN ${REPLACES} THEN excluded.article_id ELSE page_urls.article_id END,
  reason = CASE WHEN ${REPLACES} THEN excluded.reason ELSE page_urls.reason END,
  fetched_at = CASE WHEN ${REPLACES} THEN excluded.fetched_at ELSE page_urls.fetched_at END,
  failures = page_urls.failures + excluded.failures`;

/** A known URL (knownPageUrls): any outcome but failed, or failed `maxFailures` times or more (the parameter). */
export const KNOWN_PAGE = (maxFailures: string) => `(outcome <> 'failed' OR failures >= ${maxFailures})`;

/** An alert's target as its two columns. */
export function targetColumns(target: AlertTarget): { kind: AlertTarget['kind']; value: string } {
  switch (target.kind) {
    case 'query':
      return { kind: 'query', value: target.query };
    case 'entity':
      return { kind: 'entity', value: target.entity };
    case 'story':
      return { kind: 'story', value: target.storyId };
  }
}

function targetOf(kind: string, value: string): AlertTarget {
  if (kind === 'query') return { kind, query: value };
  if (kind === 'entity') return { kind, entity: value };
  return { kind: 'story', storyId: value };
}

export interface AlertRow {
  id: string;
  kind: string;
  value: string;
  webhook: string | null;
  created_at: string;
  matches: number;
  last_match_at: string | null;
  pending_deliveries: number;
  failed_deliveries: number;
}

/** An alert with its counts, each an aggregate over its own rows (the indexes lead with alert_id). */
export const ALERT_COLUMNS = `a.id, a.kind, a.value, a.webhook, a.created_at,
  (SELECT count(*) FROM alert_matches m WHERE m.alert_id = a.id) AS matches,
  (SELECT max(m.matched_at) FROM alert_matches m WHERE m.alert_id = a.id) AS last_match_at,
  (SELECT count(*) FROM alert_deliveries d WHERE d.alert_id = a.id AND d.status = 'pending') AS pending_deliveries,
  (SELECT count(*) FROM alert_deliveries d WHERE d.alert_id = a.id AND d.status = 'failed') AS failed_deliveries`;

export function toAlert(r: AlertRow): AlertRecord {
  return {
    id: r.id,
    target: targetOf(r.kind, r.value),
    webhook: r.webhook,
    createdAt: r.created_at,
    matches: Number(r.matches),
    lastMatchAt: r.last_match_at,
    pendingDeliveries: Number(r.pending_deliveries),
    failedDeliveries: Number(r.failed_deliveries),
  };
}

/** The matches of a call, times normalised, each (alert, article) once (its first occurrence). */
export function distinctMatches(matches: AlertMatch[]): AlertMatch[] {
  const seen = new Map<string, AlertMatch>();
  for (const m of matches) {
    const key = JSON.stringify([m.alertId, m.articleId]);
    if (!seen.has(key)) seen.set(key, { alertId: m.alertId, articleId: m.articleId, storyId: m.storyId, matchedAt: isoTime(m.matchedAt) });
  }
  return [...seen.values()];
}

/** A delivery to create: one per (alert, story) of the newly recorded matches of alerts with a webhook. */
export interface NewDelivery {
  alertId: string;
  storyId: string;
  articleIds: string[];
  /** The earliest match's time: the delivery is due from then (and was created then, as far as the store knows). */
  at: string;
}

/** The deliveries the newly recorded `matches` make, in the order their (alert, story) first appears. */
export function deliveriesOf(matches: AlertMatch[], hasWebhook: (alertId: string) => boolean): NewDelivery[] {
  const groups = new Map<string, NewDelivery>();
  for (const m of matches) {
    if (!hasWebhook(m.alertId)) continue;
    const key = JSON.stringify([m.alertId, m.storyId]);
    const group = groups.get(key);
    if (!group) groups.set(key, { alertId: m.alertId, storyId: m.storyId, articleIds: [m.articleId], at: m.matchedAt });
    else {
      group.articleIds.push(m.articleId);
      if (m.matchedAt < group.at) group.at = m.matchedAt;
    }
  }
  return [...groups.values()];
}

export interface DeliveryRow {
  id: number;
  alert_id: string;
  webhook: string;
  story_id: string;
  article_ids: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  status: AlertDelivery['status'];
  delivered_at: string | null;
}

/** A delivery with its alert's webhook (where it goes is the alert's). */
export const DELIVERY_COLUMNS = `d.id, d.alert_id, a.webhook, d.story_id, d.article_ids, d.created_at, d.attempts, d.next_attempt_at, d.last_error, d.status, d.delivered_at`;

export function toDelivery(r: DeliveryRow): AlertDelivery {
  return {
    id: Number(r.id),
    alertId: r.alert_id,
    webhook: r.webhook,
    storyId: r.story_id,
    articleIds: JSON.parse(r.article_ids) as string[],
    createdAt: r.created_at,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    status: r.status,
    deliveredAt: r.delivered_at,
  };
}
