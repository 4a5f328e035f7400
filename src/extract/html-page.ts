// Extraction from HTML: metadata from structured data and <meta> tags, main text via Readability.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ExtractedArticle, RawDocument } from '../domain/index.js';
import { detectLanguage } from '../lang/index.js';
import { findPublicationDate } from './html-dates.js';
import { getBoilerplateRules } from './boilerplate.js';
import { cleanParagraphs } from './clean-paragraphs.js';
import { htmlToText } from './html-text.js';
import { extractTextPage } from './text-page.js';

export type HtmlPageResult = Pick<
  ExtractedArticle,
  'title' | 'text' | 'source' | 'published' | 'publishedSource' | 'declaredLanguage' | 'chromeLanguage'
>;

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption';
const VISIBLE_LINES = 600;
const CAPTION_SELECTOR = 'figcaption, [class*="caption" i], [class*="credit" i]';

export function extractHtmlPage(doc: RawDocument): HtmlPageResult {
  const { document } = parseHTML(doc.body);
  const declaredLanguage = document.documentElement?.getAttribute('lang')?.split(/[-_]/)[0]?.toLowerCase() || null;
  const meta = readMeta(document);
  const jsonLd = readJsonLd(document);
  const metaTitle = jsonLd.headline ?? meta.get('og:title') ?? meta.get('twitter:title') ?? null;
  const docTitle = document.querySelector('h1')?.textContent?.trim() || document.querySelector('title')?.textContent?.trim() || '';
  const siteName = meta.get('og:site_name') ?? jsonLd.publisher ?? null;
  const pageDate = findPublicationDate({
    document: document as unknown as Document,
    rawHtml: doc.body,
    ...(doc.url ? { url: doc.url } : {}),
    jsonLdDate: jsonLd.datePublished ?? null,
    meta,
    language: declaredLanguage ?? detectLanguage(`${docTitle} ${metaTitle ?? ''}`).language,
    headerLines: visibleLines(document as unknown as Document),
  });

  // Readability mutates the document, so metadata is read first.
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const rules = getBoilerplateRules();
  const headline = (doc.hints.title ?? metaTitle ?? article?.title ?? docTitle).trim();
  let text = article?.content ? cleanParagraphs(blocksToText(article.content).split('\n\n'), headline, rules).join('\n\n') : '';
  let fallback = null;
  if (text.split(/\s+/).length < 30) {
    const { document: again } = parseHTML(doc.body);
    again.querySelectorAll('script, style, noscript, nav, header, footer, aside, form').forEach((n: Element) => n.remove());
    fallback = extractTextPage({ ...doc, format: 'text', body: htmlToText(again.body ?? again.documentElement) });
    text = fallback.text;
  }
  const title = (doc.hints.title ?? metaTitle ?? article?.title ?? docTitle ?? fallback?.title ?? '').trim();
  return {
    title,
    text,
    source: siteName ?? article?.siteName ?? fallback?.source ?? null,
    published: pageDate?.date ?? null,
    publishedSource: pageDate?.signal ?? null,
    declaredLanguage,
    chromeLanguage: null,
  };
}

/** The page's visible text, one line per block, before any cleaning: where bylines print dates. */
function visibleLines(document: Document): string[] {
  const body = document.body;
  if (!body) return [];
  const lines: string[] = [];
  for (const el of Array.from(body.querySelectorAll(BLOCK_SELECTOR + ', span, div'))) {
    if (el.querySelector(BLOCK_SELECTOR + ', div')) continue;
    if (el.closest('script, style, noscript')) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
    if (lines.length >= VISIBLE_LINES) break;
  }
  return lines;
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

function blocksToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // Captions describe pictures, not the story.
  document.querySelectorAll(CAPTION_SELECTOR).forEach((n: Element) => n.remove());
  return htmlToText(document.body);
}
