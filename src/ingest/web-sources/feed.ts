// RSS 0.9x/2.0, RDF (RSS 1.0), Atom 0.3/1.0 and JSON Feed -> the items a feed lists, through feedsmith.
// An item is kept only with an http(s) URL (relative links resolved against xml:base and the feed's
// own URL); titles and summaries come out as plain text; dates as ISO 8601 (./dates.ts).
import { parseFeed, type AnyFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { InputError } from '../../domain/index.js';
import { toIsoDate } from './dates.js';
import { describeText } from './looks.js';
import { clip, collapse, htmlToPlainText } from './plain-text.js';

export interface FeedItem {
  url: string;
  title?: string;
  /** ISO 8601, with the offset the feed wrote. */
  published?: string;
  /** Plain text: tags stripped, entities decoded, at most SUMMARY_MAX_CHARS characters. */
  summary?: string;
  id?: string;
  language?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string | null;
  language: string | null;
  items: FeedItem[];
  /** Items dropped for want of a usable http(s) URL. */
  skipped: number;
  /** The feed listed more than MAX_FEED_ITEMS items: the first ones are kept. */
  truncated: boolean;
}

export const MAX_FEED_ITEMS = 10_000;
export const SUMMARY_MAX_CHARS = 2_000;
const TITLE_MAX_CHARS = 1_000;

type Text = { value?: string; type?: string } | undefined;

/** Parses a feed's text; anything that is not a feed is an InputError naming `feedUrl`. */
export function parseFeedDocument(text: string, feedUrl: string): ParsedFeed {
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(text, { maxItems: MAX_FEED_ITEMS + 1 });
  } catch (err) {
    throw new InputError(feedUrl, `not an RSS or Atom feed (${describeFailure(text, err)})`, { cause: err });
  }
  const base = safeUrl(feedUrl);
  switch (parsed.format) {
    case 'rss':
      return finish('rss', rssTitle(parsed.feed.title), parsed.feed.language ?? parsed.feed.dc?.languages?.[0], rssItems(parsed.feed, base));
    case 'rdf':
      return finish('rdf', rssTitle(parsed.feed.title), parsed.feed.dc?.languages?.[0], rdfItems(parsed.feed, base));
    case 'atom':
      return finish('atom', atomText(parsed.feed.title as Text), parsed.feed.xml?.lang ?? parsed.feed.dc?.languages?.[0], atomItems(parsed.feed, base));
    case 'json':
      return finish('json', rssTitle(parsed.feed.title as string | undefined), parsed.feed.language, jsonItems(parsed.feed, base));
  }
}

/** Why feedsmith refused: what the text looks like, unless it looked like a feed and was broken. */
function describeFailure(text: string, err: unknown): string {
  const looks = describeText(text);
  const name = (err as Error | undefined)?.name;
  if (/root element is <(\w+:)?(rss|rdf|feed)>/i.test(looks) && name !== 'DetectError') return `${looks}, but malformed or cut short`;
  return looks;
}

function finish(format: ParsedFeed['format'], title: string | undefined, language: string | undefined, got: { items: Array<FeedItem | null> }): ParsedFeed {
  let items = got.items;
  const truncated = items.length > MAX_FEED_ITEMS;
  if (truncated) items = items.slice(0, MAX_FEED_ITEMS);
  const kept = items.filter((x): x is FeedItem => x !== null);
  return { format, title: title || null, language: cleanLanguage(language) ?? null, items: kept, skipped: items.length - kept.length, truncated };
}

function rssItems(feed: RssFeed.Feed<string>, base: URL | null): { items: Array<FeedItem | null> } {
  const channelBase = resolveBase(feed.xml?.base, base);
  return {
    items: (feed.items ?? []).map((item) => {
      const itemBase = resolveBase(item.xml?.base, channelBase);
      const guid = item.guid?.value;
      const guidUrl = guid && item.guid?.isPermaLink !== false ? absoluteHttp(guid, null) : null;
      const url = absoluteHttp(item.link, itemBase) ?? guidUrl;
      if (!url) return null;
      return build({
        url,
        title: rssTitle(item.title),
        published: toIsoDate(item.pubDate) ?? toIsoDate(item.dc?.dates?.[0]) ?? toIsoDate(item.dcterms?.issued?.[0]) ?? toIsoDate(item.dcterms?.created?.[0]),
        summary: summaryOf(item.description ?? item.content?.encoded),
        id: guid,
        language: item.xml?.lang ?? item.dc?.languages?.[0],
      });
    }),
  };
}

