// A story's timeline as an Atom feed (RFC 4287): one entry per point, newest development first.
import type { StoredArticle, StoryView, TimelinePoint } from '../domain/index.js';

export interface FeedLinks {
  /** The story page in the web UI. */
  storyUrl: string;
  /** This feed. */
  feedUrl: string;
}

export function renderStoryFeed(view: StoryView, articles: StoredArticle[], links: FeedLinks): string {
  const ingested = new Map(articles.map((a) => [a.id, a.ingestedAt]));
  const sourceOf = new Map(view.articles.map((a) => [a.id, a.source]));
  /** A point changes when an article reporting it arrives. */
  const pointUpdated = (p: TimelinePoint) => p.articles.map((id) => ingested.get(id) ?? '').sort().at(-1) || `${p.start}T00:00:00Z`;
  const points = [...view.timeline, ...view.background].sort((a, b) => b.start.localeCompare(a.start) || a.precision.localeCompare(b.precision));
  const updated = points.map(pointUpdated).sort().at(-1) ?? new Date(0).toISOString();
  const entries = points.map((p) => {
    const sources = reportedBy(p.articles.map((id) => sourceOf.get(id) ?? null));
    return [
      '  <entry>',
      `    <id>${xml(`${links.storyUrl}#point-${p.start}-${p.precision}`)}</id>`,
      `    <title>${xml(`${p.date}: ${p.text}`)}</title>`,
      `    <updated>${xml(pointUpdated(p))}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(links.storyUrl)}"/>`,
      `    <category term="${p.kind}"/>`,
      `    <summary type="text">${xml(`${p.text} (reported by ${sources})`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(links.storyUrl)}</id>`,
    `  <title>${xml(view.title || view.id)}</title>`,
    `  <subtitle>${xml(view.summary)}</subtitle>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(links.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(links.storyUrl)}"/>`,
    '  <author><name>Storyline</name></author>',
    '  <generator>Storyline</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** "A, B", each known outlet once; articles of unknown outlets are listed as such, not as one outlet. */
function reportedBy(sources: Array<string | null>): string {
  const known = [...new Set(sources.filter((s): s is string => s !== null))];
  const unknown = sources.length - sources.filter((s) => s !== null).length;
  if (unknown) known.push(unknown === 1 ? 'an article of unknown outlet' : `${unknown} articles of unknown outlets`);
  return known.join(', ');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes markup and drops the control characters XML 1.0 cannot carry. */
export function xml(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}
