// Markdown exports (`story --markdown`, `timeline --markdown`, GET /api/stories/ID/markdown) carry
// article text escaped: markup and Markdown links in a title or a sentence are shown, never rendered.
import { strict as assert } from 'node:assert';
import { before, test } from 'node:test';
import { createApp } from '../src/api/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { escapeMarkdown } from '../src/timeline/markdown.js';
import { dateMention, storedArticle, testIndex } from './helpers/articles.js';
import { runMain, tempDb } from './helpers/cli.js';

const SCRIPT = '<script>alert(1)</script>';
const LINK = '[x](javascript:alert(1))';
const SENTENCE = `On 18 June the envoy wrote ${SCRIPT} and ${LINK} in Pyongyang.`;
let db: string;

before(async () => {
  db = tempDb();
  const store = new SqliteStoryStore(db);
  const article = storedArticle('a1', {
    title: `Envoy ${SCRIPT} posts ${LINK}`,
    text: `${SENTENCE} The visit went on.`,
    source: 'Outlet <b>bold</b>',
    entities: [{ name: 'Kim <img src=x onerror=alert(1)>', type: 'person', aliases: [], mentions: 2 }],
    dates: [dateMention('2024-06-18', SENTENCE)],
  });
  await store.addArticle(article, { newStory: true, dateUpdates: [], index: testIndex('a1', article) });
  await store.close();
});

/** No raw HTML tag and no Markdown link or image survives. */
function assertInert(markdown: string): void {
  assert.doesNotMatch(markdown, /<[a-z/!]/i, 'no raw HTML');
  assert.doesNotMatch(markdown, /(^|[^\\])\[[^\]]*(^|[^\\])\]\(/m, 'no Markdown link');
  assert.match(markdown, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(markdown, /\\\[x\\\]\(javascript:alert\(1\)\)/);
}

test('story --markdown escapes article titles, sentences, outlets and entities', async () => {
  const r = await runMain(['story', 's1', '--markdown', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assertInert(r.stdout);
  assert.match(r.stdout, /^# Envoy &lt;script&gt;/m);
  assert.match(r.stdout, /Outlet &lt;b&gt;bold&lt;\/b&gt;/);
  assert.match(r.stdout, /Kim &lt;img src=x onerror=alert\(1\)&gt;/);
});

test('timeline --markdown escapes the points and the selection title', async () => {
  const r = await runMain(['timeline', '--story', 's1', '--markdown', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assertInert(r.stdout);
});

test('the API serves the same escaped Markdown', async () => {
  const store = new SqliteStoryStore(db);
  try {
    const res = await createApp({ store }).request('/api/stories/s1/markdown');
    assert.equal(res.status, 200);
    assertInert(await res.text());
  } finally {
    await store.close();
  }
});

test('escapeMarkdown: one line, no block marker at its start, emphasis and code shown as written', () => {
  assert.equal(escapeMarkdown('# Not\na heading'), '\\# Not a heading');
  assert.equal(escapeMarkdown('1. not a list'), '1\\. not a list');
  assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
  assert.equal(escapeMarkdown('*a* _b_ `c` | ~d~ & e'), '\\*a\\* \\_b\\_ \\`c\\` \\| \\~d\\~ &amp; e');
  assert.equal(escapeMarkdown('Jean-Pierre (AFP), 3.5%'), 'Jean-Pierre (AFP), 3.5%');
});
