// One story: title, summary, the timeline (chart and expandable list), who said what, where sources
// differ, entities, articles, and its exports.
import { getJson, storyPath } from '../api.js';
import { timelineChart } from '../components/timeline-chart.js';
import { timelineList } from '../components/timeline-list.js';
import { articlesSection, differencesSection, entitiesSection, quotesSection, section } from '../components/story-sections.js';
import { h, plural, show } from '../dom.js';

export async function renderStory(id) {
  const api = `/stories/${encodeURIComponent(id)}`;
  const [story, { quotes }, differences] = await Promise.all([getJson(api), getJson(`${api}/quotes`), getJson(`${api}/differences`)]);
  // A merged story answers under its old id: show its current address.
  if (story.id !== id) history.replaceState(null, '', storyPath(story.id));
  document.title = `${story.title} — Storyline`;
  const articlesById = new Map(story.articles.map((a) => [a.id, a]));
  const dates = story.articles.map((a) => a.published).filter(Boolean).sort();
  show(
    h(
      'article',
      { class: 'story' },
      h('h1', {}, story.title || story.id),
      h('p', { class: 'meta' }, `${plural(story.articles.length, 'article')} · ${story.languages.join(', ')} · ${dates[0] ?? '?'} → ${dates.at(-1) ?? '?'}`),
      h(
        'p',
        { class: 'exports' },
        'Export: ',
        h('a', { href: `/api${api}` }, 'JSON'),
        ' · ',
        h('a', { href: `/api${api}/markdown` }, 'Markdown'),
        ' · ',
        h('a', { href: `/api${api}/feed.xml`, type: 'application/atom+xml' }, 'Atom feed'),
      ),
      section('summary-title', 'Summary', h('p', { class: 'summary' }, story.summary)),
      section(
        'timeline-title',
        'Timeline',
        h('p', { class: 'legend' }, h('span', { class: 'key development' }, 'Development'), h('span', { class: 'key background' }, 'Background (long before the first report)'), ' Open a point to see its sources.'),
        timelineChart(story.timeline, story.background),
        timelineList([...story.background, ...story.timeline], articlesById),
      ),
      quotesSection(quotes),
      differencesSection(differences),
      entitiesSection(story.entities),
      articlesSection(story.articles),
    ),
  );
}
