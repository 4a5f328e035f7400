// The browser-side router: / is the story list, /stories/ID a story, /articles/ID the reader,
// /timeline?... a timeline across a search or an entity, /feeds the feeds `watch` polls, /alerts the alerts.
import { ApiError, AuthRequired, setToken } from './api.js';
import { h, navigate, show } from './dom.js';
import { renderAlerts } from './views/alerts.js';
import { renderArticle } from './views/article-reader.js';
import { renderEntity } from './views/entity-page.js';
import { renderFeeds } from './views/feeds.js';
import { renderStoryList } from './views/story-list.js';
import { renderStory } from './views/story-page.js';
import { renderTopicTimeline } from './views/topic-timeline.js';

const ROUTES = [
  [/^\/$/, () => renderStoryList(new URLSearchParams(location.search))],
  [/^\/stories\/([^/]+)$/, (id) => renderStory(decodeURIComponent(id))],
  [/^\/articles\/([^/]+)$/, (id) => renderArticle(decodeURIComponent(id))],
  [/^\/timeline$/, () => renderTopicTimeline(new URLSearchParams(location.search))],
  [/^\/entities\/([^/]+)$/, (name) => renderEntity(decodeURIComponent(name))],
  [/^\/feeds$/, () => renderFeeds()],
  [/^\/alerts$/, () => renderAlerts()],
];

/** The path and query shown: a change of the #fragment alone (the skip link) renders nothing again. */
let shown = null;

async function route() {
  shown = location.pathname + location.search;
  const match = ROUTES.map(([pattern, view]) => [pattern.exec(location.pathname), view]).find(([m]) => m);
  if (!match) return notFound('No page here.');
  const [m, view] = match;
  try {
    await view(...m.slice(1));
  } catch (err) {
    if (err instanceof AuthRequired) return show(tokenForm());
    if (err instanceof ApiError && err.status === 404) return notFound(location.pathname.startsWith('/articles/') ? 'No article with this id.' : location.pathname.startsWith('/stories/') ? 'No story with this id.' : err.message);
    document.title = 'Error — Storyline';
    show(h('h1', {}, 'Something went wrong'), h('p', { role: 'alert' }, err.message));
  }
}

function notFound(why) {
  document.title = 'Page not found — Storyline';
  show(h('h1', {}, 'Page not found'), h('p', {}, why), h('p', {}, h('a', { href: '/', 'data-link': true }, 'All stories')));
}

function tokenForm() {
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'current-password', required: true });
  return h(
    'section',
    { 'aria-labelledby': 'token-title' },
    h('h1', { id: 'token-title' }, 'API token needed'),
    h('p', {}, 'This server asks for a token on every API call. It is kept for this tab only.'),
    h(
      'form',
      {
        onsubmit: (event) => {
          event.preventDefault();
          setToken(input.value);
          route();
        },
      },
      h('label', { for: 'token' }, 'Token'),
      input,
      h('button', { type: 'submit' }, 'Continue'),
    ),
  );
}

// Same-origin links marked data-link change the view without reloading the page.
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[data-link]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href'), link.closest('#main') ? link.getAttribute('href') : null);
});
window.addEventListener('navigate', route);
window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== shown) route();
});
route();
