// The live-news pages of the web UI in a real browser (Debian's chromium through playwright-core) on a
// real server: the feeds page (add, a failing feed, a hostile feed title, remove), following a story
// from its page, and the alerts page.
import { strict as assert } from 'node:assert';
import { after, before, test, type TestContext } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './helpers/browser.js';
import { startTestServer, type TestServer } from './helpers/server.js';

const HOSTILE_FEED = 'https://hostile.example.org/rss.xml';
const HOSTILE_TITLE = 'Hostile <img src=x onerror="window.__pwned=1"> News';

let server: TestServer;
let demoStory: string;
let browser: BrowserContext | null = null;

before(async () => {
  server = await startTestServer({ seeds: true });
  demoStory = (await server.store.listStoryIds())[0]!;
});

after(async () => {
  await browser?.close();
  await server.stop();
});

/** A page at `path`, with every console error and uncaught exception it shows collected. */
async function open(t: TestContext, path: string): Promise<{ page: Page; errors: string[] } | null> {
  browser ??= await launchBrowser(t);
  if (!browser) return null;
  const page = await browser.newPage();
  // The browser asks for /favicon.ico by itself; the app has none, and that 404 is not the app's doing.
  const errors = collectPageErrors(page, (msg) => msg.location().url.endsWith('/favicon.ico'));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

const entity = (page: Page) => page.locator('li.alert-item', { hasText: 'Entity:' });
const feedItem = (page: Page, text: string | RegExp) => page.locator('li.feed', { hasText: text });

test('feeds page: add two feeds through the form, both are listed and never polled yet', async (t) => {
  const opened = await open(t, '/');
  if (!opened) return;
  const { page, errors } = opened;
  await page.waitForSelector('.story-card');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feeds' }).click();
  await page.waitForURL(/\/feeds$/);
  assert.equal(await page.locator('main h1').textContent(), 'Feeds');
  assert.match((await page.locator('main .intro').textContent()) ?? '', /storyline watch/);
  await page.getByText('No feeds yet.').waitFor();

  const input = page.getByLabel('Feed URL');
  assert.equal(await input.getAttribute('type'), 'url');
  for (const url of ['https://a.example.org/rss.xml', 'https://b.example.org/atom.xml']) {
    await input.fill(url);
    await page.getByRole('button', { name: 'Add feed' }).click();
    await feedItem(page, url).waitFor();
    assert.equal(await input.inputValue(), '', 'the input clears after adding');
  }
  assert.equal(await page.locator('li.feed').count(), 2);
  assert.deepEqual(
    (await server.store.listFeeds()).map((f) => f.url),
    ['https://a.example.org/rss.xml', 'https://b.example.org/atom.xml'],
  );
  for (const item of await page.locator('li.feed').all()) {
    assert.match((await item.locator('.feed-state').textContent()) ?? '', /^never polled yet$/);
    assert.match((await item.textContent()) ?? '', /Next poll: at the next run of watch/);
  }
  assert.equal(await page.getByText('No feeds yet.').count(), 0);
  assert.deepEqual(errors, []);
});

test('feeds page: a non-http(s) URL shows the API error next to the form and adds nothing', async (t) => {
  const opened = await open(t, '/feeds');
  if (!opened) return;
  const { page, errors } = opened;
  await page.getByLabel('Feed URL').waitFor();
  const before = (await server.store.listFeeds()).length;
  const listed = await page.locator('li.feed').count();
  await page.getByLabel('Feed URL').fill('ftp://x');
  await page.getByRole('button', { name: 'Add feed' }).click();
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: /http\(s\) URL/ }).waitFor();
  assert.match((await alert.textContent()) ?? '', /^Could not add the feed: .*http\(s\) URL/);
  assert.equal((await server.store.listFeeds()).length, before, 'nothing stored');
  assert.equal(await page.locator('li.feed').count(), listed, 'nothing listed');
  assert.equal(await page.getByLabel('Feed URL').inputValue(), 'ftp://x', 'the input keeps what was typed, to fix it');
  // The browser reports the 400 answer itself; nothing else may go wrong.
  assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
});

