// GET /api/timeline through app.request() (no port) over the seed pages: what the CLI prints as
// JSON, selections, errors, the token, the OpenAPI document.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { createApp } from '../src/api/index.js';
import { main } from '../src/cli/main.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { SEEDS_DIR, tempDb } from './helpers/cli.js';

let store: SqliteStoryStore;
let db: string;
let storyId: string;
let app: ReturnType<typeof createApp>;

before(async () => {
  db = tempDb();
  store = new SqliteStoryStore(db);
  await ingestPaths([SEEDS_DIR], store);
  storyId = (await store.listStoryIds())[0]!;
  app = createApp({ store });
});
after(() => store.close());

async function getJson(path: string, status = 200, target = app, headers: Record<string, string> = {}) {
  const res = await target.request(path, { headers });
  assert.equal(res.status, status, `${path}: ${res.status}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return res.json() as Promise<any>;
}

/** `storyline timeline ARGS --json`, in-process. */
async function cliJson(...args: string[]) {
  let stdout = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  try {
    assert.equal(await main(['timeline', ...args, '--json', '--db', db]), 0);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(stdout);
}

test('GET /api/timeline is what `storyline timeline --json` prints, for an entity, words, a story and a period', async () => {
  assert.deepEqual(await getJson('/api/timeline?entity=Putin&points=4'), await cliJson('--entity', 'Putin', '--points', '4'));
  assert.deepEqual(await getJson('/api/timeline?q=pyongyang&language=en'), await cliJson('--query', 'pyongyang', '--language', 'en'));
  assert.deepEqual(await getJson(`/api/timeline?story=${storyId}&from=2024-06&to=2024-06`), await cliJson('--story', storyId, '--from', '2024-06', '--to', '2024-06'));
});

test('GET /api/timeline: points in date order, each with its outlets and cited articles; N most important', async () => {
  const body = await getJson('/api/timeline?entity=kim%20jong-un');
  assert.deepEqual(body.selection, { entity: 'kim jong-un', entities: ['Kim Jong Un'] });
  const starts = body.points.map((p: { start: string }) => p.start);
  assert.ok(starts.length >= 3);
  assert.deepEqual(starts, [...starts].sort());
  const cited = new Set(body.articles.map((a: { id: string }) => a.id));
  for (const p of body.points) {
    assert.ok(p.sources.length > 0, p.date);
    for (const id of p.articles) assert.ok(cited.has(id));
  }
  const two = await getJson('/api/timeline?entity=kim%20jong-un&points=2');
  assert.equal(two.points.length, 2);
  assert.deepEqual(two.points.map((p: { start: string }) => p.start), two.points.map((p: { start: string }) => p.start).sort());
  const none = await getJson('/api/timeline?q=zebra');
  assert.deepEqual([none.points, none.articles, none.articleCount], [[], [], 0]);
});

test('GET /api/timeline errors: nothing selected and bad parameters are 400 naming the parameter, an unknown story 404', async () => {
  for (const [query, message] of [
    ['', /^nothing selected/],
    ['language=en', /^nothing selected/],
    ['q=x&points=0', /^points:/],
    ['q=x&points=many', /^points:/],
    ['q=x&language=English', /^language:/],
    ['from=June', /^from:/],
    ['from=2024-02-30', /^from: not a date/],
    ['from=2024-07&to=2024-06', /^from: 2024-07 is after to/],
  ] as const) {
    const body = await getJson(`/api/timeline?${query}`, 400);
    assert.equal(body.error.code, 'bad_request');
    assert.match(body.error.message, message, query);
  }
  const missing = await getJson('/api/timeline?story=s-nope', 404);
  assert.deepEqual(missing.error, { code: 'not_found', message: 'no such story: s-nope' });
});

test('GET /api/timeline needs the token when the server has one, and is in the OpenAPI document', async () => {
  const guarded = createApp({ store, token: 'secret-token-of-24-chars' });
  assert.equal((await getJson('/api/timeline?q=putin', 401, guarded)).error.code, 'unauthorized');
  assert.ok((await getJson('/api/timeline?q=putin', 200, guarded, { authorization: 'Bearer secret-token-of-24-chars' })).points.length > 0);
  const doc = await getJson('/api/openapi.json');
  const operation = doc.paths['/timeline'].get;
  assert.deepEqual(operation.parameters.map((p: { name: string }) => p.name).sort(), ['entity', 'from', 'language', 'points', 'q', 'story', 'to']);
  assert.deepEqual(Object.keys(operation.responses).sort(), ['200', '400', '401', '404']);
  assert.ok(doc.components.schemas.TopicTimeline && doc.components.schemas.TopicTimelinePoint);
});
