// `storyline analyze`: the analysis of files without a database, and clear outcomes for bad input.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runMain, SEEDS_DIR, tempDir } from './helpers/cli.js';

test('analyze prints one article as a JSON object with language, entities, dates and repaired text', async () => {
  const r = await runMain(['analyze', join(SEEDS_DIR, '001_f19b34be74c39a80.txt')]);
  assert.equal(r.code, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  assert.equal(a.language, 'en');
  assert.ok(a.languageConfidence > 0 && a.languageConfidence <= 1);
  const names = a.entities.map((e: { name: string }) => e.name);
  for (const name of ['Vladimir Putin', 'Kim Jong Un', 'Sergei Shoigu', 'Sergei Naryshkin']) assert.ok(names.includes(name), `${name} in ${names}`);
  assert.match(a.text, /Putin will/);
  assert.doesNotMatch(a.text, /Putinwill|Shoigureceived/);
  for (const d of a.dates) {
    assert.equal(typeof d.text, 'string');
    assert.match(d.start, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(['day', 'month', 'year'].includes(d.precision));
  }
});

test('analyze of several files prints an array and stores nothing', async () => {
  const cwd = tempDir();
  const r = await runMain(['analyze', SEEDS_DIR], { STORYLINE_DB: join(cwd, 'never.db') });
  assert.equal(r.code, 0, r.stderr);
  const all = JSON.parse(r.stdout);
  assert.equal(all.length, 5);
  assert.deepEqual(all.map((a: { language: string }) => a.language).sort(), ['en', 'en', 'en', 'en', 'vi']);
});

test('bad input: empty, binary, enormous and unreadable text each get a clear outcome naming the file', async () => {
  const dir = tempDir();
  const cases: Array<{ name: string; content: string | Buffer; reason: RegExp }> = [
    { name: 'empty.txt', content: '', reason: /file is empty/ },
    { name: 'binary.txt', content: Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)), reason: /binary data, not text/ },
    { name: 'huge.txt', content: 'Putin visited Pyongyang on Tuesday and met Kim Jong Un there. '.repeat(170_000), reason: /over the limit of 2\.0 million characters/ },
  ];
  for (const c of cases) {
    const file = join(dir, c.name);
    writeFileSync(file, c.content);
    const r = await runMain(['analyze', file]);
    assert.equal(r.code, 1, `${c.name} exits 1`);
    assert.ok(r.stderr.includes(file), `${c.name}: message names the file: ${r.stderr}`);
    assert.match(r.stderr, c.reason);
  }
  const unknown = join(dir, 'unknown.txt');
  writeFileSync(unknown, `Qzxv wprt bnmk\n\n${'xqzv bnmkl prrt zzkq wvvx qqpl mnbv ttrq. '.repeat(12)}`);
  const r = await runMain(['analyze', unknown]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).language, 'und');
});
