// An alert's matches as an Atom feed (RFC 4287): one entry per matched article, newest match first.
import { alertValue } from '../alerts/index.js';
import type { AlertMatchView, AlertRecord } from '../store/index.js';
import { xml } from './atom.js';

export interface AlertFeedLinks {
  /** The web UI's origin, without a trailing slash. */
  origin: string;
  feedUrl: string;
}

export function renderAlertFeed(alert: AlertRecord, matches: AlertMatchView[], links: AlertFeedLinks): string {
  const updated = matches[0]?.matchedAt ?? alert.createdAt;
  const entries = matches.map((m) => {
    const storyUrl = `${links.origin}/stories/${encodeURIComponent(m.storyId)}`;
    const articleUrl = `${links.origin}/articles/${encodeURIComponent(m.articleId)}`;
    return [
      '  <entry>',
      `    <id>${xml(`${links.feedUrl}#${m.articleId}`)}</id>`,
      `    <title>${xml(m.title)}</title>`,
      `    <updated>${xml(m.matchedAt)}</updated>`,
      ...(m.published ? [`    <published>${xml(`${m.published}T00:00:00Z`)}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${xml(articleUrl)}"/>`,
      `    <link rel="related" type="text/html" href="${xml(storyUrl)}"/>`,
      ...(m.url ? [`    <link rel="via" href="${xml(m.url)}"/>`] : []),
      ...(m.source ? [`    <author><name>${xml(m.source)}</name></author>`] : []),
      `    <summary type="text">${xml(`${m.source ?? 'unknown outlet'}${m.published ? `, ${m.published}` : ''}: ${m.title}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(links.feedUrl)}</id>`,
    `  <title>${xml(`Storyline alert: ${alert.target.kind} "${alertValue(alert.target)}"`)}</title>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(links.feedUrl)}"/>`,
    '  <author><name>Storyline</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
