// Ingest from the web: each URL is fetched and told apart by its content (an article page, an RSS or
// Atom feed, a sitemap or sitemap index, a WARC file); the pages a feed or sitemap lists are fetched
// in turn, with what the listing said of them kept as candidates (RawDocument.listing). A page already
// stored (by its URL or canonical URL), or already refused, is not fetched again.
import { InputError, type RawDocument } from '../domain/index.js';
import { decodeText, isWarcFile, type IngestItem } from '../ingest/index.js';
import { FetchError, type Fetcher, type FetchResponse } from '../ingest/fetch/index.js';
import { describeContent, parseFeedDocument, parseSitemap, readWarc, sniffWebSource, type FeedItem, type SitemapEntry } from '../ingest/web-sources/index.js';
import type { StoryStore } from '../store/index.js';
import { backfillBeforeIngest, emptySummary, ingestItems, type IngestOptions, type IngestSummary } from './ingest.js';

/** A page listed by a feed or a sitemap, with what the listing said of it. */
export interface ListedPage {
  url: string;
  listing: NonNullable<RawDocument['listing']>;
}

export interface WebIngestOptions extends IngestOptions {
  fetcher: Fetcher;
  /** Pages fetched from one feed or sitemap at most; the rest are reported (default 1,000). */
  maxPages?: number;
  /** Pages fetched at once (the fetcher still keeps its per-host limits). */
  concurrency?: number;
  /** A URL whose fetch failed this many times is not tried again. */
  maxFailures?: number;
  /** Largest WARC file read from a URL (it is held in memory). */
  maxWarcBytes?: number;
}

export const DEFAULT_MAX_PAGES = 1_000;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_FAILURES = 3;
const DEFAULT_MAX_WARC_BYTES = 256 * 1024 * 1024;
/** Child sitemaps read from a sitemap index at most. */
const MAX_CHILD_SITEMAPS = 50;
const LISTING_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

/** `storyline ingest URL…`: every URL's articles stored; failures reported by URL, the rest go on. */
export async function ingestUrls(urls: string[], store: StoryStore, options: WebIngestOptions): Promise<IngestSummary> {
  await backfillBeforeIngest(store);
  const summary = options.summary ?? emptySummary();
  options.progress?.onStart?.(urls.length);
  let done = 0;
  async function* items(): AsyncGenerator<IngestItem> {
    for (const url of urls) {
      yield* urlItems(url, store, options);
      options.progress?.onFile?.(url, ++done);
    }
  }
  return ingestItems(items(), store, webStoreOptions(store, { ...options, summary }));
}

/** Stores the listed pages not known yet (a feed's new items): what `watch` does with a feed. */
export async function ingestListedPages(pages: ListedPage[], store: StoryStore, options: WebIngestOptions): Promise<IngestSummary> {
  return ingestItems(pageItems(pages, store, options), store, webStoreOptions(store, options));
}

/**
 * Web pages are committed one by one, each recorded under the URL it was asked by (a redirect or a
 * canonical URL may differ), so an interrupted run re-fetches nothing it stored.
 */
function webStoreOptions(store: StoryStore, options: WebIngestOptions): WebIngestOptions {
  return {
    ...options,
    batchArticles: 1,
    onCommitted: async (docs) => {
      for (const doc of docs) if (doc.url) await store.recordPageFetch({ url: doc.origin, finalUrl: doc.url, articleId: null, outcome: 'stored', fetchedAt: doc.fetchedAt ?? new Date().toISOString() });
      await options.onCommitted?.(docs);
    },
    onRefused: async (doc, error) => {
      if (doc.url) await store.recordPageFetch({ url: doc.origin, finalUrl: doc.url, articleId: null, outcome: 'not-article', reason: error.reason, fetchedAt: doc.fetchedAt ?? new Date().toISOString() });
      await options.onRefused?.(doc, error);
    },
  };
}

