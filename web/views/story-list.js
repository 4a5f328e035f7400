// The story list for triage: sort (newest development, size, outlets, growth), filters (words,
// language by name, outlet, entity, period, minimum size), and one card per story with its counts of
// articles, outlets and languages and its coverage on the page's shared time scale.
import { getJson, storyPath, timelinePath } from '../api.js';
import { sparkline } from '../components/sparkline.js';
import { h, navigate, plural, show } from '../dom.js';

const FILTERS = ['q', 'sort', 'lang', 'outlet', 'entity', 'from', 'to', 'min'];
const SORTS = [
  ['newest', 'Newest development'],
  ['size', 'Most articles'],
  ['outlets', 'Most outlets'],
  ['growth', 'Growing fastest (last 7 days)'],
];

export async function renderStoryList(params) {
  const query = new URLSearchParams();
  for (const key of FILTERS) if (params.get(key)) query.set(key, params.get(key));
  const [page, { languages }, { outlets }] = await Promise.all([getJson(`/stories?${query}`), getJson('/languages'), getJson('/outlets?limit=200')]);
  const names = new Map(languages.map((l) => [l.code, l.name]));
  const words = (query.get('q') ?? '').split(/\s+/).filter(Boolean);
  const context = { names, words, referenceDay: page.referenceDay };
  const list = h('ol', { class: 'story-list', 'aria-label': 'Stories' }, cards(page, context));
  const sort = SORTS.find(([key]) => key === (query.get('sort') ?? 'newest')) ?? SORTS[0];
  const narrowed = FILTERS.some((k) => k !== 'sort' && query.has(k));
  show(
    h('h1', {}, 'Stories'),
    filterForm(params, languages, outlets),
    h('p', { class: 'status', role: 'status' }, page.stories.length ? `${narrowed ? 'Matching stories' : 'All stories'}, ${sort[1].toLowerCase()} first.${page.referenceDay ? ` Latest news in the store: ${page.referenceDay}.` : ''}` : 'No story matches.'),
    page.stories.length ? timelineLink(query) : null,
    list,
    moreButton(list, query, page.nextCursor, context),
  );
}

function filterForm(params, languages, outlets) {
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const current = (key) => params.get(key) ?? '';
  const lang = current('lang');
  const languageOptions = languages.map((l) => h('option', { value: l.code, selected: l.code === lang }, `${l.name} (${l.code}) · ${plural(l.stories, 'story', 'stories')}`));
  if (lang && !languages.some((l) => l.code === lang)) languageOptions.push(h('option', { value: lang, selected: true }, lang));
  return h(
    'form',
    {
      role: 'search',
      class: 'filters',
      'aria-label': 'Sort and filter stories',
      onsubmit: (event) => {
        event.preventDefault();
        const next = new URLSearchParams();
        for (const [key, value] of new FormData(event.target)) if (String(value).trim() && !(key === 'sort' && value === 'newest')) next.set(key, String(value).trim());
        navigate(`/${next.size ? `?${next}` : ''}`);
      },
    },
    field('q', 'Search', h('input', { id: 'q', name: 'q', type: 'search', value: current('q'), placeholder: 'words, people, places' })),
    field('sort', 'Sort by', h('select', { id: 'sort', name: 'sort' }, SORTS.map(([key, label]) => h('option', { value: key, selected: key === (current('sort') || 'newest') }, label)))),
    field('lang', 'Language', h('select', { id: 'lang', name: 'lang' }, h('option', { value: '' }, 'Any language'), languageOptions)),
    field('outlet', 'Outlet', h('input', { id: 'outlet', name: 'outlet', list: 'outlet-names', value: current('outlet'), placeholder: 'any outlet', autocomplete: 'off' })),
    h('datalist', { id: 'outlet-names' }, outlets.map((o) => h('option', { value: o.name }, `${plural(o.articles, 'article')}`))),
    field('entity', 'Person, place or organisation', h('input', { id: 'entity', name: 'entity', value: current('entity'), placeholder: 'e.g. Putin' })),
    field('from', 'From', h('input', { id: 'from', name: 'from', type: 'date', value: current('from') })),
    field('to', 'To', h('input', { id: 'to', name: 'to', type: 'date', value: current('to') })),
    field('min', 'At least (articles)', h('input', { id: 'min', name: 'min', type: 'number', min: 1, max: 100000, inputmode: 'numeric', value: current('min') })),
    h('button', { type: 'submit' }, 'Apply'),
  );
}

