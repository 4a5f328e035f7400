// Golden test for analysis on the seeds: language, the people each seed names, every date resolved.
// The people are written out by hand below; the dates golden (fixtures/seeds/expected-analysis.json)
// was checked against the texts by hand and is rewritten only with UPDATE_GOLDEN=1.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { SqliteStoryStore } from '../src/store/index.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { SEEDS_DIR, tempDb } from './helpers/cli.js';

const GOLDEN = join(import.meta.dirname, 'fixtures', 'seeds', 'expected-analysis.json');

/** Who each seed names, read off the texts (Narishkin, Shoigureceived and Kim Jong Ilfather included). */
const PEOPLE: Record<string, { language: string; people: string[] }> = {
  '000_a88764cd02088529.txt': { language: 'en', people: ['Vladimir Putin', 'Kim Jong Un', 'Dmitry Peskov', 'Choe Son Hui'] },
  '001_f19b34be74c39a80.txt': { language: 'en', people: ['Vladimir Putin', 'Kim Jong Un', 'Kim Jong Il', 'Sergei Shoigu', 'Sergei Naryshkin'] },
  '002_b5995b1db2877c58.txt': { language: 'en', people: ['Vladimir Putin', 'Kim Jong Un', 'Dmitry Peskov', 'Yury Ushakov'] },
  '003_d1139dd3dbe620c2.txt': { language: 'vi', people: ['Vladimir Putin', 'Kim Jong Un', 'Choe Son Hui', 'Sergei Lavrov'] },
  '004_c7c6721c234cc375.txt': { language: 'en', people: ['Vladimir Putin', 'Kim Jong Un', 'Dmitry Peskov'] },
};

async function seedAnalyses() {
  const store = new SqliteStoryStore(tempDb());
  await ingestPaths([SEEDS_DIR], store);
  const articles = await store.listArticles();
  await store.close();
  return new Map(articles.map((a) => [basename(a.path!), a]));
}

test('every seed: the right language, and each person it names found under the canonical name', async () => {
  const analyses = await seedAnalyses();
  for (const [file, want] of Object.entries(PEOPLE)) {
    const a = analyses.get(file);
    assert.ok(a, file);
    assert.equal(a.language, want.language, file);
    const names = new Set(a.entities.map((e) => e.name));
    for (const person of want.people) assert.ok(names.has(person), `${file}: ${person} not in ${[...names].join(', ')}`);
  }
});

test('every date in the seeds resolves as the golden file says', async () => {
  const analyses = await seedAnalyses();
  const got = Object.fromEntries(
    [...analyses].sort(([a], [b]) => a.localeCompare(b)).map(([file, a]) => [file, a.dates.map(({ text, start, end, precision, reference }) => ({ text, start, ...(end ? { end } : {}), precision, reference }))]),
  );
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(got, null, 2)}\n`);
  assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: run with UPDATE_GOLDEN=1 and check it by hand`);
  assert.deepEqual(got, JSON.parse(readFileSync(GOLDEN, 'utf8')));
});
