// The story list as a triage desk, in Debian's chromium on a real server holding a real corpus of
// 600+ articles in 7 languages (test/helpers/triage-corpus.ts): each sort, each filter, the counts on
// the cards, the shared coverage scale, highlighted search matches and paging without artefacts.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { ingestPaths } from '../src/pipeline/index.js';
import { collectPageErrors, launchBrowser } from './helpers/browser.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { writeTriageCorpus } from './helpers/triage-corpus.js';

let server: TestServer;
let browser: BrowserContext | null = null;
let articles = 0;

before(async () => {
  server = await startTestServer();
  const summary = await ingestPaths([writeTriageCorpus(80)], server.store);
  articles = summary.added;
});

after(async () => {
  await browser?.close();
  await server.stop();
});

async function open(t: Parameters<typeof launchBrowser>[0], path: string): Promise<Page | null> {
  browser ??= await launchBrowser(t);
  if (!browser) return null;
  const page = await browser.newPage();
  const errors = collectPageErrors(page, (msg) => /favicon/.test(msg.text()));
  t.after(() => assert.deepEqual(errors, [], 'no script errors'));
  await page.goto(`${server.url}${path}`);
  await rendered(page);
  return page;
}

const numbers = (texts: string[], unit: RegExp) => texts.map((t) => Number(unit.exec(t)?.[1] ?? NaN));

/** The list has rendered: its status line says what it shows (the page's own "Loading…" is not it). */
async function rendered(page: Page) {
  await page.waitForFunction(() => {
    const status = document.querySelector('main .status');
    return status !== null && !status.closest('[data-stale]') && /stories|No story/.test(status.textContent ?? '');
  });
}

/** Submits the form and waits for the new list (the old one is marked stale first). */
async function apply(page: Page) {
  await page.evaluate(() => document.querySelector('main')!.firstElementChild!.parentElement!.querySelectorAll('*').forEach((el) => el.setAttribute('data-stale', '')));
  await page.getByRole('button', { name: 'Apply' }).click();
  await rendered(page);
}

test('the corpus is large and multilingual enough to judge triage', () => {
  assert.ok(articles >= 500, `${articles} articles`);
});

test('cards show articles, outlets and languages; the language filter offers every language in the store by name', async (t) => {
  const page = await open(t, '/');
  if (!page) return;
  const counts = await page.locator('.story-card .counts').allTextContents();
  assert.ok(counts.length > 0 && counts.every((c) => /^\d+ articles? · \d+ outlets? · \d+ languages?/.test(c)), counts.slice(0, 3).join(' | '));
  const options = (await page.locator('#lang option').allTextContents()).slice(1);
  assert.ok(options.length >= 7, options.join(', '));
  for (const name of ['English (en)', 'German (de)', 'Arabic (ar)', 'Turkish (tr)', 'Spanish (es)', 'French (fr)', 'Italian (it)']) assert.ok(options.some((o) => o.startsWith(name)), name);
  await page.locator('#lang').selectOption('de');
  await apply(page);
  assert.match(page.url(), /lang=de/);
  const metas = await page.locator('.story-card .meta').allTextContents();
  assert.ok(metas.length > 0 && metas.every((m) => m.includes('German')), metas.slice(0, 3).join(' | '));
});

test('sorting by size and by outlets orders the cards; growth puts the stories of the latest week first', async (t) => {
  const page = await open(t, '/');
  if (!page) return;
  await page.locator('#sort').selectOption('size');
  await apply(page);
  const sizes = numbers(await page.locator('.story-card .counts').allTextContents(), /^(\d+) article/);
  assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a));
  assert.ok(sizes[0]! > 1);

  await page.locator('#sort').selectOption('outlets');
  await apply(page);
  const outlets = numbers(await page.locator('.story-card .counts').allTextContents(), /· (\d+) outlet/);
  assert.deepEqual(outlets, [...outlets].sort((a, b) => b - a));
  assert.ok(outlets[0]! >= 2, 'some story is covered by several outlets');

  await page.locator('#sort').selectOption('growth');
  await apply(page);
  const recent = await page.locator('.story-card').evaluateAll((cards) => cards.map((c) => c.querySelector('.recent') !== null));
  assert.ok(recent[0], 'the first card grew in the latest week');
  assert.deepEqual(recent, [...recent].sort((a, b) => Number(b) - Number(a)), 'growing stories before the others');
});

test('outlet, entity, minimum size and period filters hold for every card', async (t) => {
  const page = await open(t, '/?outlet=Reuters&min=2');
  if (!page) return;
  const ids = await page.locator('.story-card h2 a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!.split('/').pop()!)));
  assert.ok(ids.length > 0);
  for (const id of ids) {
    const view = (await (await fetch(`${server.url}/api/stories/${id}`)).json()) as { outlets: Array<{ name: string }>; articles: unknown[] };
    assert.ok(view.outlets.some((o) => o.name === 'Reuters'), id);
  }
  const sizes = numbers(await page.locator('.story-card .counts').allTextContents(), /^(\d+) article/);
  assert.ok(sizes.every((n) => n >= 2), sizes.join(','));

  const [entity] = await server.store.listEntities('', 1);
  await page.goto(`${server.url}/?entity=${encodeURIComponent(entity!.name)}`);
  await rendered(page);
  assert.equal(await page.locator('#entity').inputValue(), entity!.name);
  assert.ok((await page.locator('.story-card').count()) > 0);

  await page.goto(`${server.url}/?from=2009-06-01&to=2009-06-30`);
  await rendered(page);
  const spans = await page.locator('.story-card .meta').allTextContents();
  for (const s of spans) {
    const [first, last] = (/(\d{4}-\d{2}(?:-\d{2})?)(?: → (\d{4}-\d{2}(?:-\d{2})?))?$/.exec(s) ?? []).slice(1);
    assert.ok(first && first.slice(0, 7) <= '2009-06' && (last ?? first).slice(0, 7) >= '2009-06', s);
  }
});

test('coverage charts share one scale; search matches are highlighted; paging shows every story once and no artefact', async (t) => {
  const page = await open(t, '/?sort=size');
  if (!page) return;
  // A word of the biggest story's title, searched by its start: every mark is that start.
  const word = (await page.locator('.story-card h2').allTextContents()).map((title) => /\b[A-Za-z]{6,}/.exec(title)?.[0]).find(Boolean)!;
  const start = word.slice(0, 5);
  await page.goto(`${server.url}/?q=${encodeURIComponent(start)}`);
  await rendered(page);
  const marks = await page.locator('.story-card h2 mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase() === start.toLowerCase()), `${start}: ${marks.join(',')}`);
  const labels = await page.locator('.story-card svg.sparkline').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')!.replace(/:.*/, '')));
  assert.equal(new Set(labels).size, 1, 'every chart covers the same window');

  await page.goto(`${server.url}/?sort=size`);
  await rendered(page);
  for (let i = 0; i < 40 && (await page.locator('button.more').count()) > 0; i++) {
    const before = await page.locator('.story-card').count();
    await page.locator('button.more').click();
    await page.waitForFunction((n) => document.querySelectorAll('.story-card').length > n, before);
  }
  assert.equal(await page.locator('button.more').count(), 0, 'paged to the end');
  const ids = await page.locator('.story-card h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(new Set(ids).size, ids.length, 'no story twice');
  assert.equal(ids.length, (await server.store.listStoryIds()).length, 'every story');
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /\bnull\b|\bundefined\b/);
});