/** What one URL given on the command line holds, as documents. */
async function* urlItems(url: string, store: StoryStore, options: WebIngestOptions): AsyncGenerator<IngestItem> {
  if ((await store.knownPageUrls([url], options.maxFailures ?? DEFAULT_MAX_FAILURES)).has(url)) {
    yield { kind: 'warning', origin: url, message: 'already stored: not fetched again' };
    return;
  }
  const isWarc = isWarcFile(new URL(url).pathname);
  let response: FetchResponse;
  try {
    response = await options.fetcher.fetch({ url, accept: LISTING_ACCEPT, ...(isWarc ? { maxBytes: options.maxWarcBytes ?? DEFAULT_MAX_WARC_BYTES } : {}) });
  } catch (err) {
    yield { kind: 'error', error: asFetchFailure(err, url) };
    return;
  }
  const kind = sniffWebSource(response.body, response.contentType, response.url);
  try {
    if (kind === 'feed' || kind === 'sitemap') {
      const listed = kind === 'feed' ? feedPages(response, url) : await sitemapPages(response, options);
      const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
      if (listed.total > maxPages) yield { kind: 'warning', origin: url, message: `lists ${listed.total} pages: only the first ${maxPages} are read (--max-pages)` };
      yield* pageItems(listed.pages.slice(0, maxPages), store, options);
    } else if (kind === 'warc') yield* readWarc(oneChunk(response.body), url);
    else if (kind === 'html' || kind === 'text') {
      const doc = pageDocument(url, response, kind);
      if (doc instanceof InputError) yield { kind: 'error', error: doc };
      else yield { kind: 'doc', doc };
    } else yield { kind: 'error', error: new InputError(url, `not an article page, feed, sitemap or WARC file: ${describeContent(response.body)} (${response.contentType ?? 'no content type'}, ${response.body.length} bytes)`) };
  } catch (err) {
    yield { kind: 'error', error: asFetchFailure(err, url) };
  }
}

/** A listing's pages, and how many it listed in all. */
interface Listed {
  pages: ListedPage[];
  total: number;
}

function feedPages(response: FetchResponse, origin: string): Listed {
  const { pages } = readFeed(response, origin);
  return { pages, total: pages.length };
}

/** A fetched feed: its title and the pages its items list (decoded by the declared charset, then the content). */
export function readFeed(response: FetchResponse, origin: string): { title: string | null; pages: ListedPage[] } {
  const decoded = decodeText(response.body, { ...(response.charset ? { declaredCharset: response.charset } : {}) });
  if (!decoded.ok) throw new InputError(origin, `feed is not text: ${decoded.reason}`);
  const feed = parseFeedDocument(decoded.text, response.url);
  return { title: feed.title, pages: feed.items.map((item) => feedItemPage(item, feed.language)) };
}

function feedItemPage(item: FeedItem, feedLanguage: string | null): ListedPage {
  const language = item.language ?? feedLanguage ?? undefined;
  return {
    url: item.url,
    listing: { kind: 'feed', ...(item.title ? { title: item.title } : {}), ...(item.published ? { published: item.published } : {}), ...(item.summary ? { summary: item.summary } : {}), ...(language ? { language } : {}) },
  };
}

/** A sitemap's pages; a sitemap index's child sitemaps are read in turn (one level, up to MAX_CHILD_SITEMAPS). */
async function sitemapPages(response: FetchResponse, options: WebIngestOptions): Promise<Listed> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const top = parseSitemap(response.body, response.url, { maxEntries: Math.max(maxPages, MAX_CHILD_SITEMAPS) });
  if (top.kind === 'urlset') return { pages: top.entries.map(sitemapPage), total: top.total };
  const pages: ListedPage[] = [];
  let total = 0;
  for (const child of top.entries.slice(0, MAX_CHILD_SITEMAPS)) {
    if (pages.length >= maxPages) break;
    const fetched = await options.fetcher.fetch({ url: child.url, accept: LISTING_ACCEPT });
    const sitemap = parseSitemap(fetched.body, fetched.url, { maxEntries: maxPages - pages.length });
    if (sitemap.kind !== 'urlset') continue; // indexes of indexes are not followed
    total += sitemap.total;
    pages.push(...sitemap.entries.map(sitemapPage));
  }
  return { pages, total };
}

