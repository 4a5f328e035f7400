// A timeline across a selection (a search, an entity, a period): the most important dated
// developments in date order, each with its outlets and links to the articles that report it.
import { articlePath, getJson } from '../api.js';
import { h, plural, show } from '../dom.js';

/** What the view passes on to GET /api/timeline. */
const PARAMS = ['story', 'q', 'entity', 'from', 'to', 'language', 'points'];

export async function renderTopicTimeline(params) {
  const query = new URLSearchParams();
  for (const key of PARAMS) if (params.get(key)) query.set(key, params.get(key));
  const timeline = await getJson(`/timeline?${query}`);
  const title = selectionTitle(timeline.selection);
  document.title = `${title} — Storyline`;
  const articlesById = new Map(timeline.articles.map((a) => [a.id, a]));
  show(
    h(
      'article',
      { class: 'topic-timeline' },
      h('h1', {}, title),
      h('p', { class: 'meta' }, `${plural(timeline.articleCount, 'article')} · told in ${timeline.language} · the ${plural(timeline.points.length, 'most important development')}, oldest first`),
      timeline.summary ? h('p', { class: 'summary' }, timeline.summary) : null,
      h('p', { class: 'exports' }, 'Export: ', h('a', { href: `/api/timeline?${query}` }, 'JSON')),
      timeline.points.length
        ? h('ol', { class: 'topic-points', 'aria-label': 'Developments' }, timeline.points.map((p) => pointItem(p, articlesById)))
        : h('p', { class: 'status', role: 'status' }, 'No dated developments in this selection.'),
      timeline.background.length
        ? h('section', { 'aria-labelledby': 'background-title', class: 'story-section' }, h('h2', { id: 'background-title' }, 'Background'), h('ol', { class: 'topic-points background' }, timeline.background.map((p) => pointItem(p, articlesById))))
        : null,
    ),
  );
}

function selectionTitle(s) {
  const parts = [
    s.entity ? (s.entities?.length ? s.entities.join(' / ') : s.entity) : null,
    s.query ? `“${s.query}”` : null,
    s.story ? `story ${s.story}` : null,
    s.from || s.to ? `${s.from ?? '…'} to ${s.to ?? '…'}` : null,
  ].filter(Boolean);
  return `Timeline: ${parts.join(', ')}`;
}

function pointItem(p, articlesById) {
  const date = p.end && p.end !== p.start ? `${p.date} – ${p.end}` : p.date;
  return h(
    'li',
    { class: 'topic-point', 'data-date': p.start, 'data-importance': p.importance },
    h('time', { datetime: p.start }, date),
    h('meter', { min: 0, max: 1, value: p.importance, title: `importance ${Math.round(p.importance * 100)}%`, 'aria-label': 'importance' }),
    h('p', { class: 'point-text', lang: p.language }, p.text),
    h('p', { class: 'point-sources' }, 'Sources: ', p.sources.length ? p.sources.join(', ') : 'no named outlet', p.otherLanguages.length ? ` · also in ${p.otherLanguages.join(', ')}` : ''),
    h(
      'ul',
      { class: 'sources' },
      p.articles.map((id) => {
        const a = articlesById.get(id);
        return h('li', {}, h('a', { href: articlePath(id), 'data-link': true }, a?.title || id), a ? ` — ${a.source ?? 'no named outlet'}, ${a.language}, ${a.published ?? 'undated'}` : '');
      }),
    ),
  );
}
