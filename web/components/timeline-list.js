// The timeline as a list, oldest first: each point opens to the articles that report it.
import { articlePath } from '../api.js';
import { h, plural } from '../dom.js';

/** Points on long timelines are shown in pages so a 500-article story stays quick to render. */
const PAGE = 200;

export function timelineList(points, articlesById) {
  const list = h('ol', { class: 'timeline-list' });
  const addPage = (from) => {
    list.append(...points.slice(from, from + PAGE).map((p) => pointItem(p, articlesById)));
    return from + PAGE < points.length ? from + PAGE : null;
  };
  const next = addPage(0);
  return h('div', {}, list, next === null ? null : moreButton(points.length, next, addPage));
}

function moreButton(total, from, addPage) {
  const button = h('button', { type: 'button', class: 'more' }, `Show more points (${total - from} left)`);
  button.addEventListener('click', () => {
    const next = addPage(from);
    button.replaceWith(next === null ? '' : moreButton(total, next, addPage));
  });
  return button;
}

const OUTLETS_NAMED = 2;

/** The outlets behind a point, inline: "— Reuters, Yonhap +2" (a point from /api/timeline names them in `sources`). */
export function pointOutlets(p, articlesById) {
  return p.sources ?? [...new Set(p.articles.map((id) => articlesById.get(id)?.source).filter(Boolean))];
}

function outletsLine(p, articlesById) {
  const outlets = pointOutlets(p, articlesById);
  if (!outlets.length) return null;
  const more = outlets.length - OUTLETS_NAMED;
  return h('span', { class: 'point-outlets', title: outlets.join(', ') }, `— ${outlets.slice(0, OUTLETS_NAMED).join(', ')}${more > 0 ? ` +${more}` : ''}`);
}

function pointItem(p, articlesById) {
  const sources = h('ul', { class: 'sources' });
  const details = h(
    'details',
    { class: 'point' },
    h(
      'summary',
      {},
      h('time', { datetime: p.start }, p.end && p.end !== p.start ? `${p.date} – ${p.end}` : p.date),
      p.kind === 'background' ? h('span', { class: 'badge background' }, 'Background') : null,
      h('span', { class: 'point-text', lang: p.language }, p.text),
      outletsLine(p, articlesById),
      h('span', { class: 'badge' }, plural(p.articles.length, 'source')),
    ),
    sources,
  );
  // The sources are built when the point is first opened.
  details.addEventListener('toggle', () => {
    if (!details.open || sources.childElementCount) return;
    sources.append(
      ...p.articles.map((id) => {
        const a = articlesById.get(id);
        return h('li', {}, h('a', { href: articlePath(id), 'data-link': true }, a?.title ?? id), a ? ` — ${a.source ?? 'no named outlet'}, ${a.language}, ${a.published ?? 'undated'}` : '');
      }),
    );
  });
  const kind = p.kind ?? 'development';
  return h('li', { class: `point-item ${kind}`, 'data-date': p.start, 'data-kind': kind }, details);
}