test('feeds page: a failing feed is shown as a warning with its error; a hostile title is text; Remove removes', async (t) => {
  const failing = 'https://failing.example.org/feed.xml';
  await server.store.addFeeds([failing, HOSTILE_FEED], new Date().toISOString());
  await server.store.recordFeedCheck({ url: failing, checkedAt: '2026-01-05T10:00:00Z', ok: false, error: 'HTTP 500', nextCheckAt: '2026-01-05T10:30:00Z' });
  await server.store.recordFeedCheck({ url: HOSTILE_FEED, checkedAt: '2026-01-05T09:00:00Z', ok: true, title: HOSTILE_TITLE, nextCheckAt: '2026-01-05T09:30:00Z' });

  const opened = await open(t, '/feeds');
  if (!opened) return;
  const { page, errors } = opened;
  const bad = feedItem(page, failing);
  await bad.waitFor();
  const state = bad.locator('.feed-state');
  assert.match((await state.textContent()) ?? '', /^failing 1× — last error: HTTP 500$/);
  assert.match((await state.getAttribute('class')) ?? '', /\bwarning\b/);
  assert.match((await bad.textContent()) ?? '', /Next poll: 2026-01-05 10:30 UTC/);
  // The warning is visible as such, not only a class name.
  const colour = await state.evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(colour, await page.locator('main .meta').first().evaluate((el) => getComputedStyle(el).color));

  const hostile = feedItem(page, HOSTILE_FEED);
  assert.equal(await hostile.locator('h3').textContent(), HOSTILE_TITLE, 'the title is shown literally');
  assert.match((await hostile.locator('.feed-state').textContent()) ?? '', /^last success 2026-01-05 09:00 UTC$/);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined);
  assert.equal(await page.locator('main img, main script').count(), 0);

  const count = await page.locator('li.feed').count();
  await hostile.getByRole('button', { name: /^Remove/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('li.feed').length === n, count - 1);
  assert.equal(await feedItem(page, HOSTILE_FEED).count(), 0);
  assert.ok(!(await server.store.listFeeds()).some((f) => f.url === HOSTILE_FEED), 'removed from the store');
  assert.match((await page.getByRole('status').textContent()) ?? '', /^Removed Hostile <img/);
  assert.deepEqual(errors, []);
});

test('follow a story with the keyboard: Following (pressed) survives a reload, shows on the alerts page, and unfollowing removes it', async (t) => {
  const opened = await open(t, `/stories/${demoStory}`);
  if (!opened) return;
  const { page, errors } = opened;
  const button = page.getByRole('button', { name: 'Follow this story', exact: true });
  await button.waitFor();
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.getByRole('link', { name: 'alert feed' }).count(), 0);
  await button.focus();
  await page.keyboard.press('Enter');

  const following = page.getByRole('button', { name: 'Following', exact: true });
  await following.waitFor();
  assert.equal(await following.getAttribute('aria-pressed'), 'true');
  assert.ok(await following.evaluate((el) => el === document.activeElement), 'the focus stays on the button');
  let alerts = (await server.store.listAlerts()).filter((a) => a.target.kind === 'story');
  assert.equal(alerts.length, 1);
  assert.deepEqual(alerts[0]!.target, { kind: 'story', storyId: demoStory });
  const alertId = alerts[0]!.id;
  const feedHref = await page.getByRole('link', { name: 'alert feed' }).getAttribute('href');
  assert.equal(feedHref, `/api/alerts/${encodeURIComponent(alertId)}/feed.xml`);
  const feed = await fetch(`${server.url}${feedHref}`);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type') ?? '', /atom/);

  await page.reload();
  await page.getByRole('button', { name: 'Following', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Following', exact: true }).getAttribute('aria-pressed'), 'true');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
  await page.waitForURL(/\/alerts$/);
  const item = page.locator('li.alert-item');
  await item.first().waitFor();
  assert.equal(await item.count(), 1);
  assert.match((await item.locator('h3').textContent()) ?? '', new RegExp(`^Story: ${demoStory}$`));
  assert.match((await item.textContent()) ?? '', /0 matches · no match yet/);
  assert.match((await item.textContent()) ?? '', /No webhook/);
  assert.equal(await item.getByRole('link', { name: 'Atom feed' }).getAttribute('href'), feedHref);
  await item.getByRole('link', { name: demoStory }).click();
  await page.waitForURL(new RegExp(`/stories/${demoStory}$`));

  const pressed = page.getByRole('button', { name: 'Following', exact: true });
  await pressed.waitFor();
  await pressed.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Follow this story', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Follow this story', exact: true }).getAttribute('aria-pressed'), 'false');
  assert.equal(await page.getByRole('link', { name: 'alert feed' }).count(), 0);
  alerts = await server.store.listAlerts();
  assert.equal(alerts.length, 0, 'the alert is removed');

  await page.goto(`${server.url}/alerts`);
  await page.getByText('No alerts yet. Follow a story from its page.').waitFor();
  assert.deepEqual(errors, []);
});

