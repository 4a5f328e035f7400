// `watch`: keeps the stored feeds current. Each due feed is asked conditionally (a 304 costs nothing),
// its new items are fetched and stored, and its next poll is scheduled: the interval after a success,
// longer and longer after failures. Everything a poll decides is in the store, so a restarted watch
// picks up where it stopped without fetching a stored page again. Due webhooks are delivered after
// each round.
import { deliverDueWebhooks, type DeliveryReport, type PostJson } from '../alerts/index.js';
import { InputError } from '../domain/index.js';
import type { Fetcher } from '../ingest/fetch/index.js';
import type { FeedRecord, StoryStore } from '../store/index.js';
import { backfillBeforeIngest, emptySummary, type IngestSummary } from './ingest.js';
import { ingestListedPages, readFeed, runConcurrently, type WebIngestOptions } from './ingest-web.js';

/** The longest wait after repeated failures. */
const MAX_BACKOFF_MS = 24 * 3_600_000;
/** Feeds polled at once (each host still gets the fetcher's politeness). */
const FEED_CONCURRENCY = 4;

export interface FeedPollResult {
  url: string;
  status: 'new-items' | 'no-new-items' | 'not-modified' | 'failed';
  items: number;
  newItems: number;
  added: number;
  error?: string;
  nextCheckAt: string;
}

export interface WatchRound {
  startedAt: string;
  feeds: FeedPollResult[];
  summary: IngestSummary;
  deliveries: DeliveryReport;
}

export interface WatchOptions extends Omit<WebIngestOptions, 'summary'> {
  intervalMs: number;
  /** Posts webhook deliveries; none: deliveries wait for a watch that has one. */
  postJson?: PostJson;
  publicUrl?: string;
  now?: () => Date;
  onFeed?(result: FeedPollResult): void;
}

/** One round: every due feed polled, its new items stored, due webhooks delivered. */
export async function watchRound(store: StoryStore, options: WatchOptions): Promise<WatchRound> {
  const now = options.now ?? (() => new Date());
  await backfillBeforeIngest(store);
  const startedAt = now().toISOString();
  const summary = emptySummary();
  const due = await store.dueFeeds(startedAt);
  const feeds: FeedPollResult[] = [];
  for await (const result of runConcurrently(due, FEED_CONCURRENCY, (feed) => pollFeed(feed, store, summary, options))) {
    feeds.push(result);
    options.onFeed?.(result);
  }
  const deliveries = options.postJson ? await deliverDueWebhooks(store, options.postJson, { now, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) }) : { delivered: 0, retrying: 0, failed: 0, errors: [] };
  return { startedAt, feeds, summary, deliveries };
}

/** Polls one feed and stores its new items; the poll's outcome is recorded on the feed. */
export async function pollFeed(feed: FeedRecord, store: StoryStore, summary: IngestSummary, options: WatchOptions): Promise<FeedPollResult> {
  const now = options.now ?? (() => new Date());
  const checkedAt = now().toISOString();
  try {
    const response = await options.fetcher.fetch({ url: feed.url, etag: feed.etag, lastModified: feed.lastModified, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' });
    const nextCheckAt = after(now(), options.intervalMs);
    if (response.notModified) {
      await store.recordFeedCheck({ url: feed.url, checkedAt, ok: true, etag: feed.etag, lastModified: feed.lastModified, title: feed.title, nextCheckAt });
      return { url: feed.url, status: 'not-modified', items: 0, newItems: 0, added: 0, nextCheckAt };
    }
    const { title, pages } = readFeed(response, feed.url);
    const before = { added: summary.added, failed: summary.failed.length };
    await ingestListedPages(pages, store, { ...options, summary });
    const newItems = summary.added - before.added + (summary.failed.length - before.failed);
    // Recorded after the items: a watch stopped mid-feed asks for the whole feed again, and skips what it stored.
    await store.recordFeedCheck({ url: feed.url, checkedAt, ok: true, etag: response.etag, lastModified: response.lastModified, title, nextCheckAt });
    return { url: feed.url, status: newItems > 0 ? 'new-items' : 'no-new-items', items: pages.length, newItems, added: summary.added - before.added, nextCheckAt };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const nextCheckAt = after(now(), Math.min(options.intervalMs * 2 ** (feed.errorCount + 1), MAX_BACKOFF_MS));
    await store.recordFeedCheck({ url: feed.url, checkedAt, ok: false, error: err.reason, nextCheckAt });
    summary.failed.push(err);
    options.progress?.onError?.(err);
    return { url: feed.url, status: 'failed', items: 0, newItems: 0, added: 0, error: err.reason, nextCheckAt };
  }
}

/** How long until the next feed is due (0 when one is due now); the interval when there are none. */
export async function untilNextDue(store: StoryStore, intervalMs: number, now: Date): Promise<number> {
  const feeds = await store.listFeeds();
  if (feeds.length === 0) return intervalMs;
  const next = Math.min(...feeds.map((f) => (f.nextCheckAt ? Date.parse(f.nextCheckAt) : 0)));
  return Math.max(0, next - now.getTime());
}

function after(now: Date, ms: number): string {
  return new Date(now.getTime() + ms).toISOString();
}
