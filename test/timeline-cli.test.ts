// `storyline timeline` in-process (main(argv)) over the seed pages: selections, outputs, usage errors.
import { strict as assert } from 'node:assert';
import { before, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { SEEDS_DIR, tempDb } from './helpers/cli.js';

let db: string;
let storyId: string;

before(async () => {
  db = tempDb();
  const store = new SqliteStoryStore(db);
  await ingestPaths([SEEDS_DIR], store);
  storyId = (await store.listStoryIds())[0]!;
  await store.close();
});

/** Runs main(argv) with stdout and stderr captured. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string) => ((captured.stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((captured.stderr += chunk), true)) as typeof process.stderr.write;
  try {
    const code = await main([...args, '--db', db]);
    return { code, ...captured };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
}

const json = async (...args: string[]) => {
  const result = await run('timeline', ...args, '--json');
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
};
const dates = (points: Array<{ start: string }>) => points.map((p) => p.start);
const inDateOrder = (points: Array<{ start: string }>) => assert.deepEqual(dates(points), [...dates(points)].sort());

test('timeline --entity by an alias: the entity canonical, points in date order with text, outlets, articles and importance', async () => {
  const timeline = await json('--entity', 'putin');
  assert.deepEqual(timeline.selection, { entity: 'putin', entities: ['Vladimir Putin'] });
  assert.equal(timeline.articleCount, 5);
  assert.ok(timeline.points.length >= 3);
  inDateOrder(timeline.points);
  const cited = new Map(timeline.articles.map((a: { id: string; source: string }) => [a.id, a]));
  for (const p of timeline.points) {
    assert.ok(p.text.length > 0 && p.importance > 0 && p.importance <= 1);
    assert.match(p.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(p.articles.length > 0 && p.sources.length > 0);
    for (const id of p.articles) assert.ok(cited.has(id), `${id} is listed among the articles`);
  }
  const visit = timeline.points.find((p: { start: string }) => p.start === '2024-06-18');
  assert.deepEqual(visit.sources, ['Elcomercio', 'Haberler']);
  assert.deepEqual((await json('--entity', 'Kim Jong-un')).selection.entities, ['Kim Jong Un']);
});

test('timeline --points N keeps the N most important, in date order; --query, --story and a period select', async () => {
  const all = await json('--query', 'Pyongyang');
  const two = await json('--query', 'Pyongyang', '--points', '2');
  assert.equal(two.points.length, 2);
  inDateOrder(two.points);
  const topImportance = [...all.points].sort((a, b) => b.importance - a.importance)[1].importance;
  for (const p of two.points) assert.ok(p.importance >= topImportance);
  assert.deepEqual(dates((await json('--story', storyId)).points), dates(all.points));
  const june = await json('--from', '2024-06', '--to', '2024-06-30');
  assert.ok(june.points.length > 0);
  for (const p of june.points) assert.ok(p.start >= '2024-06-01' && p.start <= '2024-06-30');
  assert.equal((await json('--query', 'zebra')).points.length, 0);
});

test('timeline prints date, text and outlets as text, and as Markdown', async () => {
  const text = await run('timeline', '--entity', 'Putin');
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^Timeline: Vladimir Putin\n/);
  // The visit's first day, told by its reports and credited to both outlets that reported it.
  assert.match(text.stdout, /^ {2}2024-06-18 +\S.*visit to North Korea.* {2}\(Elcomercio, Haberler\)$/m);
  const markdown = await run('timeline', '--entity', 'Putin', '--markdown');
  assert.match(markdown.stdout, /^# Timeline: Vladimir Putin\n/);
  assert.match(markdown.stdout, /^- \*\*2024-06-18\*\*: \S.*visit to North Korea.* \(Elcomercio, Haberler\) \[\S+, \S+\]$/m);
});

test('timeline usage errors: nothing selected, a bad date or count (exit 2); an unknown story is named (exit 1)', async () => {
  for (const [args, message] of [
    [[], /nothing selected: give --story, --query, --entity, --from or --to/],
    [['--language', 'en'], /nothing selected/],
    [['--from', 'June'], /--from: not a date \(YYYY, YYYY-MM or YYYY-MM-DD\): June/],
    [['--from', '2024-07', '--to', '2024-06'], /--from: 2024-07 is after to \(2024-06\)/],
    [['--query', 'x', '--points', '0'], /--points <n>' argument '0' is invalid/],
    [['--query', 'x', '--json', '--markdown'], /cannot be used with/],
  ] as const) {
    const result = await run('timeline', ...args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, message);
    assert.equal(result.stdout, '');
  }
  const unknown = await run('timeline', '--story', 's-nope');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /s-nope: no such story/);
});
