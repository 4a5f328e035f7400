// The story list's triage through app.request() on real multi-language news: the languages and
// outlets endpoints, the four orders, the outlet, entity and size filters (checked against each
// story's own view), cursors through every order, growth against the store's newest day, and the
// page's shared coverage scale.
//
// The sample: the giveme5w1h events (English, with their outlets), the Timeline17 H1N1 articles of
// BBC, The Guardian and Reuters (the outlet each folder is from), every third ml-crisis article
// (es, fr, it) and every fourth SemEval 2022 pair (en, de, es, fr, tr, ar; no outlet): ~580 articles.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createApp } from '../src/api/index.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { SHARED_DATA, tempDb, tempDir } from './helpers/cli.js';

type Json = Record<string, any>;

const lines = (path: string): Json[] =>
  readFileSync(join(SHARED_DATA, path), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Json);

function sample(): string {
  const out: Json[] = [];
  for (const r of lines('clustering/giveme5w1h-events-dev/items.jsonl')) out.push({ id: r.id, title: r.title, text: r.text, date: r.date, lang: r.lang, source: r.source, url: r.url });
  for (const [folder, source] of [['H1N1_bbc', 'BBC'], ['H1N1_guardian', 'The Guardian'], ['H1N1_reuters', 'Reuters']] as const) {
    for (const r of lines(`timelines/t17-dev/${folder}/articles.jsonl`).slice(0, 60)) out.push({ id: `${folder}-${r.id}`, title: r.title, text: r.text, date: r.date, lang: r.lang, source });
  }
  lines('clustering/ml-crisis-topics-dev/items.jsonl')
    .filter((_, i) => i % 3 === 0)
    .forEach((r) => out.push({ id: r.id, title: r.title, text: r.text, date: r.date, lang: r.lang }));
  lines('clustering/semeval2022-task8-pairs-dev/pairs.jsonl')
    .filter((_, i) => i % 4 === 0)
    .forEach((r) => {
      for (const n of ['1', '2']) out.push({ id: `${r.pair_id}-${n}`, title: r[`title${n}`], text: r[`text${n}`], lang: r[`lang${n}`] });
    });
  const path = join(tempDir(), 'triage.jsonl');
  writeFileSync(path, out.map((o) => JSON.stringify(o)).join('\n') + '\n');
  return path;
}

let store: SqliteStoryStore;
let app: ReturnType<typeof createApp>;
let storyCount = 0;

before(async () => {
  store = new SqliteStoryStore(tempDb());
  const { added } = await ingestPaths([sample()], store);
  assert.ok(added >= 500, `${added} articles`);
  app = createApp({ store });
  storyCount = (await store.listStoryIds()).length;
});

after(async () => {
  await store?.close();
});