test('alerts page: each kind of alert in words, a failed delivery as a warning, Remove removes', async (t) => {
  await server.store.createAlert({ id: 'aQuery', target: { kind: 'query', query: 'ferry <b>strike</b>' }, webhook: 'https://hooks.example.org/in', createdAt: '2026-01-05T08:00:00Z' });
  await server.store.createAlert({ id: 'aEntity', target: { kind: 'entity', entity: 'Vladimir Putin' }, webhook: null, createdAt: '2026-01-05T08:01:00Z' });
  // One match of the query alert whose webhook delivery was given up on.
  const articleId = (await server.store.storyArticles(demoStory))[0]!.id;
  await server.store.recordAlertMatches([{ alertId: 'aQuery', articleId, storyId: demoStory, matchedAt: '2026-01-05T09:00:00Z' }]);
  const [delivery] = await server.store.alertDeliveries('aQuery', 10);
  await server.store.recordDeliveryAttempt({ id: delivery!.id, at: '2026-01-05T09:01:00Z', ok: false, error: 'HTTP 502', nextAttemptAt: null });
  const opened = await open(t, '/alerts');
  if (!opened) return;
  const { page, errors } = opened;
  const items = page.locator('li.alert-item');
  await items.first().waitFor();
  assert.equal(await items.count(), 2);
  const query = items.filter({ hasText: 'Search:' });
  assert.equal(await query.locator('h3').textContent(), 'Search: ferry <b>strike</b>');
  assert.equal(await query.locator('h3 a').getAttribute('href'), `/?q=${encodeURIComponent('ferry <b>strike</b>').replace(/%20/g, '+')}`);
  assert.match((await query.textContent()) ?? '', /1 match · last match 2026-01-05 09:00 UTC/);
  assert.match((await query.locator('.webhook').textContent()) ?? '', /^Webhook https:\/\/hooks\.example\.org\/in · 0 pending · 1 failed$/);
  assert.equal(await query.locator('.webhook .warning').textContent(), '1 failed');
  assert.match((await entity(page).textContent()) ?? '', /0 matches · no match yet/);
  assert.equal(await page.locator('main b').count(), 0);
  assert.equal(await entity(page).locator('h3').textContent(), 'Entity: Vladimir Putin');
  assert.equal(await entity(page).locator('h3 a').getAttribute('href'), '/timeline?entity=Vladimir+Putin');

  await query.getByRole('button', { name: /^Remove/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('li.alert-item').length === 1);
  assert.deepEqual((await server.store.listAlerts()).map((a) => a.id), ['aEntity']);
  await entity(page).getByRole('button', { name: /^Remove/ }).click();
  await page.getByText('No alerts yet. Follow a story from its page.').waitFor();
  assert.deepEqual(errors, []);
});
