// The web UI's pages in a real browser (Debian's chromium through playwright-core) on a real server:
// not-found pages with status 404, the story page for reading (outlets panel, outlets on timeline
// points, entity chips to the entity page), a 390 px phone, dark mode, the keyboard alone, and axe-core
// (no serious or critical violation, light and dark). No page shows a console error.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './helpers/browser.js';
import { runAxe } from './helpers/axe.js';
import { REPO_ROOT, tempDir } from './helpers/cli.js';
import { startTestServer, type TestServer } from './helpers/server.js';

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

const screenshot = (name: string) => (process.env.UPDATE_SCREENSHOT ? join(REPO_ROOT, 'docs', name) : join(tempDir(), name));

/** A new page with every console error and uncaught exception collected; `check()` asserts there were none. */
async function newPage(t: TestContext): Promise<{ page: Page; check: () => void } | null> {
  browser ??= await launchBrowser(t);
  if (!browser) return null;
  const page = await browser.newPage();
  // A 404 page answers with status 404 on purpose: the browser logs that load as an error.
  const errors = collectPageErrors(page, (msg) => /status of 404/.test(msg.text()));
  return { page, check: () => assert.deepEqual(errors, []) };
}

test('unknown paths and ids answer 404 with the app\'s not-found page; /api stays JSON', async (t) => {
  const opened = await newPage(t);
  if (!opened) return;
  const { page, check } = opened;
  for (const [path, why] of [['/nothing/here', 'No page here.'], ['/stories/nope', 'No story with this id.'], ['/articles/nope', 'No article with this id.']] as const) {
    const response = await page.goto(`${server.url}${path}`);
    assert.equal(response?.status(), 404, path);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    assert.equal(await page.locator('main p').first().textContent(), why, path);
    assert.equal(await page.getByRole('link', { name: 'All stories' }).count(), 1, path);
    assert.equal(await page.getByText('Something went wrong').count(), 0, path);
  }
  // Reached inside the app (no page load), an unknown story is the same page.
  await page.goto(`${server.url}/`);
  await page.waitForSelector('.story-card');
  await page.evaluate(() => {
    history.pushState(null, '', '/stories/gone');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  assert.match((await page.locator('main').textContent()) ?? '', /No story with this id/);
  const ok = await page.goto(`${server.url}/stories/${demoStory}`);
  assert.equal(ok?.status(), 200);
  const api = await page.goto(`${server.url}/api/nothing`);
  assert.equal(api?.status(), 404);
  assert.match(api?.headers()['content-type'] ?? '', /^application\/json/);
  assert.equal(((await api?.json()) as { error: { code: string } }).error.code, 'not_found');
  check();
});

test('story page: headline and summary first, outlets with their counts, outlets on timeline points, an entity chip opens its page', async (t) => {
  const opened = await newPage(t);
  if (!opened) return;
  const { page, check } = opened;
  await page.goto(`${server.url}/stories/${demoStory}`);
  await page.waitForSelector('.timeline-list');
  // Reading order: h1, then the summary, then the meta line and exports, then the timeline.
  // (No named functions inside evaluate: tsx would wrap them in a helper the page does not have.)
  const order = await page.evaluate((selectors) => selectors.map((sel) => Array.from(document.querySelectorAll('main *')).indexOf(document.querySelector(sel)!)), ['main h1', '.summary', '.story > .meta', '.exports', '.outlets', '.timeline-chart']);
  assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), `h1, summary, meta, exports, outlets, timeline in order: ${order}`);
  assert.ok((await page.locator('.summary').textContent())!.length > 50);

  // The seeds: two articles from Báo Quốc Tế (en and vi), one each from Gazeta, Elcomercio and Haberler.
  assert.ok(await page.getByRole('heading', { name: 'Outlets (4)' }).isVisible());
  const outlets = await page.locator('.outlets li').evaluateAll((items) => items.map((li) => [li.querySelector('.outlet-name')!.textContent, li.querySelector('.outlet-count')!.textContent, li.querySelector('.meta')!.textContent]));
  assert.deepEqual(outlets[0], ['Báo Quốc Tế', '2 articles', 'en, vi · 2024-01-21 → 2024-02-11']);
  assert.deepEqual(outlets.slice(1).map((o) => o.slice(0, 2)).sort(), [['Elcomercio', '1 article'], ['Gazeta', '1 article'], ['Haberler', '1 article']]);
  assert.equal(await page.locator('.outlets-unknown').count(), 0, 'every seed names its outlet');
  assert.equal(await page.getByText(/unknown/i).count(), 0);

  // Every point names its outlets inline, without being opened.
  const inline = await page.locator('.timeline-list > li summary').evaluateAll((items) => items.map((s) => s.querySelector('.point-outlets')?.textContent ?? ''));
  assert.ok(inline.length > 5);
  assert.ok(inline.every((text) => /^— \S/.test(text)), inline.join(' | '));
  assert.ok(inline.some((text) => text.includes('Báo Quốc Tế')));
  assert.ok(await page.locator('.timeline-list .point-outlets').first().isVisible());

  // Who said what and where sources differ stay; counts read in words.
  for (const heading of ['Who said what', 'Where sources differ', 'Entities', 'Articles (5)']) assert.ok(await page.getByRole('heading', { name: heading, exact: true }).isVisible(), heading);
  assert.equal(await page.locator('main').getByText(/\b1 (mentions|articles|sources|developments)\b/).count(), 0, 'no "1 mentions"');
  const label = (await page.locator('svg.timeline-chart').getAttribute('aria-label'))!;
  assert.match(label, /^Timeline chart: \d+ developments from \d{4}-\d{2}(-\d{2})? to \d{4}-\d{2}(-\d{2})?, \d+ background points? before$/);
  assert.equal(await page.locator('svg.timeline-chart').getAttribute('role'), 'img');

  await page.screenshot({ path: screenshot('story-page.png'), fullPage: true });

  // An entity chip opens its page: name, type, a timeline and its stories.
  const chip = page.locator('.entities a', { has: page.locator('.entity-name', { hasText: /^Vladimir Putin$/ }) });
  assert.match((await chip.textContent()) ?? '', /^Vladimir Putin person, \d+ mentions$/);
  await chip.click();
  await page.waitForURL(/\/entities\/Vladimir%20Putin$/);
  // (The story page stays on screen until the entity page has its data: wait for the entity page itself.)
  await page.waitForSelector('.entity-page .timeline-list');
  assert.equal(await page.locator('main h1').textContent(), 'Vladimir Putin');
  assert.equal(await page.title(), 'Vladimir Putin — Storyline');
  assert.match((await page.locator('.entity-page > .meta').textContent()) ?? '', /^person · \d+ articles · \d+ mentions/);
  const dates = await page.locator('.timeline-list > li[data-kind="development"]').evaluateAll((items) => items.map((li) => li.getAttribute('data-date')!));
  assert.ok(dates.length >= 3);
  assert.deepEqual(dates, [...dates].sort());
  assert.equal(await page.locator('.timeline-chart circle.dot.development').count(), dates.length);
  assert.match((await page.locator('svg.timeline-chart').getAttribute('aria-label'))!, /^Timeline chart: \d+ developments from /);
  assert.ok((await page.locator('.timeline-list .point-outlets').count()) > 0, 'outlets on the entity timeline too');
  const story = page.locator('.entity-page .story-card a', { hasText: 'North Korea' });
  assert.equal(await story.count(), 1);
  await story.click();
  await page.waitForURL(new RegExp(`/stories/${demoStory}$`));
  await page.waitForSelector('.story .timeline-list');
  // An entity nothing mentions is an empty page, said so.
  await page.goto(`${server.url}/entities/Nobody%20Anywhere`);
  await page.getByText('No dated developments name this entity.').waitFor();
  assert.equal(await page.locator('main h1').textContent(), 'Nobody Anywhere');
  check();
});

