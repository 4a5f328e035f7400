// The CLI on a temporary database: commands, output shapes, exit codes; in-process through main(argv), with
// true end-to-end runs of the binary for ingest, re-ingest and the demo.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { runCli, runMain, SEEDS_DIR, SHARED_DATA, tempDb } from './helpers/cli.js';

test('--help works on every command', async () => {
  for (const args of [['--help'], ['ingest', '--help'], ['stories', '--help'], ['story', '--help'], ['articles', '--help'], ['demo', '--help'], ['serve', '--help']]) {
    const r = await runMain(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout, /Usage: storyline/);
  }
});

test('usage errors exit 2', async () => {
  assert.equal((await runMain(['ingest'])).code, 2);
  assert.equal((await runMain(['frobnicate'])).code, 2);
  assert.equal((await runMain(['stories', '--bogus'])).code, 2);
  assert.equal((await runMain(['story', 'x', '--json', '--markdown'])).code, 2);
});

test('ingest, re-ingest, list stories, show a story, list articles', async () => {
  const db = tempDb();
  const first = runCli(['ingest', SEEDS_DIR, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout.trim(), 'added 5, skipped 0 already stored, failed 0');
  const again = runCli(['ingest', SEEDS_DIR, '--db', db]);
  assert.equal(again.stdout.trim(), 'added 0, skipped 5 already stored, failed 0');

  const stories = JSON.parse((await runMain(['stories', '--json', '--db', db])).stdout);
  assert.equal(stories.length, 1);
  assert.equal(stories[0].articleCount, 5);
  assert.deepEqual([...stories[0].languages].sort(), ['en', 'vi']);
  assert.equal(stories[0].firstDate, '2024-01-21');
  assert.equal(stories[0].lastDate, '2024-06-18');

  const id = stories[0].id as string;
  const story = JSON.parse((await runMain(['story', id, '--json', '--db', db])).stdout);
  assert.deepEqual(Object.keys(story).sort(), ['articles', 'background', 'entities', 'id', 'languages', 'outlets', 'summary', 'timeline', 'title', 'unknownOutletArticles']);
  // Its outlets: the originals' known sources, most articles first; the others counted apart.
  const originals = story.articles.filter((a: { duplicateOf: string | null }) => !a.duplicateOf);
  assert.equal(story.outlets.reduce((n: number, o: { articles: number }) => n + o.articles, 0) + story.unknownOutletArticles, originals.length);
  for (const o of story.outlets) assert.deepEqual(Object.keys(o).sort(), ['articles', 'first', 'languages', 'last', 'name']);
  for (const a of story.articles) {
    assert.deepEqual(
      Object.keys(a).sort(),
      ['duplicateOf', 'eventId', 'id', 'language', 'path', 'published', 'publishedInferred', 'publishedPrecision', 'source', 'title', 'url'],
    );
  }
  for (const p of story.timeline) {
    for (const key of ['date', 'precision', 'text', 'articles']) assert.ok(key in p, `timeline point has ${key}`);
  }
  for (const e of story.entities) assert.ok(['person', 'organization', 'place'].includes(e.type));

  const markdown = await runMain(['story', id, '--markdown', '--db', db]);
  assert.match(markdown.stdout, /^# .+\n/);
  assert.match(markdown.stdout, /## Timeline/);
  const plain = await runMain(['story', id, '--db', db]);
  assert.match(plain.stdout, /Timeline:/);

  const articles = JSON.parse((await runMain(['articles', '--json', '--db', db])).stdout);
  assert.equal(articles.length, 5);
  for (const a of articles) {
    assert.equal(a.story, id);
    assert.ok(a.path.startsWith(SEEDS_DIR));
  }
  const unknownStory = await runMain(['articles', '--json', '--story', 'nope', '--db', db]);
  assert.equal(unknownStory.code, 1, 'an unknown story is not "no articles"');
  assert.match(unknownStory.stderr, /nope: no such story/);
  assert.match((await runMain(['stories', '--db', db])).stdout, new RegExp(`^${id}  5 articles`));

  const missing = await runMain(['story', 'nope', '--db', db]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope: no such story/);
});

test('$STORYLINE_DB chooses the database when --db is absent', async () => {
  const db = tempDb();
  assert.equal((await runMain(['ingest', SEEDS_DIR], { STORYLINE_DB: db })).code, 0);
  assert.equal(JSON.parse((await runMain(['articles', '--json', '--db', db])).stdout).length, 5);
});

test('demo --no-serve ingests the bundled sample and prints its story', () => {
  const db = tempDb();
  const r = runCli(['demo', '--no-serve', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /added 5/);
  assert.match(r.stdout, /Articles \(5\):/);
  assert.match(r.stdout, /Timeline:/);
});

test('eval commands print the benchmark figures as JSON', async () => {
  const extraction = await runMain(['eval', 'extraction', `${SHARED_DATA}/extraction/scrapinghub-dev`]);
  assert.equal(extraction.code, 0, extraction.stderr);
  assert.deepEqual(Object.keys(JSON.parse(extraction.stdout)).sort(), ['accuracy', 'empty', 'f1', 'pages', 'pages_per_second', 'precision', 'recall']);
  const dates = await runMain(['eval', 'dates', `${SHARED_DATA}/dates-dev`]);
  assert.equal(dates.code, 0, dates.stderr);
  assert.deepEqual(Object.keys(JSON.parse(dates.stdout)).sort(), ['accuracy', 'crossValidated', 'f1', 'pages', 'precision', 'recall']);
  const wrong = await runMain(['eval', 'dates', SEEDS_DIR]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /not a dates benchmark folder/);
});
