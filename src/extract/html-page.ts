// Extraction from HTML: metadata from structured data and <meta> tags, the publication date from its
// signals, the main text by a one-pass detector on a lean parse with a Readability-style second opinion.
import type { ExtractedArticle, RawDocument } from '../domain/index.js';
import { detectLanguage, wordCount } from '../lang/index.js';
import { attr, PageIndex, parsePage, queryAll, remove, textOf, type Document } from './dom.js';
import { findPublicationDate } from './html-dates.js';
import { readPageMetadata } from './page-metadata.js';
import { getBoilerplateRules } from './boilerplate.js';
import { cleanParagraphs } from './clean-paragraphs.js';
import { htmlToText } from './html-text.js';
import { extractMainContent, isEnoughContent } from './main-content.js';
import { extractTextPage } from './text-page.js';
import { secondOpinion } from './second-opinion.js';

export type HtmlPageResult = Pick<
  ExtractedArticle,
  'title' | 'text' | 'source' | 'published' | 'publishedSource' | 'declaredLanguage' | 'chromeLanguage' | 'authors' | 'canonicalUrl' | 'imageUrl' | 'modified'
>;

const VISIBLE_LINES = 600;
/** Below this share of the page's prose, the one-pass result is checked against a second opinion. */
const MIN_COVERAGE = 0.7;
/** The second opinion replaces the one-pass text only when clearly longer. */
const SECOND_OPINION_MARGIN = 1.2;
const MIN_TITLE_CHARS = 8;
const MAX_SITE_WORDS = 6;

export function extractHtmlPage(doc: RawDocument): HtmlPageResult {
  const page = parsePage(doc.body);
  const index = new PageIndex(page);
  const root = index.first('html');
  const declaredLanguage = (root && attr(root, 'lang')?.split(/[-_]/)[0]?.toLowerCase()) || null;
  const metadata = readPageMetadata(index, doc.url);
  const { meta, jsonLd } = metadata;
  const metaTitle = jsonLd.headline ?? meta.get('og:title') ?? meta.get('twitter:title') ?? null;
  const h1 = textOfFirst('h1', index);
  const titleTag = textOfFirst('title', index);
  const docTitle = h1.length >= MIN_TITLE_CHARS ? h1 : titleTag;
  const siteName = meta.get('og:site_name') ?? jsonLd.publisher ?? siteFromTitleTag(titleTag, metaTitle ?? docTitle) ?? null;
  const language = declaredLanguage ?? detectLanguage(`${docTitle} ${metaTitle ?? ''}`).language;
  const pageDate = findPublicationDate({
    index,
    rawHtml: doc.body,
    ...(doc.url ? { url: doc.url } : {}),
    jsonLdDate: jsonLd.datePublished ?? null,
    meta,
    language,
    headerLines: () => visibleLines(page),
    ...(doc.fetchedAt ? { fetchedAt: doc.fetchedAt } : {}),
  });

  // Content detection prunes the tree, so metadata and dates are read first. The one-pass detector
  // decides most pages; a Readability-style pass, on a fresh parse, is asked where it is unsure.
  const rules = getBoilerplateRules();
  const headline = (doc.hints.title ?? metaTitle ?? docTitle).trim();
  const clean = (raw: string) => cleanParagraphs(raw.split('\n\n'), headline, rules, language).join('\n\n');
  const main = extractMainContent(page);
  let text = clean(main.text);
  if (!isEnoughContent(text) || main.coverage < MIN_COVERAGE) {
    const other = clean(secondOpinion(doc.body));
    const longer = wordCount(other) > wordCount(text) * SECOND_OPINION_MARGIN;
    // Or the same text with more around it (a lead, a second part): more of the article, same risk.
    if (longer || (wordCount(other) > wordCount(text) && includesParagraphs(other, text))) text = other;
  }
  let fallback = null;
  if (wordCount(text) < 30) {
    const again = parsePage(doc.body);
    queryAll('script, style, noscript, nav, header, footer, aside, form', again).forEach(remove);
    fallback = extractTextPage({ ...doc, format: 'text', body: htmlToText(again) });
    text = fallback.text;
  }
  const title = headline || fallback?.title || '';
  return {
    title,
    text,
    source: siteName ?? fallback?.source ?? hostOf(doc.url),
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

/** Does `outer` hold every paragraph of `inner`? */
function includesParagraphs(outer: string, inner: string): boolean {
  const paragraphs = inner.split('\n\n').filter(Boolean);
  return paragraphs.length > 0 && paragraphs.every((p) => outer.includes(p));
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
function visibleLines(page: Document): string[] {
  // One walk over the untouched page; a line per block, as a reader sees it.
  return htmlToText(page).split(/\n+/).slice(0, VISIBLE_LINES);
}

function textOfFirst(tag: string, index: PageIndex): string {
  const el = index.first(tag);
  return el ? textOf(el).replace(/\s+/g, ' ').trim() : '';
}