/** Elements whose box reaches past the right edge of a `width`-px viewport, as "tag.class (right px)". */
function overflowing(page: Page, width: number) {
  return page.evaluate((w) => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > w + 0.5 || box.left < -0.5) {
        // The skip link waits off screen at the left until it is focused.
        if (el.classList.contains('skip-link')) continue;
        found.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} (${Math.round(box.left)}–${Math.round(box.right)} px)`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, found };
  }, width);
}

test('a 390 px phone: nothing wider than the screen, the articles as cards, readable chart text', async (t) => {
  const opened = await newPage(t);
  if (!opened) return;
  const { page, check } = opened;
  await page.setViewportSize({ width: 390, height: 844 });
  const article = (await server.store.findArticles({ storyId: demoStory }))[0]!;
  for (const [path, ready] of [['/', '.story-card'], [`/stories/${demoStory}`, '.timeline-list'], [`/articles/${article.id}`, '.article-text p'], ['/entities/Vladimir%20Putin', '.timeline-list']] as const) {
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector(ready);
    const { scrollWidth, found } = await overflowing(page, 390);
    assert.ok(scrollWidth <= 390, `${path}: scrollWidth ${scrollWidth}`);
    assert.deepEqual(found, [], path);
  }
  await page.goto(`${server.url}/stories/${demoStory}`);
  await page.waitForSelector('.timeline-list');
  // The articles table is a list of cards: rows as blocks, the header row hidden, titles on full lines.
  const rows = page.locator('table.articles tbody tr');
  assert.equal(await rows.count(), 5);
  assert.equal(await rows.first().evaluate((tr) => getComputedStyle(tr).display), 'block');
  assert.equal(await page.locator('table.articles thead').evaluate((el) => el.getBoundingClientRect().width <= 1), true);
  const title = rows.first().locator('td').first();
  const titleBox = (await title.boundingBox())!;
  assert.ok(titleBox.width > 300, `the title cell spans the card: ${titleBox.width} px`);
  assert.match((await rows.first().locator('td').nth(1).evaluate((td) => getComputedStyle(td, '::before').content)) ?? '', /Outlet/);
  // Titles do not break one word per line: a title cell's lines hold several words.
  const wordsPerLine = await title.evaluate((td) => {
    const words = (td.textContent ?? '').trim().split(/\s+/).length;
    const lines = Math.round(td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight || '24'));
    return words / Math.max(1, lines);
  });
  assert.ok(wordsPerLine >= 3, `${wordsPerLine} words per line`);
  // Chart text renders at 11 px or more, on screen.
  const sizes = await page.locator('svg.timeline-chart text').evaluateAll((texts) =>
    texts.filter((el) => getComputedStyle(el).display !== 'none').map((el) => ({ css: parseFloat(getComputedStyle(el).fontSize), shown: el.getBoundingClientRect().height })),
  );
  assert.ok(sizes.length >= 2);
  for (const size of sizes) assert.ok(size.css >= 11 && size.shown >= 11, JSON.stringify(size));
  await page.screenshot({ path: screenshot('phone.png'), clip: { x: 0, y: 0, width: 390, height: 1688 }, fullPage: true });
  check();
});

const luminance = (rgb: string) => {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

test('dark mode follows the system: a dark page with light text, charts in the same colours', async (t) => {
  const opened = await newPage(t);
  if (!opened) return;
  const { page, check } = opened;
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${server.url}/stories/${demoStory}`);
  await page.waitForSelector('.timeline-list');
  const colours = await page.evaluate(() => {
    const html = getComputedStyle(document.documentElement).backgroundColor;
    const body = getComputedStyle(document.body).backgroundColor;
    return {
      background: body === 'rgba(0, 0, 0, 0)' ? html : body,
      text: getComputedStyle(document.querySelector('main p')!).color,
      axis: getComputedStyle(document.querySelector('.timeline-chart .axis:not(.background)')!).stroke,
      link: getComputedStyle(document.querySelector('main a')!).color,
    };
  });
  assert.ok(luminance(colours.background) < 0.05, `background ${colours.background}`);
  assert.ok(luminance(colours.text) > 0.6, `text ${colours.text}`);
  assert.ok(luminance(colours.axis) > 0.6, `chart axis ${colours.axis}`);
  assert.ok(luminance(colours.link) > 0.3, `link ${colours.link}`);
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok(luminance(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)) > 0.9);
  check();
});

