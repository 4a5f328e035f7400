// What a fetched web resource is: a feed, a sitemap, a WARC file, an HTML page or plain text. The
// bytes decide first (servers send text/xml for feeds and text/html for anything); the media type
// decides only what the bytes leave open.
import { createUnicodeDecoder, looksBinary, sniffUnicodeEncoding } from '../decode.js';
import { gunzipPrefix, isGzip } from './gzip.js';
import { rootElement, startsWithWarc } from './looks.js';

export type WebSourceKind = 'feed' | 'sitemap' | 'warc' | 'html' | 'text' | 'unknown';

/** Bytes looked at: prologs, comments and a DOCTYPE come before the root element within these. */
const HEAD_BYTES = 16 * 1024;
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/x-rss+xml']);
const HTML_ROOTS = new Set(['html', 'head', 'body']);
const HTML_MARKERS = /<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script|link)[\s>/]/i;

export function sniffWebSource(bytes: Uint8Array, contentType: string | null, url: string): WebSourceKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (bytes.length === 0) return 'unknown';
  if (isGzip(bytes)) {
    const inner = gunzipPrefix(bytes, HEAD_BYTES);
    if (!inner.length) return 'unknown';
    if (startsWithWarc(inner)) return 'warc';
    // A gzipped sitemap or feed; a gzipped page is rare but read the same way.
    const kind = fromContent(inner);
    return kind ?? (looksBinary(inner) ? 'unknown' : fromType(type, url, inner));
  }
  if (startsWithWarc(bytes)) return 'warc';
  const kind = fromContent(bytes.subarray(0, HEAD_BYTES));
  if (kind) return kind;
  if (looksBinary(bytes.subarray(0, HEAD_BYTES)) && !sniffUnicodeEncoding(bytes.subarray(0, HEAD_BYTES))) return 'unknown';
  return fromType(type, url, bytes.subarray(0, HEAD_BYTES));
}

/** What the first bytes say by themselves; null when they do not say. */
function fromContent(head: Uint8Array): WebSourceKind | null {
  const text = headText(head);
  const root = rootElement(text);
  if (root) {
    const local = root.slice(root.indexOf(':') + 1).toLowerCase();
    if (local === 'rss' || local === 'feed' || (local === 'rdf' && /purl\.org\/rss\/1\.0|<(?:\w+:)?(?:channel|item)[\s>]/.test(text))) return 'feed';
    if (local === 'urlset' || local === 'sitemapindex') return 'sitemap';
    if (HTML_ROOTS.has(local)) return 'html';
    // Another XML root: not one of ours, whatever the header claims.
    return /^[\s\ufeff]*<\?xml/i.test(text) && !HTML_MARKERS.test(text.slice(0, 2048)) ? 'unknown' : 'html';
  }
  const start = text.replace(/^[\s\ufeff]+/, '');
  if (/^<!doctype\s+html/i.test(start)) return 'html';
  if (start[0] === '{') return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(start) ? 'feed' : null;
  if (start[0] === '<' && HTML_MARKERS.test(start.slice(0, 2048))) return 'html';
  return null;
}

/** When the bytes leave it open: the media type, then the URL's extension. */
function fromType(type: string, url: string, head: Uint8Array): WebSourceKind {
  if (FEED_TYPES.has(type)) return 'unknown'; // announced as a feed, but the bytes are not one
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    return HTML_MARKERS.test(headText(head).slice(0, 4096)) ? 'html' : 'text';
  }
  if (type === 'application/json' || type.endsWith('+json') || type === 'application/warc' || type === 'application/gzip' || type === 'application/x-gzip') return 'unknown';
  if (type.startsWith('text/') || !type) return /\.(?:warc|gz|xml|rss|atom|json)(?:[?#]|$)/i.test(url) ? 'unknown' : 'text';
  return 'unknown';
}

function headText(head: Uint8Array): string {
  const unicode = sniffUnicodeEncoding(head);
  if (unicode) return createUnicodeDecoder(unicode).write(head);
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
}