async function getJson(path: string, status = 200): Promise<Json> {
  const res = await app.request(path);
  const body = (await res.json()) as Json;
  assert.equal(res.status, status, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** Every story of a query, page by page: the pages and the stories in order. */
async function walk(query: string, limit = 7): Promise<{ pages: Json[]; stories: Json[] }> {
  const pages: Json[] = [];
  let cursor: string | null = null;
  do {
    const page: Json = await getJson(`/api/stories?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(page);
    cursor = page.nextCursor;
    assert.ok(pages.length <= storyCount, 'the cursors end');
  } while (cursor !== null);
  return { pages, stories: pages.flatMap((p) => p.stories) };
}

const byNewest = (a: Json, b: Json) => ((b.lastDate ?? '') > (a.lastDate ?? '') ? 1 : (b.lastDate ?? '') < (a.lastDate ?? '') ? -1 : a.id < b.id ? -1 : 1);

function assertOrdered(stories: Json[], compare: (a: Json, b: Json) => number, what: string): void {
  for (let i = 1; i < stories.length; i++) assert.ok(compare(stories[i - 1]!, stories[i]!) < 0, `${what}: ${stories[i - 1]!.id} before ${stories[i]!.id}`);
}

test('languages: every language of the originals with its English name, most stories first', async () => {
  const { languages } = await getJson('/api/languages');
  assert.ok(languages.length >= 6, JSON.stringify(languages));
  for (const l of languages) assert.ok(l.name && l.name !== l.code && l.stories > 0 && l.articles >= l.stories, JSON.stringify(l));
  assert.deepEqual(languages.find((l: Json) => l.code === 'de')?.name, 'German');
  assertOrdered(languages, (a, b) => b.stories - a.stories || b.articles - a.articles || (a.code < b.code ? -1 : 1), 'most stories first');
  const total = languages.reduce((n: number, l: Json) => n + l.articles, 0);
  assert.equal(total, (await store.listArticles()).filter((a) => !a.duplicateOf).length, 'every original once');
});

test('outlets: by name prefix, either case, most articles first', async () => {
  const { outlets } = await getJson('/api/outlets?limit=500');
  assert.ok(outlets.length >= 10);
  assertOrdered(outlets, (a, b) => b.articles - a.articles || b.stories - a.stories || (a.name < b.name ? -1 : 1), 'most articles first');
  const { outlets: the } = await getJson('/api/outlets?q=THE');
  assert.ok(the.length > 0 && the.every((o: Json) => o.name.toLowerCase().startsWith('the')), JSON.stringify(the));
  assert.deepEqual((await getJson('/api/outlets?q=reuters')).outlets.map((o: Json) => o.name), ['Reuters']);
  assert.match((await getJson('/api/outlets?limit=0', 400)).error.message, /^limit: /);
});

test('each order, paged by 7, visits every story once in its order; the last page has no cursor', async () => {
  const orders: Record<string, (a: Json, b: Json) => number> = {
    newest: byNewest,
    size: (a, b) => b.articleCount - a.articleCount || byNewest(a, b),
    outlets: (a, b) => b.outletCount - a.outletCount || byNewest(a, b),
  };
  for (const [sort, compare] of Object.entries(orders)) {
    const { pages, stories } = await walk(`sort=${sort}`);
    assert.equal(new Set(stories.map((s) => s.id)).size, storyCount, `${sort}: every story`);
    assert.equal(stories.length, storyCount, `${sort}: none twice`);
    assertOrdered(stories, compare, sort);
    assert.equal(pages.at(-1)!.nextCursor, null);
    assert.ok(pages.slice(0, -1).every((p) => p.stories.length === 7));
  }
  const { stories } = await walk('sort=growth');
  assert.equal(new Set(stories.map((s) => s.id)).size, storyCount, 'growth: every story');
  assert.equal(stories.length, storyCount, 'growth: none twice');
});

test('growth: the stories of the 7 days ending at the newest publication day come first, fastest growing first', async () => {
  const first = await getJson('/api/stories?sort=growth&limit=100');
  const referenceDay = await store.newestPublicationDate();
  assert.equal(first.referenceDay, referenceDay);
  const { stories } = await walk('sort=growth', 20);
  const recent = stories.filter((s) => s.recent.last7d > 0);
  assert.ok(recent.length > 0, 'some story has originals in the window');
  assert.deepEqual(stories.slice(0, recent.length).map((s) => s.id), recent.map((s) => s.id), 'stories with recent originals first');
  // Growth: recent originals over those before the window, as the story's own dates count them.
  const growth = async (s: Json) => {
    const days = (await store.storyPublicationDays([s.id])).get(s.id)!;
    const start = new Date(Date.parse(`${referenceDay}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
    const before = days.filter((d) => d.date < start).reduce((n, d) => n + d.count, 0);
    return s.recent.last7d / Math.max(1, before);
  };
  const scores = await Promise.all(recent.map(growth));
  for (let i = 1; i < scores.length; i++) assert.ok(scores[i - 1]! >= scores[i]!, `growth descending at ${i}`);
  const onDay = stories.filter((s) => s.recent.last24h > 0);
  assert.ok(onDay.length > 0 && onDay.every((s) => s.lastDate === referenceDay && s.recent.last24h <= s.recent.last7d));
  // The others follow, newest first.
  assertOrdered(stories.slice(recent.length).filter((s) => s.lastDate === null || s.lastDate < referenceDay!.slice(0, 10)), byNewest, 'the rest newest first');
});

test('filters hold on every story listed, as its own view shows it: outlet, entity, minimum size, and together', async () => {
  const view = (id: string) => getJson(`/api/stories/${encodeURIComponent(id)}`);
  const byOutlet = (await walk('sort=size&outlet=reuters', 20)).stories;
  assert.ok(byOutlet.length > 1);
  for (const s of byOutlet) assert.ok((await view(s.id)).outlets.some((o: Json) => o.name.toLowerCase() === 'reuters'), s.id);
  assert.equal(byOutlet.length, (await getJson('/api/outlets?q=Reuters')).outlets[0].stories, 'every story of the outlet');

  const [entity] = (await getJson('/api/entities?limit=1')).entities;
  const names = await store.findEntityNames(entity.name);
  const byEntity = (await walk(`sort=outlets&entity=${encodeURIComponent(entity.name.toUpperCase())}`, 20)).stories;
  assert.ok(byEntity.length > 1, entity.name);
  for (const s of byEntity) {
    const articles = await store.storyArticles(s.id);
    assert.ok(articles.some((a) => a.entities.some((e) => names.includes(e.name))), `${s.id} names ${entity.name}`);
  }
  assert.deepEqual((await getJson('/api/stories?entity=Nobody%20At%20All')).stories, []);

  const big = (await walk('min=3&sort=newest', 20)).stories;
  assert.ok(big.length > 0);
  for (const s of big) assert.ok((await view(s.id)).articles.filter((a: Json) => !a.duplicateOf).length >= 3, s.id);

  const together = (await walk(`outlet=BBC&min=2&lang=en&sort=outlets`)).stories;
  for (const s of together) {
    const v = await view(s.id);
    assert.ok(v.outlets.some((o: Json) => o.name === 'BBC') && v.languages.includes('en') && v.articles.filter((a: Json) => !a.duplicateOf).length >= 2, s.id);
  }
});

test('a page shares one coverage scale: its window is its first..last date, 24 slices for every story', async () => {
  const page = await getJson('/api/stories?sort=size&limit=10');
  const dated = page.stories.filter((s: Json) => s.firstDate);
  assert.deepEqual(page.coverageWindow, { from: dated.map((s: Json) => s.firstDate).sort()[0], to: dated.map((s: Json) => s.lastDate).sort().at(-1) });
  for (const s of page.stories) {
    assert.equal(s.pageCoverage.length, 24);
    assert.equal(s.coverage.length, 24);
    assert.equal(s.pageCoverage.reduce((n: number, c: number) => n + c, 0), s.coverage.reduce((n: number, c: number) => n + c, 0), `${s.id}: the same originals on either scale`);
    assert.equal(typeof s.outletCount, 'number');
  }
  assert.ok(new Set(page.stories.map((s: Json) => s.pageCoverage.join())).size > 1);
});

test('bad triage parameters are 400 naming the parameter', async () => {
  for (const [query, field] of [
    ['sort=popular', 'sort'],
    ['min=0', 'min'],
    ['min=100001', 'min'],
    ['min=two', 'min'],
    ['outlet=', 'outlet'],
    ['entity=', 'entity'],
  ]) {
    const body = await getJson(`/api/stories?${query}`, 400);
    assert.match(body.error.message, new RegExp(`^${field}: `), query);
  }
  const { nextCursor } = await getJson('/api/stories?sort=size&limit=2');
  assert.match((await getJson(`/api/stories?sort=outlets&cursor=${nextCursor}`, 400)).error.message, /^cursor: /);
  assert.match((await getJson('/api/stories?sort=growth&cursor=WyJncm93dGgiXQ', 400)).error.message, /^cursor: /);
});
