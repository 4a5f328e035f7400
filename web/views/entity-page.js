// One entity (a person, place or organization): its name and type, its timeline across every story
// that names it (GET /api/timeline?entity=NAME) and the stories that mention it.
import { getJson, storyPath, timelinePath } from '../api.js';
import { sparkline } from '../components/sparkline.js';
import { section } from '../components/story-sections.js';
import { timelineChart } from '../components/timeline-chart.js';
import { timelineList } from '../components/timeline-list.js';
import { h, plural, show } from '../dom.js';

const STORIES_SHOWN = 20;

export async function renderEntity(name) {
  const [timeline, stories, known] = await Promise.all([
    getJson(`/timeline?${new URLSearchParams({ entity: name })}`),
    // The stories with an article naming it (by its canonical name or an alias), most articles first.
    getJson(`/stories?${new URLSearchParams({ entity: name, sort: 'size', limit: String(STORIES_SHOWN) })}`),
    // The type comes from the entity list; without it the page still shows.
    getJson(`/entities?${new URLSearchParams({ q: name, limit: '20' })}`).then(({ entities }) => entities, () => []),
  ]);
  const entity = known.find((e) => e.name.toLowerCase() === name.toLowerCase());
  const title = entity?.name ?? name;
  document.title = `${title} — Storyline`;
  const articlesById = new Map(timeline.articles.map((a) => [a.id, a]));
  const background = timeline.background.map((p) => ({ ...p, kind: 'background' }));
  const points = timeline.points.map((p) => ({ ...p, kind: 'development' }));
  const aliases = timeline.selection.entities?.filter((e) => e !== title) ?? [];
  show(
    h(
      'article',
      { class: 'entity-page' },
      h('h1', {}, title),
      h(
        'p',
        { class: 'meta' },
        entity ? h('span', { class: `entity-type entity ${entity.type}` }, entity.type) : null,
        entity ? ` · ${plural(entity.articles, 'article')} · ${plural(entity.mentions, 'mention')}` : `${plural(timeline.articleCount, 'article')}`,
        aliases.length ? ` · also ${aliases.join(', ')}` : '',
      ),
      timeline.summary ? h('p', { class: 'summary' }, timeline.summary) : null,
      section(
        'timeline-title',
        'Timeline',
        points.length || background.length
          ? [
              h('p', { class: 'legend' }, `The ${plural(points.length, 'most important development')} across every story naming ${title}, oldest first; the `, h('a', { href: timelinePath({ entity: title }), 'data-link': true }, 'Timeline across stories'), ' also shows their importance.'),
              timelineChart(points, background),
              timelineList([...background, ...points], articlesById),
            ]
          : h('p', { class: 'status', role: 'status' }, 'No dated developments name this entity.'),
      ),
      section(
        'stories-title',
        stories.stories.length ? `Stories (${Math.min(stories.stories.length, STORIES_SHOWN)}${stories.nextCursor || stories.stories.length > STORIES_SHOWN ? '+' : ''})` : 'Stories',
        stories.stories.length
          ? h('ol', { class: 'story-list', 'aria-labelledby': 'stories-title' }, stories.stories.slice(0, STORIES_SHOWN).map(storyCard))
          : h('p', {}, 'No story mentions this name.'),
      ),
    ),
  );
}

function storyCard(s) {
  const span = s.firstDate ? `${s.firstDate} → ${s.lastDate}` : 'undated';
  return h(
    'li',
    { class: 'story-card' },
    h('h3', {}, h('a', { href: storyPath(s.id), 'data-link': true }, s.title || s.id)),
    h('p', { class: 'meta' }, `${plural(s.articleCount, 'article')} · ${s.languages.join(', ')} · ${span}`),
    s.coverage ? sparkline(s.coverage, `Coverage over time: ${plural(s.articleCount, 'article')}${s.firstDate ? ` from ${s.firstDate} to ${s.lastDate}` : ''}, at most ${Math.max(0, ...s.coverage)} in a period`) : null,
  );
}