/** The focused element: its tag, its text, and whether it shows a focus ring. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== 'none' && style.boxShadow !== '');
    // (A date input's picker button has the focus inside it: the input is then :focus-within, not :focus.)
    return { tag: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`, outline: `${style.outlineStyle} ${style.outlineWidth} / ${style.boxShadow}`, text: (el.textContent ?? '').trim().slice(0, 60), href: el.getAttribute('href'), ring, focusVisible: el.matches(':focus-visible') };
  });
}

test('the keyboard alone: skip link, Tab to a story and Enter, Back to the list; a ring for Tab only', async (t) => {
  const opened = await newPage(t);
  if (!opened) return;
  const { page, check } = opened;
  await page.goto(`${server.url}/?q=Putin`);
  await page.waitForSelector('.story-card');
  // The app moved the focus to the heading on load: no ring for that.
  const onLoad = await focused(page);
  assert.equal(onLoad?.tag, 'h1');
  assert.equal(onLoad?.ring, false, 'no ring on the focus the page load moved');

  // Shift+Tab goes back through the header's links to the skip link, each ringed; the skip link shows.
  let skip = null;
  for (let i = 0; i < 10 && !skip; i++) {
    await page.keyboard.press('Shift+Tab');
    const now = await focused(page);
    assert.ok(now, 'the focus stays in the page');
    assert.equal(now.ring, true, `${now.tag} "${now.text}" shows a ring after a Tab`);
    if (now.text === 'Skip to content') skip = now;
  }
  assert.ok(skip, 'the skip link is reachable');
  assert.ok((await page.locator('.skip-link').boundingBox())!.x >= 0, 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.equal(await page.locator('.story-card').count(), 1, 'the list stays (no re-render for the #fragment)');

  let story = null;
  // Through the search form (seven fields, the dates by their parts) to the first story link.
  for (let i = 0; i < 40 && !story; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    assert.ok(now, 'the focus stays in the page');
    assert.equal(now.ring, true, `${now.tag} "${now.text}" shows a ring (${now.outline})`);
    if (now.href?.startsWith('/stories/')) story = now;
  }
  assert.ok(story, 'a story link is reachable by Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/stories/${demoStory}$`));
  await page.waitForSelector('.timeline-list');
  assert.equal((await focused(page))?.tag, 'h1');
  assert.equal((await focused(page))?.ring, false);
  // A timeline point opens with the keyboard too.
  let summary = null;
  for (let i = 0; i < 40 && !summary; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page))?.tag === 'summary') summary = true;
  }
  assert.ok(summary, 'a timeline point is reachable by Tab');
  await page.keyboard.press('Enter');
  await page.locator('.timeline-list details[open] .sources li').first().waitFor();

  // Back: the list again, with its search, and the focus on the story link that was followed.
  // (Alt+ArrowLeft is the browser's own shortcut, which headless chromium has no window for: goBack is the same history step.)
  await page.goBack();
  await page.waitForURL(/\/\?q=Putin(#main)?$/);
  await page.waitForSelector('.story-card');
  assert.equal(await page.getByLabel('Search', { exact: true }).inputValue(), 'Putin');
  const back = await focused(page);
  assert.equal(back?.href, story.href);
  check();
});

test('axe-core: no serious or critical violation on the list, story, entity, search and article pages, light and dark', async (t) => {
  const opened = await newPage(t);
  if (!opened) return;
  const { page, check } = opened;
  const article = (await server.store.findArticles({ storyId: demoStory }))[0]!;
  const pages = [
    ['/', '.story-card'],
    [`/stories/${demoStory}`, '.timeline-list'],
    ['/entities/Vladimir%20Putin', '.timeline-list'],
    ['/?q=Pyongyang', '.story-card'],
    [`/articles/${article.id}`, '.article-text p'],
    ['/nothing/here', 'text=Page not found'],
  ] as const;
  const summary: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [path, ready] of pages) {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector(ready);
      // Open a timeline point so its sources are checked too.
      if (path.startsWith('/stories/')) {
        await page.locator('.timeline-list summary').first().click();
        await page.locator('.timeline-list details[open] .sources li').first().waitFor();
      }
      const { violations, passes } = await runAxe(page);
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      summary.push(`${scheme} ${path}: ${passes} rules pass, ${violations.length} violations (${violations.map((v) => `${v.id}/${v.impact}`).join(', ') || 'none'})`);
      assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(' | ')}`), [], `${scheme} ${path}`);
    }
  }
  t.diagnostic(summary.join('\n'));
  check();
});

test('the story list, for the README', async (t) => {
  const opened = await newPage(t);
  if (!opened) return;
  const { page, check } = opened;
  await page.goto(`${server.url}/`);
  await page.waitForSelector('.story-card');
  assert.match((await page.locator('svg.sparkline').first().getAttribute('aria-label')) ?? '', /^Coverage from \S+ to \S+: \d+ dated articles?, at most \d+ in one period$/);
  assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /\bnull\b|undefined/, 'parts left out are not shown as "null"');
  await page.screenshot({ path: screenshot('story-list.png') });
  check();
});
