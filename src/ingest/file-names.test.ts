import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../test/helpers/cli.js';
import { childPath, displayName, resolveLossyPath } from './file-names.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');

test('a name that is UTF-8 is shown as it is; other bytes are escaped, and so is the backslash beside them', () => {
  assert.equal(displayName('plain.txt'), 'plain.txt');
  assert.equal(displayName(Buffer.from('café.txt')), 'café.txt');
  assert.equal(displayName(bytes('bad\xffname.jsonl')), 'bad\\xffname.jsonl');
  assert.equal(displayName(Buffer.concat([Buffer.from('é'), bytes('\xe9\\\xc3(')])), 'é\\xe9\\\\\\xc3(');
  // Overlong forms and surrogates are not UTF-8 either.
  assert.equal(displayName(bytes('a\xc0\xafb\xed\xa0\x80')), 'a\\xc0\\xafb\\xed\\xa0\\x80');
});

test('a child path stays a string while its names are UTF-8', () => {
  assert.equal(childPath('/tmp/x', Buffer.from('a.txt')), '/tmp/x/a.txt');
  assert.deepEqual(childPath('/tmp/x', bytes('\xff.txt')), bytes('/tmp/x/\xff.txt'));
  assert.deepEqual(childPath(bytes('/tmp/\xff'), Buffer.from('a.txt')), bytes('/tmp/\xff/a.txt'));
});

test('a path decoded with U+FFFD is found again among the names its directories hold as bytes', async () => {
  const dir = tempDir();
  const under = (name: string) => Buffer.concat([Buffer.from(`${dir}/`), bytes(name)]);
  mkdirSync(under('d\xe9j\xe0'));
  writeFileSync(under('d\xe9j\xe0/n\xf8.txt'), 'x');
  writeFileSync(under('two\xfe'), 'x');
  writeFileSync(under('two\xff'), 'x');
  const lossy = (name: string) => under(name).toString('utf8');
  assert.deepEqual(await resolveLossyPath(lossy('d\xe9j\xe0/n\xf8.txt')), { path: under('d\xe9j\xe0/n\xf8.txt'), shown: `${dir}/d\\xe9j\\xe0/n\\xf8.txt` });
  assert.deepEqual(await resolveLossyPath(lossy('two\xff')), { ambiguous: ['two\\xfe', 'two\\xff'] });
  assert.equal(await resolveLossyPath(lossy('none\xff')), null);
  assert.equal(await resolveLossyPath(join(dir, 'plain.txt')), null);
});
