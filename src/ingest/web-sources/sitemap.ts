// Sitemaps (sitemaps.org urlset and sitemapindex, with Google News tags) -> page URLs, read with
// htmlparser2's streaming parser so that a sitemap of a million URLs keeps only `maxEntries` of them
// in memory and counts the rest. Gzip is told by its magic bytes and decompressed with a cap.
import { Parser } from 'htmlparser2';
import { InputError } from '../../domain/index.js';
import { createUnicodeDecoder, sniffUnicodeEncoding } from '../decode.js';
import { toIsoDate } from './dates.js';
import { formatBytes, gunzipCapped, isGzip } from './gzip.js';
import { describeText } from './looks.js';
import { collapse } from './plain-text.js';

export interface SitemapEntry {
  url: string;
  /** ISO 8601, as precise as the sitemap wrote it. */
  lastmod?: string;
  news?: { title?: string; published?: string; language?: string };
}

export interface ParsedSitemap {
  kind: 'urlset' | 'sitemapindex';
  entries: SitemapEntry[];
  /** `<loc>`s seen, kept or not. */
  total: number;
  /** More usable entries than `maxEntries`: the first ones are kept. */
  truncated: boolean;
  /** Locs dropped: relative, invalid or not http(s). */
  skipped: number;
  /** The document ended before its root element closed (a cut download): what was complete is kept. */
  endedEarly: boolean;
}

export interface SitemapOptions {
  /** Entries kept; the sitemap protocol allows 50,000 per file. */
  maxEntries?: number;
  /** Decompressed (or plain) size refused beyond; the protocol allows 50 MiB. */
  maxBytes?: number;
}

export const SITEMAP_MAX_ENTRIES = 50_000;
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;
/** Characters of text kept per field: a URL or a title is never longer in a real sitemap. */
const MAX_FIELD_CHARS = 8 * 1024;
const FEED_CHUNK_BYTES = 64 * 1024;

type Field = 'loc' | 'lastmod' | 'newsTitle' | 'newsDate' | 'newsLanguage';

/** Sentinel thrown from inside the parser's callbacks when the root is not a sitemap's. */
class NotSitemap extends Error {}

