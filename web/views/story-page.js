// One story, for reading: headline and summary first, then its dates, exports and a button to follow
// it (an alert on the story), its outlets, the timeline (chart, and a list naming each point's
// outlets), who said what, where sources differ, entities (each opens its page) and articles.
import { getJson, sendJson, storyPath } from '../api.js';
import { timelineChart } from '../components/timeline-chart.js';
import { timelineList } from '../components/timeline-list.js';
import { articlesSection, differencesSection, entitiesSection, outletsSection, quotesSection, section } from '../components/story-sections.js';
import { h, plural, show } from '../dom.js';

export async function renderStory(id) {
  const api = `/stories/${encodeURIComponent(id)}`;
  // The alerts only decide the follow button: without them the story still shows, just not the button.
  const [story, { quotes }, differences, alerts] = await Promise.all([
    getJson(api),
    getJson(`${api}/quotes`),
    getJson(`${api}/differences`),
    getJson('/alerts').then(({ alerts }) => alerts, () => null),
  ]);
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
      h('section', { 'aria-labelledby': 'summary-title', class: 'story-section lead' }, h('h2', { id: 'summary-title', class: 'visually-hidden' }, 'Summary'), h('p', { class: 'summary' }, story.summary)),
      h('p', { class: 'meta' }, `${plural(story.articles.length, 'article')} · ${story.languages.join(', ')} · ${dates[0] ?? '?'} → ${dates.at(-1) ?? '?'}`),
      followControl(story.id, alerts),
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
      outletsSection(story),
      section(
        'timeline-title',
        'Timeline',
        h('p', { class: 'legend' }, h('span', { class: 'key development' }, 'Development'), h('span', { class: 'key background' }, 'Background (long before the first report)'), ' Open a point to see its articles.'),
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

/**
 * "Follow this story" creates a story alert; "Following" (pressed) removes it again. Alerts with a
 * webhook (made through the CLI or the API) are not this button's to remove: they are only mentioned.
 */
function followControl(storyId, alerts) {
  if (!alerts) return null;
  const onStory = alerts.filter((a) => a.target.kind === 'story' && a.target.storyId === storyId);
  let following = onStory.filter((a) => !a.webhook);
  const hooked = onStory.length - following.length;
  const button = h('button', { type: 'button', class: 'follow-button' });
  const feed = h('span', { class: 'follow-feed' });
  const error = h('span', { class: 'form-error', role: 'alert' });
  const paint = () => {
    const on = following.length > 0;
    button.textContent = on ? 'Following' : 'Follow this story';
    button.setAttribute('aria-pressed', String(on));
    feed.replaceChildren(on ? h('a', { href: following[0].feed, type: 'application/atom+xml' }, 'alert feed') : '');
  };
  let busy = false;
  button.addEventListener('click', async () => {
    // Not disabled while busy: a disabled button would drop the keyboard focus.
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    error.textContent = '';
    try {
      if (following.length) {
        for (const alert of [...following]) {
          await sendJson('DELETE', `/alerts/${encodeURIComponent(alert.id)}`).catch((err) => {
            if (err.status !== 404) throw err;
          });
          following = following.filter((a) => a !== alert);
        }
      } else {
        following = [await sendJson('POST', '/alerts', { story: storyId })];
      }
    } catch (err) {
      error.textContent = `${following.length ? 'Could not stop following' : 'Could not follow'}: ${err.message}`;
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
      paint();
    }
  });
  paint();
  const note = hooked ? h('span', { class: 'follow-feed' }, ` · ${hooked === 1 ? 'a webhook alert follows' : `${hooked} webhook alerts follow`} it too (`, h('a', { href: '/alerts', 'data-link': true }, 'Alerts'), ')') : '';
  return h('p', { class: 'follow' }, button, feed, note, error);
}
