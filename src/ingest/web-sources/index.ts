// Web sources: what live ingest reads besides single pages — feeds, sitemaps and WARC files — and a
// sniffer telling which one a fetched resource is.
export { parseFeedDocument, MAX_FEED_ITEMS, SUMMARY_MAX_CHARS, type FeedItem, type ParsedFeed } from './feed.js';
export { parseSitemap, SITEMAP_MAX_BYTES, SITEMAP_MAX_ENTRIES, type ParsedSitemap, type SitemapEntry, type SitemapOptions } from './sitemap.js';
export { readWarc, WARC_MAX_RECORD_BYTES, type ReadWarcOptions } from './warc.js';
export { sniffWebSource, type WebSourceKind } from './sniff.js';
export { toIsoDate } from './dates.js';
export { describeContent } from './looks.js';
