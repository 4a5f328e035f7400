// A story as Markdown, for reading or pasting into a report.
import type { StoryView, TimelinePoint } from '../domain/index.js';
import type { TopicTimeline, TopicTimelinePoint } from './topic-timeline.js';

export function renderStoryMarkdown(view: StoryView): string {
  const lines: string[] = [`# ${view.title}`, '', view.summary, '', `Languages: ${view.languages.join(', ')}`, '', '## Timeline', ''];
  lines.push(...view.timeline.map(pointLine));
  if (view.background.length) lines.push('', '## Background', '', ...view.background.map(pointLine));
  lines.push('', '## Articles', '');
  view.articles.forEach((a, i) => {
    const date = a.published ? `${a.published}${a.publishedInferred ? ' (inferred)' : ''}` : 'undated';
    lines.push(`${i + 1}. [${a.id}] ${a.title} (${a.source ?? 'unknown outlet'}, ${a.language}, ${date})`);
  });
  lines.push('', '## Entities', '');
  for (const e of view.entities.slice(0, 30)) lines.push(`- ${e.name} (${e.type}, ${e.mentions} mentions)`);
  return `${lines.join('\n')}\n`;
}

function pointLine(p: TimelinePoint): string {
  const date = p.end && p.end !== p.start && p.precision === 'day' ? `${p.date}/${p.end.slice(8, 10)}` : p.date;
  return `- **${date}**: ${p.text} [${p.articles.join(', ')}]`;
}

/** A topic timeline (`storyline timeline --markdown`): its points with their outlets, then background. */
export function renderTopicTimelineMarkdown(timeline: TopicTimeline, title: string): string {
  const lines: string[] = [`# ${title}`, ''];
  if (timeline.summary) lines.push(timeline.summary, '');
  lines.push(`${timeline.articleCount} article${timeline.articleCount === 1 ? '' : 's'}; language: ${timeline.language}`, '', '## Timeline', '');
  lines.push(...(timeline.points.length ? timeline.points.map(topicPointLine) : ['No dated developments in this selection.']));
  if (timeline.background.length) lines.push('', '## Background', '', ...timeline.background.map(topicPointLine));
  return `${lines.join('\n')}\n`;
}

function topicPointLine(p: TopicTimelinePoint): string {
  const date = p.end && p.end !== p.start ? `${p.date}/${p.end}` : p.date;
  return `- **${date}**: ${p.text} (${p.sources.join(', ') || 'unknown outlet'}) [${p.articles.join(', ')}]`;
}
