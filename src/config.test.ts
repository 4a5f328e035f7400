// Settings: a flag beats the environment, which beats the default; a malformed value names its variable.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { describeSettings, resolveSetting, setting, SETTINGS } from './config.js';
import { UsageError } from './domain/index.js';
import { readInputFile } from './ingest/index.js';

const saved = { ...process.env };
afterEach(() => {
  for (const spec of Object.values(SETTINGS)) {
    if (saved[spec.env] === undefined) delete process.env[spec.env];
    else process.env[spec.env] = saved[spec.env];
  }
});

test('flag, then environment, then default', () => {
  delete process.env.STORYLINE_PORT;
  assert.deepEqual(resolveSetting('port'), { value: 8080, source: 'default' });
  process.env.STORYLINE_PORT = '9090';
  assert.deepEqual(resolveSetting('port'), { value: 9090, source: 'env' });
  assert.deepEqual(resolveSetting('port', 0), { value: 0, source: 'flag' });
  process.env.STORYLINE_DB = '';
  assert.equal(setting('db'), './storyline.db', 'an empty variable is unset');
});

test('a malformed environment value is a usage error naming the variable', () => {
  for (const [env, raw] of [['STORYLINE_PORT', '70000'], ['STORYLINE_PORT', 'eighty'], ['STORYLINE_MAX_BODY_BYTES', '0'], ['STORYLINE_MAX_HTML_BYTES', '-5'], ['STORYLINE_PUBLIC_URL', 'ftp://news.example.org'], ['STORYLINE_PUBLIC_URL', 'https://news.example.org/?a=1'], ['STORYLINE_ALLOWED_HOSTS', 'a.example, b c']] as const) {
    process.env[env] = raw;
    assert.throws(() => describeSettings(), (err: unknown) => err instanceof UsageError && err.message.includes(`$${env}`) && err.message.includes(raw));
    delete process.env[env];
  }
});

test('the public URL loses its trailing slash; allowed hosts are a comma-separated list', () => {
  process.env.STORYLINE_PUBLIC_URL = 'https://news.example.org/storyline/';
  assert.equal(setting('publicUrl'), 'https://news.example.org/storyline');
  process.env.STORYLINE_ALLOWED_HOSTS = 'intranet.local, 10.0.0.5:8080,';
  assert.deepEqual(setting('allowedHosts'), ['intranet.local', '10.0.0.5:8080']);
});

test('secrets are shown only as set or not', () => {
  process.env.STORYLINE_TOKEN = 'hunter2';
  const token = describeSettings().find((s) => s.name === 'token')!;
  assert.equal(token.value, '(set)');
  assert.equal(token.source, 'env');
  assert.ok(!JSON.stringify(describeSettings()).includes('hunter2'));
});

test('the reader takes its per-article limit from the setting', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'storyline-config-')), 'a.jsonl');
  const text = 'A sentence of an article that is long enough to be read as one. '.repeat(4);
  writeFileSync(file, `${JSON.stringify({ title: 'A title', text })}\n`);
  process.env.STORYLINE_MAX_JSONL_LINE_BYTES = '100';
  const kinds: string[] = [];
  for await (const item of readInputFile(file)) kinds.push(item.kind === 'error' ? `error: ${item.error.reason}` : item.kind);
  assert.equal(kinds.length, 1);
  assert.match(kinds[0]!, /^error: line is \d+ bytes, over the 100-byte limit/);
  delete process.env.STORYLINE_MAX_JSONL_LINE_BYTES;
  const read = [];
  for await (const item of readInputFile(file)) read.push(item.kind);
  assert.deepEqual(read, ['doc']);
});
