// `storyline serve` and `storyline demo` as a user runs them: they print the address and serve until stopped.
import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { test } from 'node:test';
import { runCli, SEEDS_DIR, tempDb } from './helpers/cli.js';
import { spawnServing } from './helpers/server.js';

test('serve refuses a non-loopback address without a token (usage error)', () => {
  const r = runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', tempDb()], { STORYLINE_TOKEN: '' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--host 0\.0\.0\.0 is reachable from other machines: give --token TOKEN/);
  assert.equal(runCli(['serve', '--port', 'http', '--db', tempDb()]).code, 2);
});

const TOKEN = 'a-test-token-of-24-chars';

/** GET with a Host header of our choosing (fetch sends the URL's). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serve answers on the printed address, with $STORYLINE_TOKEN required, and stops on SIGTERM', async () => {
  const db = tempDb();
  assert.equal(runCli(['ingest', SEEDS_DIR, '--db', db]).code, 0);
  const server = await spawnServing(['serve', '--port', '0', '--db', db], { STORYLINE_TOKEN: TOKEN });
  try {
    assert.equal((await fetch(`${server.url}/api/health`)).status, 401);
    const res = await fetch(`${server.url}/api/health`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.deepEqual(await res.json(), { status: 'ok', articles: 5, stories: 1 });
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test('demo ingests the sample, prints the story, then serves the story page', async () => {
  const server = await spawnServing(['demo', '--port', '0', '--db', tempDb()], { STORYLINE_TOKEN: '' });
  try {
    assert.match(server.stdout, /added 5/);
    assert.match(server.stdout, /Articles \(5\):/);
    const page = /Serving Storyline at (http:\/\/127\.0\.0\.1:\d+\/stories\/(s\w+))/.exec(server.stdout);
    assert.ok(page, server.stdout);
    const story = (await (await fetch(`${server.url}/api/stories/${page[2]}`)).json()) as { articles: unknown[] };
    assert.equal(story.articles.length, 5);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test('serve --public-url: its host is served, a foreign Host is 421, feed links use the public URL', async () => {
  const db = tempDb();
  assert.equal(runCli(['ingest', SEEDS_DIR, '--db', db]).code, 0);
  const server = await spawnServing(['serve', '--port', '0', '--db', db, '--public-url', 'https://news.example.org/'], { STORYLINE_TOKEN: '' });
  try {
    const foreign = await getWithHost(`${server.url}/api/health`, 'rebound.example');
    assert.equal(foreign.status, 421);
    assert.equal(JSON.parse(foreign.body).error.code, 'misdirected_request');
    const storyId = JSON.parse((await getWithHost(`${server.url}/api/stories`, 'news.example.org')).body).stories[0].id;
    const feed = await getWithHost(`${server.url}/api/stories/${storyId}/feed.xml`, 'localhost');
    assert.equal(feed.status, 200);
    assert.match(feed.body, new RegExp(`<id>https://news\\.example\\.org/stories/${storyId}</id>`));
    assert.doesNotMatch(feed.body, /localhost|127\.0\.0\.1/);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});
