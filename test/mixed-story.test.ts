// The seeds among hundreds of unrelated articles (six languages, plus HTML pages) still form
// one story of exactly the five seeds: clustering does not lump unrelated news together.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { SEEDS_DIR, tempDb } from './helpers/cli.js';
import { DATES_PAGES, writeDistractorJsonl } from './helpers/distractors.js';

test('seeds plus unrelated articles: one story with exactly the five seeds', async () => {
  const distractors = writeDistractorJsonl(500);
  assert.ok(distractors.count >= 400, `enough distractors (${distractors.count})`);
  const store = new SqliteStoryStore(tempDb());
  // Distractors first and last, so the seeds' story must hold against both orders.
  await ingestPaths([DATES_PAGES, distractors.path, SEEDS_DIR], store);
  const articles = await store.listArticles();
  assert.ok(articles.length >= 400);
  const seeds = articles.filter((a) => a.path?.startsWith(SEEDS_DIR));
  assert.equal(seeds.length, 5);
  const storyIds = new Set(seeds.map((a) => a.storyId));
  assert.equal(storyIds.size, 1, 'the seeds share one story');
  const [storyId] = [...storyIds];
  const members = await store.storyArticles(storyId!);
  assert.deepEqual(
    members.map((a) => a.path).sort(),
    seeds.map((a) => a.path).sort(),
    `the story holds only the seeds, not: ${members.filter((a) => !a.path?.startsWith(SEEDS_DIR)).map((a) => a.title).join(' | ')}`,
  );
  // Unrelated news is not one big story either.
  const sizes = await Promise.all((await store.listStoryIds()).map(async (id) => (await store.storyArticles(id)).length));
  assert.ok(Math.max(...sizes) <= 10, `largest story has ${Math.max(...sizes)} articles`);
  await store.close();
});
