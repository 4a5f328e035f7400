// The storage contract for live news: feeds kept current by `watch`, pages fetched from the web, and
// alerts with their matches and webhook deliveries. Both stores implement it beside StoryStore.

/** A feed kept in the store, with what its last polls left. Times are ISO 8601 (UTC). */
export interface FeedRecord {
  url: string;
  /** The feed's own title, once a poll has read it. */
  title: string | null;
  addedAt: string;
  /** Validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  /** Failures since the last success (0 after a success or a 304). */
  errorCount: number;
  lastError: string | null;
  /** When the feed is next due; null: due now (never polled). */
  nextCheckAt: string | null;
}

/** One poll of a feed, as `watch` records it. */
export interface FeedCheck {
  url: string;
  checkedAt: string;
  /** true for a 200 that parsed and for a 304; false for any failure. */
  ok: boolean;
  /** Given on success: the validators to send next time (null clears one). Left unchanged on failure. */
  etag?: string | null;
  lastModified?: string | null;
  title?: string | null;
  /** The reason, on failure. */
  error?: string;
  nextCheckAt: string;
}

/** What came of fetching one page. */
export type PageFetchOutcome = 'stored' | 'duplicate' | 'not-article' | 'failed';

export interface PageFetchRecord {
  url: string;
  /** Where redirects ended, when elsewhere. */
  finalUrl?: string | null;
  /** The page's canonical URL, when it states one. */
  canonicalUrl?: string | null;
  articleId: string | null;
  outcome: PageFetchOutcome;
  /** Why, for not-article and failed. */
  reason?: string | null;
  fetchedAt: string;
}

/** What an alert follows. */
export type AlertTarget = { kind: 'query'; query: string } | { kind: 'entity'; entity: string } | { kind: 'story'; storyId: string };

export interface NewAlert {
  id: string;
  target: AlertTarget;
  /** Where matches are POSTed as JSON; null: the alert is read through its Atom feed only. */
  webhook: string | null;
  createdAt: string;
}

export interface AlertRecord extends NewAlert {
  /** Articles recorded as matching. */
  matches: number;
  lastMatchAt: string | null;
  /** Webhook deliveries waiting (not yet delivered, attempts left) and given up on. */
  pendingDeliveries: number;
  failedDeliveries: number;
}

export interface AlertMatch {
  alertId: string;
  articleId: string;
  /** The article's story when it matched. */
  storyId: string;
  matchedAt: string;
}

/** A matched article as an alert's feed and webhook show it (read from the stored article). */
export interface AlertMatchView {
  articleId: string;
  storyId: string;
  matchedAt: string;
  title: string;
  url: string | null;
  /** ISO start of its publication date, when known. */
  published: string | null;
  source: string | null;
}

/** One webhook POST to make: the new matches of one alert in one story. */
export interface AlertDelivery {
  id: number;
  alertId: string;
  webhook: string;
  storyId: string;
  articleIds: string[];
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** 'pending' until delivered or given up on ('failed'); nothing is ever dropped silently. */
  status: 'pending' | 'delivered' | 'failed';
  deliveredAt: string | null;
}

export interface DeliveryAttempt {
  id: number;
  at: string;
  ok: boolean;
  error?: string;
  /** On failure: when to try again; null: give up (status 'failed'). */
  nextAttemptAt?: string | null;
}

/**
 * Guarantees (both stores; each method is its own transaction unless called inside an open batch):
 * - Feeds are keyed by URL: adding a stored feed changes nothing; removing one keeps what it brought in.
 * - `knownPageUrls` answers from an index, whatever the store's size. A URL is known when an article is
 *   stored under it (its `url`, or the canonical URL its analysis found) or when a fetch of it was
 *   recorded as stored, duplicate, not-article, or failed `maxFailures` times or more.
 * - `recordAlertMatches` is idempotent per (alert, article): a match recorded twice counts once, and
 *   only the newly recorded matches of an alert with a webhook create deliveries, one per (alert,
 *   story) in the call. Removing an alert removes its matches and deliveries.
 */
export interface LiveStore {
  /** Adds the feeds not stored yet (never fetched); returns those it added, in the order given. */
  addFeeds(urls: string[], addedAt: string): Promise<string[]>;
  /** Removes the feeds; returns how many were stored. */
  removeFeeds(urls: string[]): Promise<number>;
  /** Every feed, in the order added. */
  listFeeds(): Promise<FeedRecord[]>;
  /** Feeds never polled or whose `nextCheckAt` is at or before `now`, most overdue first (never polled first). */
  dueFeeds(now: string): Promise<FeedRecord[]>;
  /** Records a poll: success sets the validators and title given and resets errorCount; failure adds one and keeps the validators. Unknown URL: no-op. */
  recordFeedCheck(check: FeedCheck): Promise<void>;

  /** Of these URLs, the ones not to fetch again (see the guarantees). */
  knownPageUrls(urls: string[], maxFailures: number): Promise<Set<string>>;
  /** Records a fetch under `url` (and `finalUrl`, `canonicalUrl` when given); a failed fetch adds one to the URL's failures. */
  recordPageFetch(record: PageFetchRecord): Promise<void>;

  createAlert(alert: NewAlert): Promise<void>;
  listAlerts(): Promise<AlertRecord[]>;
  getAlert(id: string): Promise<AlertRecord | null>;
  removeAlert(id: string): Promise<boolean>;
  /** Records matches (see the guarantees); returns the matches newly recorded. */
  recordAlertMatches(matches: AlertMatch[]): Promise<AlertMatch[]>;
  /** The alert's matched articles, newest match first (then newest article), at most `limit`. */
  alertMatches(alertId: string, limit: number): Promise<AlertMatchView[]>;
  /** Pending deliveries whose `nextAttemptAt` is at or before `now`, oldest first, at most `limit`. */
  dueDeliveries(now: string, limit: number): Promise<AlertDelivery[]>;
  /** Records an attempt: ok marks it delivered; a failure counts an attempt and sets the next time, or marks it failed when `nextAttemptAt` is null. */
  recordDeliveryAttempt(attempt: DeliveryAttempt): Promise<void>;
  /** Deliveries of an alert, newest first, at most `limit` (to show what happened). */
  alertDeliveries(alertId: string, limit: number): Promise<AlertDelivery[]>;
}
