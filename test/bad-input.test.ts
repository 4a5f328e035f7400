// Bad input: a clear error naming the file and the reason, exit 1, and the database intact.
import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { runMain, SEEDS_DIR, tempDb, tempDir } from './helpers/cli.js';

function articleCount(db: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
    return conn.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
  } finally {
    conn.close();
  }
}

test('each kind of bad input fails alone with a message naming it, and stored data survives', async () => {
  const db = tempDb();
  assert.equal((await runMain(['ingest', SEEDS_DIR, '--db', db])).code, 0);
  const dir = tempDir();
  const cases: Array<{ name: string; content: string | Buffer; reason: RegExp }> = [
    { name: 'empty.txt', content: '', reason: /file is empty/ },
    { name: 'binary.html', content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]), reason: /binary data, not text/ },
    { name: 'bad.jsonl', content: '{"text": "broken', reason: /bad\.jsonl:1: invalid JSON/ },
    { name: 'nobody.jsonl', content: '{"title": "only a title"}\n', reason: /nobody\.jsonl:1: invalid article/ },
    { name: 'baddate.jsonl', content: '{"text": "A real sentence of text with several words in it.", "published": "yesterday"}\n', reason: /cannot read "published"/ },
    { name: 'menu.txt', content: 'Home\nMenu\n', reason: /no article text found/ },
  ];
  for (const c of cases) {
    const file = join(dir, c.name);
    writeFileSync(file, c.content);
    const r = await runMain(['ingest', file, '--db', db]);
    assert.equal(r.code, 1, `${c.name} exits 1`);
    assert.ok(r.stderr.includes(file), `${c.name}: message names the file: ${r.stderr}`);
    assert.match(r.stderr, c.reason);
    assert.equal(articleCount(db), 5, `${c.name} leaves the database as it was`);
  }
  const missing = await runMain(['ingest', join(dir, 'missing.txt'), '--db', db]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /missing\.txt: no such file or directory/);
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
  const dangling = await runMain(['ingest', join(dir, 'dangling.txt'), '--db', db]);
  assert.equal(dangling.code, 1);
  assert.match(dangling.stderr, /dangling\.txt: no such file or directory/);
  assert.equal(articleCount(db), 5);
});

test('a bad file among good ones does not stop the rest', async () => {
  const db = tempDb();
  const dir = tempDir();
  mkdirSync(join(dir, 'mixed'));
  writeFileSync(join(dir, 'mixed', 'a-bad.jsonl'), 'not json at all\n');
  writeFileSync(join(dir, 'mixed', 'b-good.jsonl'), `${JSON.stringify({ title: 'Harbour reopens', text: 'The port authority reopened the harbour on Tuesday after a storm kept all vessels in dock for three days.' })}\n`);
  const r = await runMain(['ingest', join(dir, 'mixed'), SEEDS_DIR, '--db', db]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.trim(), 'added 6, skipped 0 already stored, failed 1');
  assert.match(r.stderr, /a-bad\.jsonl:1: invalid JSON/);
  assert.equal(articleCount(db), 6);
});

test('broken HTML: truncated markup still yields its text; a huge page is cut with a warning; an unknown charset is guessed with a warning', async () => {
  const db = tempDb();
  const dir = tempDir();
  const paragraph = '<p>The regional parliament voted on Thursday to extend the emergency budget by six months, after a debate that ran late into the night.</p>';
  writeFileSync(join(dir, 'truncated.html'), `<html><head><title>Budget extended</title></head><body><article><h1>Budget extended</h1>${paragraph.repeat(4)}<p>The opposition said it would challenge the decis`);
  const truncated = await runMain(['ingest', join(dir, 'truncated.html'), '--db', db]);
  assert.equal(truncated.code, 0, truncated.stderr);
  assert.equal(articleCount(db), 1);

  // 50 MB: a real article followed by a giant inline data blob.
  const blob = `<script>var data = "${'x'.repeat(50 * 1024 * 1024)}";</script>`;
  writeFileSync(join(dir, 'huge.html'), `<html><head><title>Harbour closes</title></head><body><article><h1>Harbour closes</h1>${paragraph.replace('parliament', 'port authority').repeat(5)}</article>${blob}</body></html>`);
  const huge = await runMain(['ingest', join(dir, 'huge.html'), '--db', db]);
  assert.equal(huge.code, 0, huge.stderr);
  assert.match(huge.stderr, /warning: .*huge\.html: page is \d+ bytes: only the first \d+ were read/);
  assert.equal(articleCount(db), 2);

  const latin = Buffer.concat([Buffer.from('<html><head><meta charset="x-no-such-charset"><title>Caf'), Buffer.from([0xe9]), Buffer.from(`</title></head><body><article>${paragraph.replace('regional', 'municipal').repeat(3)}<p>Le caf`), Buffer.from([0xe9]), Buffer.from(' est ouvert.</p></article></body></html>')]);
  writeFileSync(join(dir, 'charset.html'), latin);
  const guessed = await runMain(['ingest', join(dir, 'charset.html'), '--db', db]);
  assert.equal(guessed.code, 0, guessed.stderr);
  assert.equal(articleCount(db), 3);
  const texts = JSON.parse((await runMain(['articles', '--json', '--db', db])).stdout).map((a: { text: string }) => a.text).join(' ');
  assert.match(texts, /Le café est ouvert/);
});