function rdfItems(feed: RdfFeed.Feed<string>, base: URL | null): { items: Array<FeedItem | null> } {
  return {
    items: (feed.items ?? []).map((item) => {
      const about = item.rdf?.about;
      const url = absoluteHttp(item.link, base) ?? absoluteHttp(about, base);
      if (!url) return null;
      return build({
        url,
        title: rssTitle(item.title),
        published: toIsoDate(item.dc?.dates?.[0]),
        summary: summaryOf(item.description ?? item.content?.encoded),
        id: about,
        language: item.dc?.languages?.[0],
      });
    }),
  };
}

function atomItems(feed: AtomFeed.Feed<string>, base: URL | null): { items: Array<FeedItem | null> } {
  const feedBase = resolveBase(feed.xml?.base, base);
  return {
    items: (feed.entries ?? []).map((entry) => {
      const entryBase = resolveBase(entry.xml?.base, feedBase);
      const links = entry.links ?? [];
      const link = links.find((l) => l.rel === 'alternate' && (!l.type || /html/i.test(l.type))) ?? links.find((l) => l.rel === 'alternate') ?? links.find((l) => !l.rel);
      const url = absoluteHttp(link?.href, entryBase);
      if (!url) return null;
      const content = entry.content as Text;
      return build({
        url,
        title: atomText(entry.title as Text),
        published: toIsoDate(entry.published) ?? toIsoDate(entry.updated) ?? toIsoDate(entry.dc?.dates?.[0]),
        summary: clipOrUndefined(atomText(entry.summary as Text) ?? (content && content.type !== 'text' && content.type !== undefined && !/html/.test(content.type) ? undefined : atomText(content))),
        id: typeof entry.id === 'string' ? entry.id : undefined,
        language: entry.xml?.lang ?? entry.dc?.languages?.[0],
      });
    }),
  };
}

function jsonItems(feed: JsonFeed.Feed<string>, base: URL | null): { items: Array<FeedItem | null> } {
  return {
    items: (feed.items ?? []).map((item) => {
      const url = absoluteHttp(item.url, base) ?? absoluteHttp(item.external_url, base);
      if (!url) return null;
      return build({
        url,
        title: rssTitle(item.title),
        published: toIsoDate(item.date_published) ?? toIsoDate(item.date_modified),
        summary: clipOrUndefined(item.summary ? collapse(item.summary) : item.content_text ? collapse(item.content_text) : item.content_html ? htmlToPlainText(item.content_html) : undefined),
        id: item.id === undefined ? undefined : String(item.id),
        language: item.language,
      });
    }),
  };
}

/** Drops the fields that came out empty. */
function build(x: { url: string; title?: string; published?: string; summary?: string; id?: string; language?: string }): FeedItem {
  const out: FeedItem = { url: x.url };
  if (x.title) out.title = x.title;
  if (x.published) out.published = x.published;
  if (x.summary) out.summary = x.summary;
  const id = typeof x.id === 'string' ? x.id.trim() : '';
  if (id) out.id = id;
  const language = cleanLanguage(x.language);
  if (language) out.language = language;
  return out;
}

/** RSS titles are HTML in practice (escaped or in CDATA). */
function rssTitle(raw: string | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = htmlToPlainText(raw);
  return text ? clip(text, TITLE_MAX_CHARS) : undefined;
}

function summaryOf(raw: string | undefined): string | undefined {
  return typeof raw === 'string' ? clipOrUndefined(htmlToPlainText(raw)) : undefined;
}

function clipOrUndefined(s: string | undefined): string | undefined {
  return s ? clip(s, SUMMARY_MAX_CHARS) : undefined;
}

/** Atom text constructs: `text` is plain (feedsmith has decoded it), `html` and `xhtml` are markup. */
function atomText(t: Text | string): string | undefined {
  if (typeof t === 'string') return collapse(t) || undefined;
  if (!t || typeof t.value !== 'string') return undefined;
  const text = t.type === 'html' || t.type === 'xhtml' || t.type === 'text/html' ? htmlToPlainText(t.value) : collapse(t.value);
  return text || undefined;
}

function cleanLanguage(raw: string | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  return /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.test(s) ? s.replace(/_/g, '-') : undefined;
}

function safeUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

function resolveBase(raw: string | undefined, base: URL | null): URL | null {
  if (typeof raw !== 'string' || !raw.trim()) return base;
  try {
    return new URL(raw.trim(), base ?? undefined);
  } catch {
    return base;
  }
}

/** An http(s) URL, resolved against `base`; null for anything else. */
function absoluteHttp(raw: string | undefined, base: URL | null): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!s || s.length > 8192) return null;
  try {
    const u = new URL(s, base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
