// Extraction from HTML: metadata from structured data and <meta> tags, main text via Readability.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ExtractedArticle, RawDocument } from '../domain/index.js';
import { detectLanguage, wordCount } from '../lang/index.js';
import { findPublicationDate } from './html-dates.js';
import { readPageMetadata } from './page-metadata.js';
import { getBoilerplateRules } from './boilerplate.js';
import { cleanParagraphs } from './clean-paragraphs.js';
import { htmlToText } from './html-text.js';
import { extractMainContent, isEnoughContent } from './main-content.js';
import { extractTextPage } from './text-page.js';

export type HtmlPageResult = Pick<
  ExtractedArticle,
  'title' | 'text' | 'source' | 'published' | 'publishedSource' | 'declaredLanguage' | 'chromeLanguage' | 'authors' | 'canonicalUrl' | 'imageUrl' | 'modified'
>;

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption';
const VISIBLE_LINES = 600;
/** Below this share of the page's prose, the one-pass result is checked against Readability's. */
const MIN_COVERAGE = 0.6;
/** Readability's text replaces the one-pass text only when clearly longer. */
const READABILITY_MARGIN = 1.2;
const MIN_TITLE_CHARS = 8;
const MAX_SITE_WORDS = 6;
const CAPTION_SELECTOR = 'figcaption, [class*="caption" i], [class*="credit" i]';

export function extractHtmlPage(doc: RawDocument): HtmlPageResult {
  const { document } = parseHTML(doc.body);
  const declaredLanguage = document.documentElement?.getAttribute('lang')?.split(/[-_]/)[0]?.toLowerCase() || null;
  const metadata = readPageMetadata(document as unknown as Document, doc.url);
  const { meta, jsonLd } = metadata;
  const metaTitle = jsonLd.headline ?? meta.get('og:title') ?? meta.get('twitter:title') ?? null;
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const titleTag = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const docTitle = h1.length >= MIN_TITLE_CHARS ? h1 : titleTag;
  const siteName = meta.get('og:site_name') ?? jsonLd.publisher ?? siteFromTitleTag(titleTag, metaTitle ?? docTitle) ?? null;
  const language = declaredLanguage ?? detectLanguage(`${docTitle} ${metaTitle ?? ''}`).language;
  const pageDate = findPublicationDate({
    document: document as unknown as Document,
    rawHtml: doc.body,
    ...(doc.url ? { url: doc.url } : {}),
    jsonLdDate: jsonLd.datePublished ?? null,
    meta,
    language,
    headerLines: () => visibleLines(document as unknown as Document),
    ...(doc.fetchedAt ? { fetchedAt: doc.fetchedAt } : {}),
  });

  // Content detection mutates the document, so metadata is read first. The one-pass detector
  // decides most pages; Readability, on a fresh parse, takes those where it finds too little.
  const rules = getBoilerplateRules();
  const headline = (doc.hints.title ?? metaTitle ?? docTitle).trim();
  const clean = (raw: string) => cleanParagraphs(raw.split('\n\n'), headline, rules, language).join('\n\n');
  const main = extractMainContent(document as unknown as Document);
  let text = clean(main.text);
  let article: { siteName?: string | null } | null = null;
  if (!isEnoughContent(text) || main.coverage < MIN_COVERAGE) {
    const { document: fresh } = parseHTML(doc.body);
    const parsed = new Readability<Element>(fresh as unknown as Document, { charThreshold: 200, serializer: (el) => el as Element }).parse();
    article = parsed;
    const viaReadability = parsed?.content ? clean(blocksToText(parsed.content)) : '';
    if (wordCount(viaReadability) > wordCount(text) * READABILITY_MARGIN) text = viaReadability;
  }
  let fallback = null;
  if (wordCount(text) < 30) {
    const { document: again } = parseHTML(doc.body);
    again.querySelectorAll('script, style, noscript, nav, header, footer, aside, form').forEach((n: Element) => n.remove());
    fallback = extractTextPage({ ...doc, format: 'text', body: htmlToText(again.body ?? again.documentElement) });
    text = fallback.text;
  }
  const title = headline || fallback?.title || '';
  return {
    title,
    text,
    source: siteName ?? article?.siteName ?? fallback?.source ?? hostOf(doc.url),
    published: pageDate?.date ?? null,
    publishedSource: pageDate?.signal ?? null,
    declaredLanguage,
    chromeLanguage: null,
    authors: metadata.authors,
    canonicalUrl: metadata.canonicalUrl,
    imageUrl: metadata.imageUrl,
    modified: metadata.modified,
  };
}

/** The site's host name, the outlet of last resort ("www.example.com" -> "example.com"). */
function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** "Headline - Site Name" or "Site Name | Headline" in <title>: the part that is not the headline. */
function siteFromTitleTag(titleTag: string, headline: string): string | null {
  if (!headline || titleTag === headline || !titleTag.includes(headline)) return null;
  const rest = titleTag.replace(headline, '').replace(/^[\s|–—:·-]+|[\s|–—:·-]+$/g, '').trim();
  return rest && wordCount(rest) <= MAX_SITE_WORDS ? rest : null;
}

/** The page's visible text, one line per block, before any cleaning: where bylines print dates. */
function visibleLines(document: Document): string[] {
  // One walk over the untouched page; a line per block, as a reader sees it.
  return htmlToText(document.body)
    .split(/\n+/)
    .slice(0, VISIBLE_LINES);
}

function blocksToText(content: Element): string {
  // Captions describe pictures, not the story.
  content.querySelectorAll(CAPTION_SELECTOR).forEach((n: Element) => n.remove());
  return htmlToText(content);
}
