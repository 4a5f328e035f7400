// Syndicated copies through the CLI: the same wire text on another site, a light edit and a
// translation are stored as copies of one original (duplicateOf), in its story and event, and
// `storyline why` says why each article is where it is.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, runMain, tempDb, tempDir } from './helpers/cli.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'clustering', 'stories.jsonl');
const items = readFileSync(FIXTURES, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string> & { id: string; title: string; text: string; date: string; lang: string; cluster: string });
const line = (o: { id: string; title: string; text: string; date: string; lang: string }) => JSON.stringify({ id: o.id, title: o.title, text: o.text, published: o.date, language: o.lang });

test('wire copies, light edits and translations are linked to their original; why explains each placement', async () => {
  const db = tempDb();
  const dir = tempDir();
  const swap = items.filter((o) => o.cluster === 'prisoner-swap-2024');
  const original = swap.find((o) => o.id === 'a-38')!;
  const translation = swap.find((o) => o.copy_of === 'a-38')!;
  // The same text again under another id: a verbatim re-post on another site.
  const repost = { ...original, id: 'repost-1', title: `${original.title} | Another Outlet` };
  const file = join(dir, 'swap.jsonl');
  writeFileSync(file, `${swap.map(line).join('\n')}\n${line(repost)}\n`);
  const ingest = await runMain(['ingest', file, '--db', db]);
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.match(ingest.stdout, /^added 8 \(2 of them copies of stored articles\), skipped 0 already stored, failed 0$/m);
  // Re-ingesting adds nothing, copies included.
  assert.match((await runMain(['ingest', file, '--db', db])).stdout, /^added 0, skipped 8 already stored, failed 0$/m);

  const articles = JSON.parse((await runMain(['articles', '--json', '--db', db])).stdout) as Array<{ id: string; title: string; storyId: string; duplicateOf: string | null }>;
  const byTitle = (t: string) => articles.find((a) => a.title === t)!;
  const orig = byTitle(original.title);
  for (const copy of [byTitle(repost.title), byTitle(translation.title)]) {
    assert.equal(copy.duplicateOf, orig.id, `${copy.title} copies the original`);
    assert.equal(copy.storyId, orig.storyId);
  }
  const why = await runMain(['why', byTitle(translation.title).id, '--db', db]);
  assert.equal(why.code, 0, why.stderr);
  assert.match(why.stdout, new RegExp(`A copy: a translation of ${orig.id}`));
  const whyJson = JSON.parse((await runMain(['why', byTitle(repost.title).id, '--json', '--db', db])).stdout);
  assert.deepEqual([whyJson.placement.decision, whyJson.placement.copy.method, whyJson.placement.copy.of], ['copy', 'exact', orig.id]);

  // An original that joined the story names the article it matched and the evidence.
  const placements = [];
  // One at a time: runMain captures this process's stdout.
  for (const a of articles.filter((x) => !x.duplicateOf && x.storyId === orig.storyId)) placements.push(JSON.parse((await runMain(['why', a.id, '--json', '--db', db])).stdout).placement);
  const explained = placements.find((p) => p.decision === 'joined');
  assert.ok(explained, `some article joined the story: ${placements.map((p) => p.decision).join(', ')}`);
  assert.ok(explained.storyScore >= explained.joinThreshold);
  assert.ok(explained.bestMatch.sharedEntities.length > 0 || explained.bestMatch.sharedTerms.length > 0);
  assert.equal((await runMain(['why', 'a-nope', '--db', db])).code, 1);
});

test('eval clustering prints pairwise and B-cubed scores per language; bad lines name the line', async () => {
  const dir = tempDir();
  const file = join(dir, 'small.jsonl');
  const pick = items.filter((o) => ['noto-earthquake-2024', 'belousov-defence-2024'].includes(o.cluster));
  writeFileSync(file, `${pick.map((o) => JSON.stringify(o)).join('\n')}\n`);
  const out = await runMain(['eval', 'clustering', file]);
  assert.equal(out.code, 0, out.stderr);
  const r = JSON.parse(out.stdout);
  assert.equal(r.articles, pick.length);
  assert.equal(r.clusters_gold, 2);
  for (const k of ['pairwise_precision', 'pairwise_recall', 'pairwise_f1', 'bcubed_precision', 'bcubed_recall', 'bcubed_f1', 'articles_per_second', 'peak_rss_mb']) assert.equal(typeof r[k], 'number', k);
  assert.ok(r.pairwise_precision > 0.9, `two unrelated stories are kept apart (P ${r.pairwise_precision})`);
  assert.ok(Object.keys(r.per_language).length >= 3);
  writeFileSync(file, `${JSON.stringify(pick[0])}\n{"id": "x"}\n`);
  const bad = await runMain(['eval', 'clustering', file]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /small\.jsonl:2.*is not a clustering item/);
});
