// Structured metadata of an HTML page: <meta> tags, JSON-LD, <link rel=canonical>.
import type { CalendarDate } from '../domain/index.js';
import { attr, textOf, type PageIndex } from './dom.js';
import { parseMachineDate } from './machine-date.js';

export interface JsonLdFields {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  publisher?: string;
  authors: string[];
  image?: string;
}

export interface PageMetadata {
  meta: Map<string, string>;
  jsonLd: JsonLdFields;
  authors: string[];
  canonicalUrl: string | null;
  imageUrl: string | null;
  modified: CalendarDate | null;
}

const MODIFIED_META_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified'];
const AUTHOR_META_KEYS = ['author', 'article:author', 'dc.creator', 'sailthru.author', 'parsely-author', 'byl'];

export function readPageMetadata(index: PageIndex, pageUrl?: string): PageMetadata {
  const meta = readMeta(index);
  const jsonLd = readJsonLd(index);
  const metaAuthors = AUTHOR_META_KEYS.map((k) => meta.get(k))
    .filter((v): v is string => !!v && !/^https?:/.test(v))
    .map((v) => v.replace(/^by\s+/i, '').trim());
  const link = index.byTag('link').find((el) => attr(el, 'rel') === 'canonical');
  const canonical = (link && attr(link, 'href')) ?? meta.get('og:url') ?? null;
  const image = jsonLd.image ?? meta.get('og:image') ?? meta.get('twitter:image') ?? null;
  const modifiedRaw = jsonLd.dateModified ?? MODIFIED_META_KEYS.map((k) => meta.get(k)).find(Boolean) ?? null;
  return {
    meta,
    jsonLd,
    authors: unique([...jsonLd.authors, ...metaAuthors]),
    canonicalUrl: absolute(canonical, pageUrl),
    imageUrl: absolute(image, pageUrl),
    modified: modifiedRaw ? parseMachineDate(modifiedRaw) : null,
  };
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => v && !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

function absolute(href: string | null, base: string | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).toString();
  } catch {
    return /^https?:\/\//.test(href) ? href : null;
  }
}

function readMeta(index: PageIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of index.byTag('meta')) {
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').toLowerCase();
    const value = attr(el, 'content');
    if (key && value && !out.has(key)) out.set(key, value.trim());
  }
  for (const el of index.withAttribute('itemprop', 'datePublished')) {
    const value = attr(el, 'datetime') ?? attr(el, 'content');
    if (value && !out.has('datepublished')) out.set('datepublished', value);
  }
  return out;
}

function readJsonLd(index: PageIndex): JsonLdFields {
  const out: JsonLdFields = { authors: [] };
  for (const script of index.byTag('script').filter((el) => attr(el, 'type') === 'application/ld+json')) {
    let data: unknown;
    try {
      data = JSON.parse(textOf(script));
    } catch {
      continue;
    }
    const nodes = flattenJsonLd(data);
    out.publisher ??= publisherName(nodes);
    for (const node of nodes) {
      if (!out.datePublished && typeof node.datePublished === 'string') out.datePublished = node.datePublished;
      if (!out.dateModified && typeof node.dateModified === 'string') out.dateModified = node.dateModified;
      if (!out.headline && typeof node.headline === 'string') out.headline = node.headline;
      if (out.authors.length === 0) out.authors = names(node.author);
      if (!out.image) out.image = imageUrl(node.image);
    }
  }
  return out;
}

/**
 * The publisher an article or page node names (by name, or by "@id" pointing at an organisation node of
 * the same graph, as Yoast and other schema generators write it); else a news-media organisation node.
 */
function publisherName(nodes: Array<Record<string, unknown>>): string | undefined {
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));
  const withPublisher = [...nodes].sort((a, b) => publisherRank(a) - publisherRank(b));
  for (const node of withPublisher) {
    const ref = Array.isArray(node.publisher) ? node.publisher[0] : node.publisher;
    if (!ref || typeof ref !== 'object') continue;
    const r = ref as Record<string, unknown>;
    const name = typeof r.name === 'string' ? r.name : typeof r['@id'] === 'string' ? byId.get(r['@id'])?.name : undefined;
    if (typeof name === 'string' && name.trim()) return name.trim();
  }
  const media = nodes.find((n) => typesOf(n).includes('NewsMediaOrganization') && typeof n.name === 'string');
  return media ? (media.name as string).trim() : undefined;
}

/** Articles state their publisher first, then pages and sites. */
function publisherRank(node: Record<string, unknown>): number {
  const types = typesOf(node);
  if (types.some((t) => /Article|Posting|Report/.test(t))) return 0;
  return types.some((t) => /Page|WebSite/.test(t)) ? 1 : 2;
}

function typesOf(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function names(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return [(value as { name: string }).name];
  return [];
}

function imageUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageUrl(value[0]);
  if (value && typeof value === 'object' && typeof (value as { url?: unknown }).url === 'string') return (value as { url: string }).url;
  return undefined;
}

function flattenJsonLd(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data.flatMap(flattenJsonLd);
  if (data && typeof data === 'object') {
    const node = data as Record<string, unknown>;
    return [node, ...(Array.isArray(node['@graph']) ? flattenJsonLd(node['@graph']) : [])];
  }
  return [];
}
