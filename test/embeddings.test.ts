// `--embeddings DIR`: a local ONNX sentence-embedding model adds cross-language evidence. The model
// here is test/fixtures/embeddings/toy-bilingual (scripts/make-toy-embedding-model.py): a real ONNX
// graph, run by the real runtime, whose English and German words for one thing share a vector.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, runCli, tempDb, tempDir } from './helpers/cli.js';

const MODEL = join(REPO_ROOT, 'test', 'fixtures', 'embeddings', 'toy-bilingual');
const ARTICLES = join(REPO_ROOT, 'test', 'fixtures', 'embeddings', 'rail-strike.jsonl');
// The runtime is an optional install (.ci/run installs it); without it the CLI says how to get it.
const hasRuntime = await import('@huggingface/transformers' as string).then(
  () => true,
  () => false,
);

function storiesOf(db: string): Array<{ title: string; articles: number }> {
  const out = runCli(['stories', '--json', '--db', db]);
  assert.equal(out.code, 0, out.stderr);
  return (JSON.parse(out.stdout) as Array<{ title: string; articleCount: number }>).map((s) => ({ title: s.title, articles: s.articleCount })).sort((a, b) => a.title.localeCompare(b.title));
}

test('a missing or incomplete model directory is refused by name before anything is stored', () => {
  const db = tempDb();
  const missing = runCli(['ingest', ARTICLES, '--db', db, '--embeddings', '/nonexistent/model']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--embeddings \/nonexistent\/model: no such model directory/);
  const half = join(tempDir(), 'half-model');
  mkdirSync(half);
  writeFileSync(join(half, 'config.json'), '{}');
  const incomplete = runCli(['ingest', ARTICLES, '--db', db, '--embeddings', half]);
  assert.equal(incomplete.code, 2);
  assert.match(incomplete.stderr, /not a local ONNX sentence-embedding model \(missing tokenizer\.json, onnx\/model\.onnx/);
  assert.equal(existsSync(db), false, 'refused before the database is even created');
});

test('with a model, a German report joins the English story it translates; the same places alone join nothing', { skip: !hasRuntime && 'optional package @huggingface/transformers is not installed' }, () => {
  const plain = tempDb();
  assert.equal(runCli(['ingest', ARTICLES, '--db', plain, '-q']).code, 0);
  // Without embeddings the three share only places: three stories.
  assert.equal(storiesOf(plain).length, 3);

  const embedded = tempDb();
  const out = runCli(['ingest', ARTICLES, '--db', embedded, '-q', '--embeddings', MODEL]);
  assert.equal(out.code, 0, out.stderr);
  assert.deepEqual(storiesOf(embedded), [
    { title: 'Lokführer streik ganz Deutschland', articles: 2 },
    { title: 'Mannschaft gewann das Spiel in München', articles: 1 },
  ]);
  const articles = JSON.parse(runCli(['articles', '--json', '--db', embedded]).stdout) as Array<{ id: string; title: string }>;
  const german = articles.find((a) => a.title.startsWith('Lokführer'))!;
  const why = runCli(['why', german.id, '--db', embedded]);
  assert.match(why.stdout, /Closest article: \S+ {2}Train drivers strike across Germany/);
  assert.match(why.stdout, /sentence embeddings: cosine 0\.9\d/);
});
