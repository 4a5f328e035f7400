// Extract: RawDocument -> ExtractedArticle. Supplied metadata wins over what the page suggests.
import { wordCount } from '../lang/index.js';
import { InputError, type ExtractedArticle, type RawDocument } from '../domain/index.js';
import { extractHtmlPage, type HtmlPageOptions } from './html-page.js';
import { judgeListingDate } from './listing-dates.js';
import { parseMachineDate } from './machine-date.js';
import { findNotTextReason } from './not-text.js';
import { extractTextPage } from './text-page.js';

export { parseMachineDate } from './machine-date.js';
export { collapseRepeat } from './text-page.js';
export { MAX_ELEMENT_DEPTH } from './depth-bounded-parse.js';

/** Fewer words than this is not an article. */
const MIN_ARTICLE_WORDS = 5;
/**
 * More text than this is not one article (a book, a database dump, a whole crawl in one record) and
 * would stall analysis; the longest news features are around 100 KB. HTML pages are cut earlier, at read.
 */
export const MAX_ARTICLE_TEXT_CHARS = 2_000_000;

export type ExtractOptions = HtmlPageOptions;

export function extractArticle(doc: RawDocument, options: ExtractOptions = {}): ExtractedArticle {
  if (doc.format !== 'html') checkSize(doc.origin, doc.body.length);
  const page =
    doc.format === 'html'
      ? extractHtmlPage(doc, options)
      : { ...extractTextPage(doc), publishedSource: null, declaredLanguage: null, authors: [], canonicalUrl: null, imageUrl: null, modified: null };
  checkSize(doc.origin, page.text.length);
  if (wordCount(page.text) < MIN_ARTICLE_WORDS) {
    throw new InputError(doc.origin, 'no article text found');
  }
  const notText = findNotTextReason(page.text);
  if (notText) throw new InputError(doc.origin, `not text: ${notText}`);
  const supplied = doc.hints.published ? parseMachineDate(doc.hints.published, { anyYear: true }) : null;
  if (doc.hints.published && !supplied) {
    throw new InputError(doc.origin, `cannot read "published" date "${doc.hints.published}" (expected ISO 8601, e.g. 2024-06-18)`);
  }
  const pageDate = page.published ? { date: page.published, signal: page.publishedSource ?? 'text', confidence: page.publishedConfidence ?? 1 } : null;
  const judged = supplied ? null : judgeListingDate(pageDate, doc.listing);
  const published = supplied ?? judged?.date ?? null;
  return {
    origin: doc.origin,
    ...(doc.path ? { path: doc.path } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    ...(doc.hints.id ? { suppliedId: doc.hints.id } : {}),
    title: doc.hints.title ?? (page.title || doc.listing?.title?.trim() || page.title),
    text: page.text,
    source: doc.hints.source ?? page.source,
    agency: page.agency,
    published,
    publishedSource: supplied ? 'supplied' : (judged?.signal ?? null),
    ...(supplied ? { publishedConfidence: 1 } : judged && (judged !== pageDate || page.publishedConfidence !== undefined) ? { publishedConfidence: judged.confidence } : {}),
    declaredLanguage: doc.hints.language ?? page.declaredLanguage ?? doc.listing?.language ?? null,
    chromeLanguage: page.chromeLanguage,
    authors: page.authors,
    canonicalUrl: page.canonicalUrl,
    imageUrl: page.imageUrl,
    modified: page.modified,
  };
}

function checkSize(origin: string, chars: number): void {
  if (chars <= MAX_ARTICLE_TEXT_CHARS) return;
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} million characters`;
  throw new InputError(origin, `text is ${mb(chars)}, over the limit of ${mb(MAX_ARTICLE_TEXT_CHARS)} for one article`);
}
