// The alerts: what each follows, how often it matched, its webhook's deliveries, its Atom feed.
import { getJson, sendJson, storyPath, timelinePath } from '../api.js';
import { h, plural, show, when } from '../dom.js';

export async function renderAlerts() {
  document.title = 'Alerts — Storyline';
  const { alerts } = await getJson('/alerts');
  const status = h('p', { class: 'status', role: 'status' });
  const error = h('div', { class: 'form-error', role: 'alert' });
  const listHeading = h('h2', { id: 'alerts-list-title', tabindex: '-1' });
  const list = h('div', { class: 'alert-list-region' });

  const paint = (current) => {
    listHeading.textContent = current.length ? plural(current.length, 'alert') : 'Alerts';
    list.replaceChildren(
      current.length
        ? h('ul', { class: 'alert-list', 'aria-labelledby': 'alerts-list-title' }, current.map((a) => alertItem(a, remove)))
        : h('p', { class: 'empty' }, 'No alerts yet. Follow a story from its page.'),
    );
  };
  const remove = async (alert) => {
    error.textContent = '';
    try {
      await sendJson('DELETE', `/alerts/${encodeURIComponent(alert.id)}`);
      status.textContent = `Removed the alert on ${targetText(alert.target)}.`;
    } catch (err) {
      if (err.status !== 404) error.textContent = `Could not remove the alert: ${err.message}`;
    }
    paint((await getJson('/alerts')).alerts);
    listHeading.focus({ preventScroll: true });
  };

  paint(alerts);
  show(
    h('h1', {}, 'Alerts'),
    h('p', { class: 'intro' }, 'New articles matching an alert are recorded at every ingest and ', h('code', {}, 'storyline watch'), ' poll, and read through its Atom feed or sent to its webhook.'),
    error,
    status,
    listHeading,
    list,
  );
}

function targetText(target) {
  if (target.kind === 'story') return `story ${target.storyId}`;
  if (target.kind === 'query') return `“${target.query}”`;
  return target.entity;
}

function follows(target) {
  if (target.kind === 'story') return ['Story: ', h('a', { href: storyPath(target.storyId), 'data-link': true }, target.storyId)];
  if (target.kind === 'query') return ['Search: ', h('a', { href: `/?${new URLSearchParams({ q: target.query })}`, 'data-link': true }, target.query)];
  return ['Entity: ', h('a', { href: timelinePath({ entity: target.entity }), 'data-link': true }, target.entity)];
}

function alertItem(alert, remove) {
  return h(
    'li',
    { class: 'alert-item' },
    h('h3', {}, follows(alert.target)),
    h('p', { class: 'meta' }, `${alert.matches} ${alert.matches === 1 ? 'match' : 'matches'}`, ' · ', alert.lastMatchAt ? ['last match ', when(alert.lastMatchAt)] : 'no match yet', ' · created ', when(alert.createdAt)),
    webhookLine(alert),
    h(
      'p',
      { class: 'alert-actions' },
      h('a', { href: alert.feed, type: 'application/atom+xml' }, 'Atom feed'),
      ' ',
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove the alert on ${targetText(alert.target)}`, onclick: () => remove(alert) }, 'Remove'),
    ),
  );
}

function webhookLine(alert) {
  if (!alert.webhook) return h('p', { class: 'meta' }, 'No webhook: read it through its Atom feed.');
  return h(
    'p',
    { class: 'meta webhook' },
    'Webhook ',
    h('code', {}, alert.webhook),
    ` · ${alert.pendingDeliveries} pending`,
    alert.failedDeliveries ? [' · ', h('span', { class: 'warning' }, `${alert.failedDeliveries} failed`)] : ' · none failed',
  );
}
