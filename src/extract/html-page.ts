// Extraction from HTML: metadata from structured data and <meta> tags, main text via Readability.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { CalendarDate, DateSignal, ExtractedArticle, RawDocument } from '../domain/index.js';
import { parseMachineDate } from './machine-date.js';
import { extractTextPage } from './text-page.js';

export type HtmlPageResult = Pick<
  ExtractedArticle,
  'title' | 'text' | 'source' | 'published' | 'publishedSource' | 'declaredLanguage' | 'chromeLanguage'
>;

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption';
const DATE_META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
];

export function extractHtmlPage(doc: RawDocument): HtmlPageResult {
  const { document } = parseHTML(doc.body);
  const declaredLanguage = document.documentElement?.getAttribute('lang')?.split(/[-_]/)[0]?.toLowerCase() || null;
  const meta = readMeta(document);
  const jsonLd = readJsonLd(document);
  const metaTitle = jsonLd.headline ?? meta.get('og:title') ?? meta.get('twitter:title') ?? null;
  const docTitle = document.querySelector('h1')?.textContent?.trim() || document.querySelector('title')?.textContent?.trim() || '';
  const siteName = meta.get('og:site_name') ?? jsonLd.publisher ?? null;
  const structured = pickStructuredDate(jsonLd.datePublished ?? null, meta);

  // Readability mutates the document, so metadata is read first.
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  let text = article?.content ? blocksToText(article.content) : '';
  let fallback = null;
  if (text.split(/\s+/).length < 30) {
    const { document: again } = parseHTML(doc.body);
    again.querySelectorAll('script, style, noscript, nav, header, footer, aside, form').forEach((n: Element) => n.remove());
    fallback = extractTextPage({ ...doc, format: 'text', body: blocksToTextFromRoot(again.body ?? again.documentElement) });
    text = fallback.text;
  }
  const title = (doc.hints.title ?? metaTitle ?? article?.title ?? docTitle ?? fallback?.title ?? '').trim();
  const published = structured?.date ?? fallback?.published ?? null;
  return {
    title,
    text,
    source: siteName ?? article?.siteName ?? fallback?.source ?? null,
    published,
    publishedSource: structured ? structured.signal : fallback?.published ? 'text' : null,
    declaredLanguage,
    chromeLanguage: null,
  };
}

function readMeta(document: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    const value = el.getAttribute('content');
    if (key && value && !out.has(key)) out.set(key, value.trim());
  }
  for (const el of Array.from(document.querySelectorAll('[itemprop="datePublished"]'))) {
    const value = el.getAttribute('datetime') ?? el.getAttribute('content');
    if (value && !out.has('datepublished')) out.set('datepublished', value);
  }
  return out;
}

interface JsonLdFields {
  headline?: string;
  datePublished?: string;
  publisher?: string;
}

function readJsonLd(document: Document): JsonLdFields {
  const out: JsonLdFields = {};
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const node of flattenJsonLd(data)) {
      if (!out.datePublished && typeof node.datePublished === 'string') out.datePublished = node.datePublished;
      if (!out.headline && typeof node.headline === 'string') out.headline = node.headline;
      const publisher = node.publisher as { name?: unknown } | undefined;
      if (!out.publisher && publisher && typeof publisher.name === 'string') out.publisher = publisher.name;
    }
  }
  return out;
}

function flattenJsonLd(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data.flatMap(flattenJsonLd);
  if (data && typeof data === 'object') {
    const node = data as Record<string, unknown>;
    return [node, ...(Array.isArray(node['@graph']) ? flattenJsonLd(node['@graph']) : [])];
  }
  return [];
}

function pickStructuredDate(jsonLdDate: string | null, meta: Map<string, string>): { date: CalendarDate; signal: DateSignal } | null {
  const fromJsonLd = jsonLdDate ? parseMachineDate(jsonLdDate) : null;
  if (fromJsonLd) return { date: fromJsonLd, signal: 'meta' };
  for (const key of DATE_META_KEYS) {
    const value = meta.get(key);
    const date = value ? parseMachineDate(value) : null;
    if (date) return { date, signal: 'meta' };
  }
  return null;
}

function blocksToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blocksToTextFromRoot(document.body);
}

/** Text of the innermost block elements, one paragraph each. */
function blocksToTextFromRoot(root: Element | null): string {
  if (!root) return '';
  const blocks = Array.from(root.querySelectorAll(BLOCK_SELECTOR)).filter((el) => !el.querySelector(BLOCK_SELECTOR));
  const texts = (blocks.length ? blocks : [root]).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return texts.join('\n\n');
}