function sitemapPage(entry: SitemapEntry): ListedPage {
  const news = entry.news;
  return {
    url: entry.url,
    listing: {
      kind: 'sitemap',
      ...(news?.title ? { title: news.title } : {}),
      ...(news?.published ? { published: news.published } : {}),
      ...(entry.lastmod ? { modified: entry.lastmod } : {}),
      ...(news?.language ? { language: news.language } : {}),
    },
  };
}

/** The listed pages not known yet, fetched a few at a time, as documents or errors naming the page. */
async function* pageItems(pages: ListedPage[], store: StoryStore, options: WebIngestOptions): AsyncGenerator<IngestItem> {
  const unique = [...new Map(pages.map((p) => [p.url, p])).values()];
  const known = await store.knownPageUrls(
    unique.map((p) => p.url),
    options.maxFailures ?? DEFAULT_MAX_FAILURES,
  );
  const fresh = unique.filter((p) => !known.has(p.url));
  yield* runConcurrently(fresh, options.concurrency ?? DEFAULT_CONCURRENCY, (page) => fetchPage(page, store, options));
}

async function fetchPage(page: ListedPage, store: StoryStore, options: WebIngestOptions): Promise<IngestItem> {
  try {
    const response = await options.fetcher.fetch({ url: page.url });
    const kind = sniffWebSource(response.body, response.contentType, response.url);
    if (kind !== 'html' && kind !== 'text') throw new InputError(page.url, `not an article page (${response.contentType ?? 'no content type'})`);
    const doc = pageDocument(page.url, response, kind, page.listing);
    if (doc instanceof InputError) throw doc;
    return { kind: 'doc', doc };
  } catch (err) {
    const error = asFetchFailure(err, page.url);
    const retryable = err instanceof FetchError && err.retryable;
    await store.recordPageFetch({ url: page.url, articleId: null, outcome: retryable ? 'failed' : 'not-article', reason: error.reason, fetchedAt: new Date().toISOString() });
    return { kind: 'error', error };
  }
}

/** A fetched page as a document: decoded by its declared charset, then its content. */
function pageDocument(origin: string, response: FetchResponse, kind: 'html' | 'text', listing?: RawDocument['listing']): RawDocument | InputError {
  const decoded = decodeText(response.body, { ...(response.charset ? { declaredCharset: response.charset } : {}), html: kind === 'html' });
  if (!decoded.ok) return new InputError(origin, decoded.reason);
  return {
    origin,
    url: response.url,
    format: kind,
    body: decoded.text,
    fetchedAt: response.fetchedAt,
    ...(decoded.warning ? { warnings: [decoded.warning] } : {}),
    ...(listing ? { listing } : {}),
    hints: {},
  };
}

/** An error met reading a URL, as the InputError that names it (a FetchError already is one). */
function asFetchFailure(err: unknown, url: string): InputError {
  return err instanceof InputError ? err : new InputError(url, (err as Error).message, { cause: err });
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Results of `work` over the inputs, at most `limit` running at once, in the order they finish. */
export async function* runConcurrently<T, R>(inputs: T[], limit: number, work: (input: T) => Promise<R>): AsyncGenerator<R> {
  const running = new Map<number, Promise<[number, R]>>();
  let next = 0;
  const start = () => {
    const i = next++;
    running.set(i, work(inputs[i]!).then((r) => [i, r] as [number, R]));
  };
  while (next < inputs.length && running.size < limit) start();
  while (running.size > 0) {
    const [i, result] = await Promise.race(running.values());
    running.delete(i);
    if (next < inputs.length) start();
    yield result;
  }
}
