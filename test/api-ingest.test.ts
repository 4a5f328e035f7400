// POST /api/articles on a real server: one article, NDJSON batches, and bad input that must store nothing.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { startTestServer, type TestServer } from './helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

const TEXT = 'The harbour authority of Northport said on Monday, March 4, 2024, that the new ferry terminal will open in May after two years of building work.';
const NEWS = (i: number) => ({ title: `Ferry terminal update ${i}`, text: `${TEXT} Update number ${i} adds more detail about the ferries and the timetable.`, published: '2024-03-04', source: 'Northport Post' });

async function post(body: string, contentType = 'application/json') {
  const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, body: (await res.json()) as any };
}

const stored = async () => (await server.store.listArticles()).length;

test('one article as JSON is stored in a story; posting it again adds nothing', async () => {
  const before = await stored();
  const first = await post(JSON.stringify(NEWS(1)));
  assert.equal(first.status, 201);
  assert.equal(first.body.added, 1);
  assert.equal(first.body.articles.length, 1);
  assert.equal(first.body.stories.length, 1);
  assert.equal(await stored(), before + 1);
  const article = (await (await fetch(`${server.url}/api/articles/${first.body.articles[0]}`)).json()) as any;
  assert.equal(article.title, 'Ferry terminal update 1');
  assert.equal(article.source, 'Northport Post');
  assert.equal(article.published, '2024-03-04');
  assert.equal(article.story, first.body.stories[0]);
  const again = await post(JSON.stringify(NEWS(1)));
  assert.equal(again.status, 200);
  assert.deepEqual([again.body.added, again.body.duplicates], [0, 1]);
  assert.equal(await stored(), before + 1);
  // The same text under another id is a syndicated copy: stored, counted as one, in the same story.
  const repost = await post(JSON.stringify({ ...NEWS(1), id: 'repost-1' }));
  assert.equal(repost.status, 201);
  assert.deepEqual([repost.body.added, repost.body.copies, repost.body.duplicates], [1, 1, 0]);
  assert.deepEqual(repost.body.stories, first.body.stories);
});

test('a story page shows what was added to the story since it was last read', async () => {
  const first = await post(JSON.stringify(NEWS(20)));
  const storyId = first.body.stories[0] as string;
  const page = async () => (await (await fetch(`${server.url}/api/stories/${storyId}`)).json()) as { articles: Array<{ id: string }> };
  const before = (await page()).articles.map((a) => a.id);
  const repost = await post(JSON.stringify({ ...NEWS(20), id: 'repost-20' }));
  assert.deepEqual(repost.body.stories, [storyId]);
  const now = (await page()).articles.map((a) => a.id);
  assert.deepEqual([...now].sort(), [...before, ...repost.body.articles].sort());
});

test('an NDJSON batch is stored whole', async () => {
  const before = await stored();
  const res = await post([NEWS(2), NEWS(3)].map((a) => JSON.stringify(a)).join('\n') + '\n\n', 'application/x-ndjson');
  assert.equal(res.status, 201);
  assert.equal(res.body.added, 2);
  assert.equal(await stored(), before + 2);
});

test('bad input is a 4xx naming the problem, and nothing is stored', async () => {
  const cases: Array<{ body: string; type?: string; status: number; code: string; message: RegExp }> = [
    { body: '{"title": "x", "text": ', status: 400, code: 'invalid_json', message: /POST \/api\/articles: invalid JSON/ },
    { body: '', status: 400, code: 'bad_request', message: /empty body/ },
    { body: JSON.stringify({ title: 'No text' }), status: 422, code: 'invalid_article', message: /needs a non-empty "text" or "html"/ },
    { body: JSON.stringify({ text: 42 }), status: 422, code: 'invalid_article', message: /field "text"/ },
    { body: JSON.stringify({ ...NEWS(9), published: 'last Tuesday' }), status: 422, code: 'invalid_article', message: /cannot read "published" date/ },
    { body: JSON.stringify({ text: 'Too short.' }), status: 422, code: 'invalid_article', message: /no article text found/ },
    { body: JSON.stringify(NEWS(10)), type: 'text/plain', status: 415, code: 'unsupported_media_type', message: /application\/x-ndjson/ },
    // A batch whose second line is invalid stores neither line.
    { body: `${JSON.stringify(NEWS(11))}\n{"text": ["not", "a", "string"]}\n`, type: 'application/x-ndjson', status: 422, code: 'invalid_article', message: /line 2: invalid article \(field "text"/ },
    { body: `${JSON.stringify(NEWS(12))}\nnot json\n`, type: 'application/x-ndjson', status: 400, code: 'invalid_json', message: /line 2: invalid JSON/ },
    // Valid JSON, but the second article is no article: the first is not stored either.
    { body: `${JSON.stringify(NEWS(13))}\n${JSON.stringify({ text: 'Too short.' })}`, type: 'application/x-ndjson', status: 422, code: 'invalid_article', message: /line 2: no article text found/ },
  ];
  const before = await stored();
  for (const c of cases) {
    const res = await post(c.body, c.type);
    assert.equal(res.status, c.status, c.body.slice(0, 60));
    assert.equal(res.body.error.code, c.code, c.body.slice(0, 60));
    assert.match(res.body.error.message, c.message);
    assert.equal(await stored(), before, `nothing stored for ${c.body.slice(0, 60)}`);
  }
});

test('a body over 5 MB is refused with 413 and nothing is stored', async () => {
  const before = await stored();
  const big = JSON.stringify({ title: 'Huge', text: `${TEXT} `.repeat(Math.ceil((5.5 * 1024 * 1024) / TEXT.length)) });
  const res = await post(big);
  assert.equal(res.status, 413);
  assert.equal(res.body.error.code, 'payload_too_large');
  assert.equal(await stored(), before);
});