export function parseSitemap(bytes: Uint8Array, sitemapUrl: string, options: SitemapOptions = {}): ParsedSitemap {
  const maxEntries = Math.max(0, options.maxEntries ?? SITEMAP_MAX_ENTRIES);
  const maxBytes = options.maxBytes ?? SITEMAP_MAX_BYTES;
  let endedEarly = false;
  if (isGzip(bytes)) {
    const out = gunzipCapped(bytes, maxBytes, sitemapUrl);
    bytes = out.bytes;
    endedEarly = out.endedEarly;
  } else if (bytes.length > maxBytes) {
    throw new InputError(sitemapUrl, `sitemap larger than ${formatBytes(maxBytes)} (refused: the sitemap protocol's limit)`);
  }

  const result: ParsedSitemap = { kind: 'urlset', entries: [], total: 0, truncated: false, skipped: 0, endedEarly };
  /** Local names of the open elements (the first levels only: nothing deeper matters). */
  const stack: string[] = [];
  let depth = 0;
  let rootSeen = false;
  let rootClosed = false;
  let entryName = 'url';
  let entry: { loc?: string; lastmod?: string; newsTitle?: string; newsDate?: string; newsLanguage?: string } | null = null;
  let field: Field | null = null;
  let text = '';
  /** The first characters, for saying what a document that is not a sitemap looks like. */
  let head = '';

  const fieldAt = (local: string): Field | null => {
    if (!entry) return null;
    if (depth === 3) return local === 'loc' ? 'loc' : local === 'lastmod' ? 'lastmod' : null;
    if (depth === 4 && stack[2] === 'news') return local === 'title' ? 'newsTitle' : local === 'publication_date' ? 'newsDate' : null;
    if (depth === 5 && stack[2] === 'news' && stack[3] === 'publication' && local === 'language') return 'newsLanguage';
    return null;
  };

  const closeEntry = () => {
    const e = entry!;
    entry = null;
    if (e.loc === undefined) return;
    result.total++;
    const url = httpUrl(e.loc);
    if (!url) {
      result.skipped++;
      return;
    }
    if (result.entries.length >= maxEntries) {
      result.truncated = true;
      return;
    }
    const out: SitemapEntry = { url };
    const lastmod = toIsoDate(e.lastmod);
    if (lastmod) out.lastmod = lastmod;
    const news: NonNullable<SitemapEntry['news']> = {};
    if (e.newsTitle) news.title = e.newsTitle;
    const published = toIsoDate(e.newsDate);
    if (published) news.published = published;
    if (e.newsLanguage && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(e.newsLanguage)) news.language = e.newsLanguage;
    if (Object.keys(news).length) out.news = news;
    result.entries.push(out);
  };

  const parser = new Parser(
    {
      onopentag(name) {
        depth++;
        const local = localName(name);
        if (depth <= 8) stack[depth - 1] = local;
        if (depth === 1) {
          if (rootSeen) return;
          rootSeen = true;
          if (local !== 'urlset' && local !== 'sitemapindex') throw new NotSitemap(describeText(head));
          result.kind = local;
          entryName = local === 'urlset' ? 'url' : 'sitemap';
          return;
        }
        if (depth === 2 && local === entryName) {
          entry = {};
          return;
        }
        const f = fieldAt(local);
        if (f) {
          field = f;
          text = '';
        }
      },
      ontext(chunk) {
        if (field && text.length < MAX_FIELD_CHARS) text += chunk;
      },
      onclosetag(_name, isImplied) {
        // At the end, the parser closes what is still open: a cut entry is not kept, a cut root is told.
        if (isImplied) {
          if (depth === 2) entry = null;
          field = null;
          depth = Math.max(0, depth - 1);
          return;
        }
        if (field && entry) {
          const value = collapse(text.slice(0, MAX_FIELD_CHARS));
          if (field === 'loc') entry.loc = value;
          else entry[field] = value;
          field = null;
          text = '';
        }
        if (depth === 2 && entry) closeEntry();
        if (depth === 1) rootClosed = true;
        depth = Math.max(0, depth - 1);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );

  const encoding = sniffUnicodeEncoding(bytes) ?? 'utf-8';
  const decoder = createUnicodeDecoder(encoding);
  try {
    for (let i = 0; i < bytes.length && !rootClosed; i += FEED_CHUNK_BYTES) {
      const chunk = decoder.write(bytes.subarray(i, i + FEED_CHUNK_BYTES));
      if (head.length < 4096) head += chunk.slice(0, 4096);
      if (!rootSeen && head.length >= 4096 && describeRoot(head) === 'not markup') throw new NotSitemap(describeText(head));
      parser.write(chunk);
    }
    if (!rootClosed) {
      const rest = decoder.end();
      if (head.length < 4096) head += rest;
      parser.write(rest);
      // The last entry's closing tags may be missing: entries are kept only when their element closed.
      parser.end();
    }
  } catch (err) {
    if (err instanceof NotSitemap) throw new InputError(sitemapUrl, `not a sitemap (${err.message})`);
    if (err instanceof InputError) throw err;
    throw new InputError(sitemapUrl, `unreadable sitemap (${(err as Error).message})`, { cause: err });
  }
  if (!rootSeen) throw new InputError(sitemapUrl, `not a sitemap (${describeText(head)})`);
  if (!rootClosed) result.endedEarly = true;
  return result;
}

/** `news:title` -> `title`; sitemap tags are matched by local name whatever their prefix. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return (colon < 0 ? name : name.slice(colon + 1)).toLowerCase();
}

function describeRoot(head: string): 'markup' | 'not markup' {
  return /^[\s\ufeff]*</.test(head) ? 'markup' : 'not markup';
}

function httpUrl(raw: string): string | null {
  if (!raw || raw.length > 8192) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
