// The feeds `storyline watch` keeps current: add one, see how each one's polls are going, remove one.
// Feed titles and errors come from the web: they only ever go in as text.
import { getJson, sendJson } from '../api.js';
import { h, safeHref, show, when } from '../dom.js';

export async function renderFeeds() {
  document.title = 'Feeds — Storyline';
  const { feeds } = await getJson('/feeds');
  const status = h('p', { class: 'status', role: 'status' });
  const error = h('div', { class: 'form-error', role: 'alert' });
  const listHeading = h('h2', { id: 'feeds-list-title', tabindex: '-1' });
  const list = h('div', { class: 'feed-list-region' });

  const refresh = async () => {
    const { feeds: current } = await getJson('/feeds');
    paint(current);
  };
  const paint = (current) => {
    listHeading.textContent = current.length ? `Kept feeds (${current.length})` : 'Kept feeds';
    list.replaceChildren(current.length ? h('ul', { class: 'feed-list', 'aria-labelledby': 'feeds-list-title' }, current.map((f) => feedItem(f, remove))) : h('p', { class: 'empty' }, 'No feeds yet.'));
  };
  const remove = async (feed) => {
    error.textContent = '';
    try {
      await sendJson('DELETE', `/feeds?url=${encodeURIComponent(feed.url)}`);
      status.textContent = `Removed ${feed.title || feed.url}.`;
    } catch (err) {
      // Already gone (removed elsewhere): the refreshed list says so.
      if (err.status !== 404) error.textContent = `Could not remove the feed: ${err.message}`;
    }
    await refresh();
    // The pressed button is gone: keep the keyboard in the list.
    listHeading.focus({ preventScroll: true });
  };

  const input = h('input', { id: 'feed-url', name: 'url', type: 'url', required: true, placeholder: 'https://news.example.org/rss.xml', autocomplete: 'url' });
  const form = h(
    'form',
    {
      class: 'filters add-feed',
      'aria-label': 'Add a feed',
      onsubmit: async (event) => {
        event.preventDefault();
        error.textContent = '';
        status.textContent = '';
        const url = input.value.trim();
        if (!url) return;
        try {
          const { added, alreadyKept } = await sendJson('POST', '/feeds', { urls: [url] });
          status.textContent = added.length ? `Added ${added.join(', ')}.` : `Already kept: ${alreadyKept.join(', ')}.`;
          input.value = '';
        } catch (err) {
          error.textContent = `Could not add the feed: ${err.message}`;
          return;
        }
        await refresh();
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'feed-url' }, 'Feed URL'), input),
    h('button', { type: 'submit' }, 'Add feed'),
  );

  paint(feeds);
  show(
    h('h1', {}, 'Feeds'),
    h('p', { class: 'intro' }, 'RSS and Atom feeds are fetched by ', h('code', {}, 'storyline watch'), '. Adding one here only records it; the next poll brings in its articles.'),
    form,
    error,
    status,
    listHeading,
    list,
  );
}

function feedItem(feed, remove) {
  const failing = feed.errorCount > 0;
  const name = feed.title || feed.url;
  const href = safeHref(feed.url);
  return h(
    'li',
    { class: `feed${failing ? ' failing' : ''}` },
    h('h3', {}, name),
    feed.title ? h('p', { class: 'feed-url' }, href ? h('a', { href, rel: 'noreferrer' }, feed.url) : feed.url) : null,
    h('p', { class: failing ? 'feed-state warning' : 'feed-state meta' }, feedState(feed)),
    h('p', { class: 'meta' }, 'Next poll: ', feed.nextCheckAt ? when(feed.nextCheckAt) : 'at the next run of watch', ` · added `, when(feed.addedAt)),
    h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove ${name}`, onclick: () => remove(feed) }, 'Remove'),
  );
}

function feedState(feed) {
  if (feed.errorCount > 0) {
    const since = feed.lastSuccessAt ? ['; last success ', when(feed.lastSuccessAt)] : [];
    return [`failing ${feed.errorCount}× — last error: ${feed.lastError ?? 'unknown'}`, ...since];
  }
  if (feed.lastSuccessAt) return ['last success ', when(feed.lastSuccessAt)];
  if (feed.lastCheckedAt) return ['last polled ', when(feed.lastCheckedAt)];
  return 'never polled yet';
}
