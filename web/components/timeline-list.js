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
      h('span', { class: 'point-text' }, p.text),
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
        return h('li', {}, h('a', { href: articlePath(id), 'data-link': true }, a?.title ?? id), a ? ` — ${a.source ?? 'unknown outlet'}, ${a.language}, ${a.published ?? 'undated'}` : '');
      }),
    );
  });
  return h('li', { class: `point-item ${p.kind}`, 'data-date': p.start, 'data-kind': p.kind }, details);
}
