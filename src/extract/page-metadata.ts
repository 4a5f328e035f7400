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
    for (const node of flattenJsonLd(data)) {
      if (!out.datePublished && typeof node.datePublished === 'string') out.datePublished = node.datePublished;
      if (!out.dateModified && typeof node.dateModified === 'string') out.dateModified = node.dateModified;
      if (!out.headline && typeof node.headline === 'string') out.headline = node.headline;
      const publisher = node.publisher as { name?: unknown } | undefined;
      if (!out.publisher && publisher && typeof publisher.name === 'string') out.publisher = publisher.name;
      if (out.authors.length === 0) out.authors = names(node.author);
      if (!out.image) out.image = imageUrl(node.image);
    }
  }
  return out;
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
