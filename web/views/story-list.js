// The story list: search box, language and date filters, one card per story with a coverage sparkline.
import { getJson, storyPath, timelinePath } from '../api.js';
import { sparkline } from '../components/sparkline.js';
import { h, navigate, plural, show } from '../dom.js';

const FILTERS = ['q', 'lang', 'from', 'to'];
/** Languages seen in any listing, so the filter keeps offering them while a search narrows the list. */
const knownLanguages = new Set();

export async function renderStoryList(params) {
  const query = new URLSearchParams();
  for (const key of FILTERS) if (params.get(key)) query.set(key, params.get(key));
  const page = await getJson(`/stories?${query}`);
  for (const s of page.stories) for (const l of s.languages) knownLanguages.add(l);
  const list = h('ol', { class: 'story-list', 'aria-label': 'Stories' }, page.stories.map(storyCard));
  const filtered = FILTERS.some((k) => query.has(k));
  show(
    h('h1', {}, 'Stories'),
    searchForm(params),
    h('p', { class: 'status', role: 'status' }, page.stories.length ? (filtered ? 'Matching stories, newest activity first.' : 'Newest activity first.') : 'No story matches.'),
    page.stories.length ? timelineLink(query) : null,
    list,
    moreButton(list, query, page.nextCursor),
  );
}

function searchForm(params) {
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const languages = [...knownLanguages].sort();
  const lang = params.get('lang') ?? '';
  if (lang && !languages.includes(lang)) languages.push(lang);
  return h(
    'form',
    {
      role: 'search',
      class: 'filters',
      'aria-label': 'Search stories',
      onsubmit: (event) => {
        event.preventDefault();
        const next = new URLSearchParams();
        for (const [key, value] of new FormData(event.target)) if (String(value).trim()) next.set(key, String(value).trim());
        navigate(`/${next.size ? `?${next}` : ''}`);
      },
    },
    field('q', 'Search', h('input', { id: 'q', name: 'q', type: 'search', value: params.get('q') ?? '', placeholder: 'words, people, places' })),
    field(
      'lang',
      'Language',
      h('select', { id: 'lang', name: 'lang' }, h('option', { value: '' }, 'Any'), languages.map((l) => h('option', { value: l, selected: l === lang }, l))),
    ),
    field('from', 'From', h('input', { id: 'from', name: 'from', type: 'date', value: params.get('from') ?? '' })),
    field('to', 'To', h('input', { id: 'to', name: 'to', type: 'date', value: params.get('to') ?? '' })),
    h('button', { type: 'submit' }, 'Search'),
  );
}

/** A search, or a period, also reads as one timeline across every story it finds. */
function timelineLink(query) {
  if (!query.has('q') && !query.has('from') && !query.has('to')) return null;
  const href = timelinePath({ q: query.get('q'), from: query.get('from'), to: query.get('to'), language: query.get('lang') });
  return h('p', { class: 'timeline-link' }, h('a', { href, 'data-link': true }, 'Timeline of these results'), ': the most important dated developments across them.');
}

function storyCard(s) {
  const span = s.firstDate ? `${s.firstDate} → ${s.lastDate}` : 'undated';
  return h(
    'li',
    { class: 'story-card' },
    h('h2', {}, h('a', { href: storyPath(s.id), 'data-link': true }, s.title || s.id)),
    h('p', { class: 'meta' }, `${plural(s.articleCount, 'article')} · ${s.languages.join(', ')} · ${span}`),
    sparkline(s.coverage, `Coverage over time: ${plural(s.articleCount, 'article')}${s.firstDate ? ` from ${s.firstDate} to ${s.lastDate}` : ''}, at most ${Math.max(0, ...s.coverage)} in a period`),
  );
}

function moreButton(list, query, cursor) {
  if (!cursor) return null;
  const button = h('button', {
    type: 'button',
    class: 'more',
    onclick: async () => {
      const next = new URLSearchParams(query);
      next.set('cursor', cursor);
      const page = await getJson(`/stories?${next}`);
      list.append(...page.stories.map(storyCard));
      button.replaceWith(moreButton(list, query, page.nextCursor) ?? '');
    },
  }, 'More stories');
  return button;
}
