// A story as Markdown, for reading or pasting into a report. Text from articles is escaped: it shows
// as written, and never becomes raw HTML, a link, an image or a heading in a renderer.
import type { StoryView, TimelinePoint } from '../domain/index.js';
import type { TopicTimeline, TopicTimelinePoint } from './topic-timeline.js';

export function renderStoryMarkdown(view: StoryView): string {
  const lines: string[] = [`# ${escapeMarkdown(view.title)}`, '', escapeMarkdown(view.summary), '', `Languages: ${view.languages.map(escapeMarkdown).join(', ')}`, '', '## Timeline', ''];
  lines.push(...view.timeline.map(pointLine));
  if (view.background.length) lines.push('', '## Background', '', ...view.background.map(pointLine));
  lines.push('', '## Articles', '');
  view.articles.forEach((a, i) => {
    const date = a.published ? `${a.published}${a.publishedInferred ? ' (inferred)' : ''}` : 'undated';
    lines.push(`${i + 1}. [${escapeMarkdown(a.id)}] ${escapeMarkdown(a.title)} (${escapeMarkdown(a.source ?? 'unknown outlet')}, ${escapeMarkdown(a.language)}, ${escapeMarkdown(date)})`);
  });
  lines.push('', '## Entities', '');
  for (const e of view.entities.slice(0, 30)) lines.push(`- ${escapeMarkdown(e.name)} (${e.type}, ${e.mentions} ${e.mentions === 1 ? 'mention' : 'mentions'})`);
  return `${lines.join('\n')}\n`;
}

function pointLine(p: TimelinePoint): string {
  const date = p.end && p.end !== p.start && p.precision === 'day' ? `${p.date}/${p.end.slice(8, 10)}` : p.date;
  return `- **${date}**: ${escapeMarkdown(p.text)} [${p.articles.map(escapeMarkdown).join(', ')}]`;
}

/** A topic timeline (`storyline timeline --markdown`): its points with their outlets, then background. */
export function renderTopicTimelineMarkdown(timeline: TopicTimeline, title: string): string {
  const lines: string[] = [`# ${escapeMarkdown(title)}`, ''];
  if (timeline.summary) lines.push(escapeMarkdown(timeline.summary), '');
  lines.push(`${timeline.articleCount} article${timeline.articleCount === 1 ? '' : 's'}; language: ${timeline.language}`, '', '## Timeline', '');
  lines.push(...(timeline.points.length ? timeline.points.map(topicPointLine) : ['No dated developments in this selection.']));
  if (timeline.background.length) lines.push('', '## Background', '', ...timeline.background.map(topicPointLine));
  return `${lines.join('\n')}\n`;
}

function topicPointLine(p: TopicTimelinePoint): string {
  const date = p.end && p.end !== p.start ? `${p.date}/${p.end}` : p.date;
  return `- **${date}**: ${escapeMarkdown(p.text)} (${p.sources.map(escapeMarkdown).join(', ') || 'unknown outlet'}) [${p.articles.map(escapeMarkdown).join(', ')}]`;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text as Markdown that renders as the same text: one line; `<>&` as entities (no raw HTML, no
 * autolink); the characters that open links (and images, link definitions), emphasis, code, table
 * cells and strikethrough backslash-escaped; and a block marker at its start (`#`, `-`, `+`, `=`, `1.`) escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
