// Human-readable and JSON renderings for the CLI.
import type { EnrichedArticle, StoredArticle, StorySummary, StoryView, TimelinePoint } from '../domain/index.js';
import { formatPublished, publicationFields, type TopicTimeline } from '../timeline/index.js';

const out = (s = ''): void => {
  process.stdout.write(`${s}\n`);
};

export function printStoryList(stories: StorySummary[]): void {
  if (stories.length === 0) return out('no stories yet: run `storyline ingest PATH...`');
  for (const s of stories) {
    out(`${s.id}  ${s.articleCount} article${s.articleCount === 1 ? '' : 's'}${s.copyCount ? ` (+${s.copyCount} ${s.copyCount === 1 ? 'copy' : 'copies'})` : ''}  [${s.languages.join(', ')}]  ${s.firstDate ?? '?'} → ${s.lastDate ?? '?'}  ${s.title}`);
  }
}

export function printStory(view: StoryView): void {
  out(`Story ${view.id}: ${view.title}`);
  out(`Languages: ${view.languages.join(', ')}`);
  out();
  out(`Summary: ${view.summary}`);
  out();
  out(`Articles (${view.articles.length}):`);
  for (const a of view.articles) {
    const date = a.published ? `${a.published}${a.publishedInferred ? ' (inferred)' : ''}` : 'undated';
    out(`  ${a.id}  ${date.padEnd(22)} ${a.language}  ${(a.source ?? 'unknown outlet').padEnd(14)} ${a.title}${a.duplicateOf ? `  (copy of ${a.duplicateOf})` : ''}`);
  }
  out();
  out('Timeline:');
  for (const p of view.timeline) out(pointLine(p));
  if (view.background.length) {
    out();
    out('Background:');
    for (const p of view.background) out(pointLine(p));
  }
  out();
  out(`Entities: ${view.entities.slice(0, 15).map((e) => `${e.name} (${e.type})`).join(', ')}`);
}

function pointLine(p: TimelinePoint): string {
  const date = p.end && p.end !== p.start ? `${p.date}…${p.end.slice(5)}` : p.date;
  return `  ${date.padEnd(17)} ${p.text}  [${p.articles.length} source${p.articles.length === 1 ? '' : 's'}]`;
}

/** A topic timeline as text: one line per point (date, text, outlets), background apart. */
export function printTopicTimeline(timeline: TopicTimeline, title: string): void {
  out(title);
  out(`${timeline.articleCount} article${timeline.articleCount === 1 ? '' : 's'}, language ${timeline.language}`);
  if (timeline.summary) out(`Summary: ${timeline.summary}`);
  out();
  if (timeline.points.length === 0) out('No dated developments in this selection.');
  for (const p of timeline.points) out(topicPointLine(p));
  if (timeline.background.length) {
    out();
    out('Background:');
    for (const p of timeline.background) out(topicPointLine(p));
  }
}

function topicPointLine(p: TopicTimeline['points'][number]): string {
  const date = p.end && p.end !== p.start ? `${p.date}…${p.end.slice(5)}` : p.date;
  return `  ${date.padEnd(17)} ${p.text}  (${p.sources.join(', ') || 'unknown outlet'})`;
}

export function printArticleList(articles: StoredArticle[]): void {
  if (articles.length === 0) return out('no articles yet');
  for (const a of articles) {
    const date = a.published ? formatPublished(a.published.start, a.published.precision) : 'undated';
    out(`${a.id}  ${date.padEnd(10)} ${a.language}  story ${a.storyId ?? '-'}  ${a.source ?? '-'}  ${a.title}  (${a.path ?? a.url ?? a.origin})`);
  }
}

/** A stored article: its identity, its analysis, its story. */
export function articleJson(a: StoredArticle) {
  return { id: a.id, ...analysisJson(a), story: a.storyId, duplicateOf: a.duplicateOf };
}

/** What analysis finds in one article, stored or not (`storyline analyze`). */
export function analysisJson(a: EnrichedArticle) {
  return {
    title: a.title,
    source: a.source,
    agency: a.agency,
    url: a.url ?? null,
    path: a.path ?? null,
    origin: a.origin,
    externalId: a.suppliedId ?? null,
    language: a.language,
    languageConfidence: a.languageConfidence,
    ...publicationFields(a),
    datePublishedSource: a.publishedSource,
    modified: a.modified ? formatPublished(a.modified.start, a.modified.precision) : null,
    authors: a.authors,
    canonicalUrl: a.canonicalUrl,
    imageUrl: a.imageUrl,
    entities: a.entities,
    dates: a.dates.map(({ text, start, end, precision, reference, kind }) => ({ text, start, ...(end ? { end } : {}), precision, reference, kind: kind ?? (reference ? 'reference' : 'event') })),
    quotes: a.quotes.map(({ speaker, speakerText, text, kind }) => ({ speaker, speakerText, text, kind })),
    text: a.text,
  };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