/** A search, a period or an entity also reads as one timeline across every story it finds. */
function timelineLink(query) {
  if (!query.has('q') && !query.has('from') && !query.has('to') && !query.has('entity')) return null;
  const href = timelinePath({ q: query.get('q'), entity: query.get('entity'), from: query.get('from'), to: query.get('to'), language: query.get('lang') });
  return h('p', { class: 'timeline-link' }, h('a', { href, 'data-link': true }, 'Timeline of these results'), ': the most important dated developments across them.');
}

/** The page's cards; their coverage charts share the page's time window and height scale. */
function cards(page, context) {
  const max = Math.max(1, ...page.stories.flatMap((s) => s.pageCoverage ?? []));
  return page.stories.map((s) => storyCard(s, { ...context, window: page.coverageWindow, max }));
}

function storyCard(s, context) {
  const span = s.firstDate ? (s.firstDate === s.lastDate ? s.firstDate : `${s.firstDate} → ${s.lastDate}`) : 'undated';
  const languageNames = s.languages.map((code) => context.names.get(code) ?? code);
  const counts = [plural(s.articleCount, 'article'), plural(s.outletCount ?? 0, 'outlet'), plural(s.languages.length, 'language')];
  const recent = s.recent?.last7d ? h('span', { class: 'recent' }, `+${s.recent.last7d} in the 7 days to ${context.referenceDay}`) : null;
  const window = context.window ? `${context.window.from} to ${context.window.to}` : span;
  const coverage = s.pageCoverage ?? s.coverage;
  const total = coverage.reduce((a, b) => a + b, 0);
  return h(
    'li',
    { class: 'story-card' },
    h('h2', {}, h('a', { href: storyPath(s.id), 'data-link': true }, highlighted(s.title || s.id, context.words))),
    h('p', { class: 'counts' }, counts.join(' · '), recent ? ' · ' : '', recent),
    h('p', { class: 'meta' }, `${languageNames.join(', ')} · ${span}`),
    sparkline(coverage, `Coverage from ${window}: ${plural(total, 'dated article')}, at most ${Math.max(0, ...coverage)} in one period`, { max: context.max }),
  );
}

/** The title with the searched words (as words or their starts, case and accents ignored) marked. */
export function highlighted(text, words) {
  if (!words.length) return text;
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const folded = fold(text);
  // Folding removes combining marks only: positions map back through the NFD string.
  const nfd = text.normalize('NFD');
  if (folded.length !== nfd.replace(/[\u0300-\u036f]/g, '').length) return text;
  const marks = [];
  const foldedWords = words.map(fold).filter(Boolean);
  const wordRe = /[\p{L}\p{N}]+/gu;
  for (let m = wordRe.exec(folded); m; m = wordRe.exec(folded)) {
    const w = foldedWords.find((q) => m[0].startsWith(q));
    if (w) marks.push([m.index, m.index + w.length]);
  }
  if (!marks.length) return text;
  // Map folded offsets to offsets in the NFD text (skipping combining marks), then build nodes.
  const toNfd = [];
  for (let i = 0; i < nfd.length; i++) if (!/[\u0300-\u036f]/.test(nfd[i])) toNfd.push(i);
  toNfd.push(nfd.length);
  const out = [];
  let at = 0;
  for (const [start, end] of marks) {
    const s = toNfd[start];
    let e = toNfd[end];
    while (e < nfd.length && /[\u0300-\u036f]/.test(nfd[e])) e++;
    out.push(nfd.slice(at, s).normalize('NFC'), h('mark', {}, nfd.slice(s, e).normalize('NFC')));
    at = e;
  }
  out.push(nfd.slice(at).normalize('NFC'));
  return out;
}

function moreButton(list, query, cursor, context) {
  if (!cursor) return null;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'more',
      onclick: async () => {
        const next = new URLSearchParams(query);
        next.set('cursor', cursor);
        const page = await getJson(`/stories?${next}`);
        list.append(...cards(page, { ...context, referenceDay: page.referenceDay }));
        button.replaceWith(moreButton(list, query, page.nextCursor, context) ?? '');
      },
    },
    'More stories',
  );
  return button;
}
