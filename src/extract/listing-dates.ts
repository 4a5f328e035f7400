// The publication date of a page found through a listing (feed item, sitemap entry, WARC record):
// the listing's date is one more candidate beside the page's own, judged by the same confidences
// (data/time/date-signals.json). Agreeing candidates raise each other; otherwise the stronger wins.
import type { CalendarDate, DateSignal, RawDocument } from '../domain/index.js';
import { combineConfidence, confidenceOf, minDateConfidence, signalOf, type DateEvidence } from '../time/index.js';
import { parseMachineDate } from './machine-date.js';

export interface DatedCandidate {
  date: CalendarDate;
  signal: DateSignal;
  confidence: number;
}

/** The listing's date candidates, strongest first (unreadable dates are left out). */
export function listingDateCandidates(listing: RawDocument['listing']): DatedCandidate[] {
  if (!listing) return [];
  const found: Array<[string | undefined, DateEvidence]> =
    listing.kind === 'warc'
      ? [[listing.published, 'capture']]
      : listing.kind === 'feed'
        ? [[listing.published, 'feed-item']]
        : [
            [listing.published, 'sitemap-news'],
            [listing.modified, 'sitemap-lastmod'],
          ];
  const out: DatedCandidate[] = [];
  for (const [value, evidence] of found) {
    const date = value ? parseMachineDate(value) : null;
    if (date) out.push({ date, signal: signalOf(evidence), confidence: confidenceOf(evidence) });
  }
  return out;
}

/**
 * The page's own date (null when it found none above the threshold) judged beside the listing's.
 * A capture date never overrules a date the page gives: it only dates a page that dates nothing else.
 */
export function judgeListingDate(page: DatedCandidate | null, listing: RawDocument['listing']): DatedCandidate | null {
  let best = page;
  for (const candidate of listingDateCandidates(listing)) {
    if (best && sameDay(best.date, candidate.date)) {
      best = { ...best, confidence: combineConfidence([best.confidence, candidate.confidence]) };
    } else if (candidate.signal === 'capture') {
      if (!best) best = candidate;
    } else if (!best || candidate.confidence > best.confidence) {
      best = candidate;
    }
  }
  return best && best.confidence >= minDateConfidence() ? best : null;
}

function sameDay(a: CalendarDate, b: CalendarDate): boolean {
  return a.start === b.start && a.precision === b.precision;
}
