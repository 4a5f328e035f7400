// How far each kind of publication-date evidence is trusted (data/time/date-signals.json), and the
// confidence below which no date is stored.
import { z } from 'zod';
import type { DateSignal } from '../domain/index.js';
import { loadDataFile } from '../lib/data-files.js';

const SIGNALS = ['supplied', 'json-ld', 'meta', 'time', 'url', 'text', 'inferred', 'story', 'feed', 'sitemap', 'capture'] as const;
export const EVIDENCE_KINDS = [
  'json-ld',
  'meta-published',
  'markup-published',
  'url-day',
  'meta-generic',
  'embedded-json',
  'url-month',
  'time-datetime',
  'time-text',
  'date-container',
  'text-line',
  'inferred',
  'inferred-beside-undated-news',
  'feed-item',
  'sitemap-news',
  'sitemap-lastmod',
  'capture',
] as const;

/** The kind of evidence behind a candidate date: finer than its `DateSignal`. */
export type DateEvidence = (typeof EVIDENCE_KINDS)[number];

const EvidenceSchema = z.object({ signal: z.enum(SIGNALS), confidence: z.number().min(0).max(1) });
const DateSignalsSchema = z.object({
  version: z.number(),
  minConfidence: z.number().min(0).max(1),
  evidence: z.object(Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, EvidenceSchema])) as Record<DateEvidence, typeof EvidenceSchema>),
  metaPublishedKeys: z.array(z.string()),
  metaGenericKeys: z.array(z.string()),
});

export type DateSignalRules = z.infer<typeof DateSignalsSchema>;

export function getDateSignalRules(): DateSignalRules {
  return loadDataFile('time/date-signals.json', DateSignalsSchema);
}

export function signalOf(evidence: DateEvidence): DateSignal {
  return getDateSignalRules().evidence[evidence].signal;
}

export function confidenceOf(evidence: DateEvidence): number {
  return getDateSignalRules().evidence[evidence].confidence;
}

/** The stored confidence threshold: a candidate below it gives no date. */
export function minDateConfidence(): number {
  return getDateSignalRules().minConfidence;
}

/** Independent evidence for one date: the chance that not all of it is wrong. */
export function combineConfidence(confidences: number[]): number {
  return 1 - confidences.reduce((miss, c) => miss * (1 - c), 1);
}
