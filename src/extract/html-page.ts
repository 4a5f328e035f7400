// Extraction from HTML: metadata from structured data and <meta> tags, the publication date from its
// signals, the main text by a one-pass detector on a lean parse with a Readability-style second opinion.
import type { ExtractedArticle, RawDocument } from '../domain/index.js';
import { resolveLanguage, wordCount } from '../lang/index.js';
import { attr, PageIndex, parsePage, queryAll, removeAll, textOf, type Document } from './dom.js';
import { findPublicationDate } from './html-dates.js';
import { readPageMetadata } from './page-metadata.js';
import { getBoilerplateRules } from './boilerplate.js';
import { cleanParagraphs } from './clean-paragraphs.js';
import { htmlToText } from './html-text.js';
import { extractMainContent, isEnoughContent } from './main-content.js';
import { extractTextPage } from './text-page.js';
import { secondOpinion } from './second-opinion.js';
import { agencyFromText, agencyOfCredit, displayLabel, isOutletEvidence, MAX_OUTLET_WORDS, namesAgree, siteLabel, titleSides } from './outlet.js';

export type HtmlPageResult = Pick<
  ExtractedArticle,
  'title' | 'text' | 'source' | 'agency' | 'published' | 'publishedSource' | 'publishedConfidence' | 'declaredLanguage' | 'chromeLanguage' | 'authors' | 'canonicalUrl' | 'imageUrl' | 'modified'
>;

const VISIBLE_LINES = 600;
/** Below this share of the page's prose, the one-pass result is checked against a second opinion. */
const MIN_COVERAGE = 0.7;
/** The second opinion replaces the one-pass text only when clearly longer. */
const SECOND_OPINION_MARGIN = 1.2;
const MIN_TITLE_CHARS = 8;
/** A site name the metadata states is a name, not a sentence. */
const MAX_SITE_NAME_WORDS = 10;
/** Headings read for telling a <title>'s headline from its site name. */
const MAX_HEADINGS = 30;
/** Where a page names itself, best first: Open Graph, then the publisher and application metadata. */
const SITE_NAME_META_KEYS = ['og:site_name', 'application-name', 'publisher'];

export interface HtmlPageOptions {
  /** Below this confidence a candidate publication date is dropped (default: data/time/date-signals.json). */
  minDateConfidence?: number;
}

export function extractHtmlPage(doc: RawDocument, options: HtmlPageOptions = {}): HtmlPageResult {
  const page = parsePage(doc.body);
  const index = new PageIndex(page);
  const root = index.first('html');
  const metadata = readPageMetadata(index, doc.url);
  const { meta, jsonLd } = metadata;
  // What the page declares (<html lang>, else Content-Language, else og:locale) is a hint: the text decides.
  const contentLanguage = index.byTag('meta').find((el) => attr(el, 'http-equiv')?.toLowerCase() === 'content-language');
  const declaredLanguage =
    [root && attr(root, 'lang'), contentLanguage && attr(contentLanguage, 'content'), meta.get('og:locale')]
      .map((v) => v?.trim().split(/[-_,;\s]/)[0]?.toLowerCase())
      .find((v) => !!v && /^[a-z]{2,3}$/.test(v)) ?? null;
  const metaTitle = jsonLd.headline ?? meta.get('og:title') ?? meta.get('twitter:title') ?? null;
  const h1 = textOfFirst('h1', index);
  const titleTag = textOfFirst('title', index);
  // The outlet: what the page says it is, then its host; the <title>'s sides are told apart by agreement.
  const [ogSite, ...otherSiteMeta] = SITE_NAME_META_KEYS.map((k) => meta.get(k));
  const label = siteLabel(doc.url);
  const siteName = [ogSite, jsonLd.publisher, ...otherSiteMeta].map((v) => v && siteNamePart(v.replace(/\s+/g, ' ').trim(), label)).find(isSiteName) ?? null;
  const sides = titleSides(titleTag, {
    siteNames: [siteName, label].filter((n): n is string => !!n),
    metaHeadlines: [jsonLd.headline, meta.get('og:title'), meta.get('twitter:title')].filter((t): t is string => !!t),
    headings: headings(index),
  });
  // A blog's <h1> is often its own name, the post's title below it: then the <title> gives the headline.
  const h1IsSiteName = !!h1 && [siteName, label, sides?.outlet].some((n) => !!n && namesAgree(h1, n)) && sides?.headline !== h1;
  const docTitle = h1.length >= MIN_TITLE_CHARS && !h1IsSiteName ? h1 : (sides?.headline ?? titleTag);
  const hostName = label ? displayLabel(label) : null;
  const titledSite = sides && isOutletEvidence(sides.outlet) ? sides.outlet : null;
  const language = resolveLanguage(declaredLanguage, `${docTitle} ${metaTitle ?? ''}`).language;
  const pageDate = findPublicationDate({
    index,
    rawHtml: doc.body,
    ...(doc.url ? { url: doc.url } : {}),
    jsonLdDate: jsonLd.datePublished ?? null,
    meta,
    language,
    headerLines: () => visibleLines(page),
    ...(doc.fetchedAt ? { fetchedAt: doc.fetchedAt } : {}),
  }, options.minDateConfidence);

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
    removeAll(queryAll('script, style, noscript, nav, header, footer, aside, form', again));
    fallback = extractTextPage({ ...doc, format: 'text', body: htmlToText(again) });
    text = fallback.text;
  }
  const title = headline || fallback?.title || '';
  return {
    title,
    text,
    // A <title> side known by agreement with the headline names the site better than its host does.
    source: siteName ?? (sides && label && namesAgree(sides.outlet, label) ? sides.outlet : null) ?? titledSite ?? hostName ?? fallback?.source ?? null,
    agency: agencyFromText(text) ?? metadata.authors.map(agencyOfCredit).find(Boolean) ?? fallback?.agency ?? null,
    published: pageDate?.date ?? null,
    publishedSource: pageDate?.signal ?? null,
    ...(pageDate ? { publishedConfidence: pageDate.confidence } : {}),
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

/**
 * "Name | Tagline | ABC" as a site name: the part that agrees with the host; else the whole, when it
 * reads as a name; else its first part (sites put their name before their tagline).
 */
function siteNamePart(value: string, label: string | null): string {
  const parts = value.split(/\s+[|–—·•]\s+|\s*[|｜]\s*/u).filter(Boolean);
  if (parts.length < 2) return value;
  return (label && parts.find((p) => namesAgree(p, label))) || (wordCount(value) <= MAX_SITE_NAME_WORDS ? value : parts[0]!);
}

/** A site name from metadata: a name, not a URL or a sentence. */
function isSiteName(value: string | undefined): value is string {
  return !!value && !/^https?:|\/\//.test(value) && wordCount(value) >= 1 && wordCount(value) <= MAX_SITE_NAME_WORDS;
}

/** The page's h1 to h3 headings, with their level. */
function headings(index: PageIndex): Array<{ level: number; text: string }> {
  return [1, 2, 3].flatMap((level) =>
    index
      .byTag(`h${level}`)
      .slice(0, MAX_HEADINGS)
      .map((el) => ({ level, text: textOf(el).replace(/\s+/g, ' ').trim() }))
      .filter((h) => h.text && wordCount(h.text) <= MAX_OUTLET_WORDS * 8),
  );
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
