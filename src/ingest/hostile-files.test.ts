// Hostile and odd inputs, each generated here: what is not a regular file (FIFO, socket, device, links
// to them), sizes that lie, UTF-16/32 without a byte order mark, file names that are not UTF-8, random
// bytes, hostile language hints and dates outside the usual years. Each is refused by name with its
// reason, or read correctly; none may hang.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, runMain, tempDb, tempDir } from '../../test/helpers/cli.js';
import { extractArticle } from '../extract/index.js';
import { listInputFiles, readInputFile, type IngestItem, type ListedFile } from './index.js';

const QUICK = { timeout: 10_000 };
const ARTICLE = 'The port authority reopened the harbour on Tuesday after a storm kept all vessels in dock for three days.';

async function readAll(input: string | ListedFile): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputFile(input)) items.push(item);
  return items;
}

/** Each item as `kind` or `origin: reason`, the directory prefix cut. */
async function outcomes(dir: string, input: string | ListedFile): Promise<string[]> {
  return (await readAll(input)).map((i) => (i.kind === 'error' ? `${i.error.origin.slice(dir.length + 1)}: ${i.error.reason}` : i.kind));
}

/** Random bytes of the upper half (0x80-0xff): no NUL, no ASCII, so no binary check catches them. */
function highBytes(n: number): Buffer {
  return Buffer.from(randomBytes(n).map((b) => 0x80 | b));
}

/** A path of raw bytes under `dir`; `name` in latin1, so that '\xff' is the byte 0xff. */
function bytePath(dir: string, name: string): Buffer {
  return Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name, 'latin1')]);
}

test('a FIFO, a socket, a device and symbolic links to them are refused by name, never read', QUICK, async (t) => {
  const dir = tempDir();
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  symlinkSync(join(dir, 'pipe.txt'), join(dir, 'to-pipe.jsonl'));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(join(dir, 'socket.html'), resolve));
  t.after(() => server.close());

  assert.deepEqual(await outcomes(dir, join(dir, 'pipe.txt')), ['pipe.txt: not a regular file (a FIFO)']);
  assert.deepEqual(await outcomes(dir, join(dir, 'zero.txt')), ['zero.txt: not a regular file (a symbolic link to a character device)']);
  assert.deepEqual(await outcomes(dir, join(dir, 'to-pipe.jsonl')), ['to-pipe.jsonl: not a regular file (a symbolic link to a FIFO)']);
  assert.deepEqual(await outcomes(dir, join(dir, 'socket.html')), ['socket.html: not a regular file (a socket)']);

  // Listed by name: refused at listing, whatever the extension.
  const listed = await listInputFiles([join(dir, 'pipe.txt'), join(dir, 'zero.txt'), '/dev/null']);
  assert.deepEqual(
    listed.map((l) => ('error' in l ? `${l.error.origin}: ${l.error.reason}` : l.file)),
    [`${join(dir, 'pipe.txt')}: not a regular file (a FIFO)`, `${join(dir, 'zero.txt')}: not a regular file (a symbolic link to a character device)`, '/dev/null: not a regular file (a character device)'],
  );
});

test('a directory walk reads its regular files, refuses its FIFOs and sockets by name and skips links', QUICK, async (t) => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a-article.txt'), ARTICLE);
  execFileSync('mkfifo', [join(dir, 'b-pipe.txt')]);
  execFileSync('mkfifo', [join(dir, 'c-pipe-unsupported')]);
  symlinkSync('/dev/zero', join(dir, 'd-zero.txt'));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(join(dir, 'e-socket.jsonl'), resolve));
  t.after(() => server.close());
  const listed = await listInputFiles([dir]);
  assert.deepEqual(
    listed.map((l) => ('error' in l ? `${l.error.origin.slice(dir.length + 1)}: ${l.error.reason}` : l.file.slice(dir.length + 1))),
    ['a-article.txt', 'b-pipe.txt: not a regular file (a FIFO)', 'e-socket.jsonl: not a regular file (a socket)'],
  );
  // The whole command, in process: the one article is stored, the two refusals named, nothing hangs.
  const r = await runMain(['ingest', dir, '--db', tempDb()]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.trim(), 'added 1, skipped 0 already stored, failed 2');
  assert.match(r.stderr, /b-pipe\.txt: not a regular file \(a FIFO\)/);
  assert.match(r.stderr, /e-socket\.jsonl: not a regular file \(a socket\)/);
});

test('the size limits count the bytes read, not the size a file reports', { ...QUICK, skip: !existsSync('/proc/self/status') && 'needs /proc' }, async (t) => {
  const dir = tempDir();
  // A /proc file is a regular file that reports 0 bytes and holds more than a kilobyte.
  symlinkSync('/proc/self/status', join(dir, 'status.txt'));
  symlinkSync('/proc/self/status', join(dir, 'status.html'));
  process.env.STORYLINE_MAX_TEXT_FILE_BYTES = '200';
  process.env.STORYLINE_MAX_HTML_BYTES = '300';
  t.after(() => {
    delete process.env.STORYLINE_MAX_TEXT_FILE_BYTES;
    delete process.env.STORYLINE_MAX_HTML_BYTES;
  });
  assert.deepEqual(await outcomes(dir, join(dir, 'status.txt')), ['status.txt: file is over the 200-byte limit (more than the 0 bytes it reports could be read)']);
  const [html, ...more] = await readAll(join(dir, 'status.html'));
  assert.equal(more.length, 0);
  assert.ok(html?.kind === 'doc');
  assert.deepEqual(html.doc.warnings, ['page is over 300 bytes: only the first 300 were read']);
  assert.ok(html.doc.body.length <= 300);
  // A file that reports its size is refused before it is read, as before.
  writeFileSync(join(dir, 'big.txt'), 'word '.repeat(100));
  assert.deepEqual(await outcomes(dir, join(dir, 'big.txt')), ['big.txt: file is 500 bytes, over the 200-byte limit']);
});

test('UTF-16 and UTF-32 text without a byte order mark is read, in .txt and in JSONL', QUICK, async () => {
  const dir = tempDir();
  const texts = {
    en: ARTICLE,
    ru: 'Президент России прибыл в Пхеньян с государственным визитом и провёл переговоры.',
    zh: '四川省宜宾市今日凌晨发生里氏5.2级地震，暂无人员伤亡报告。\n当地政府已启动应急预案。',
  };
  for (const [lang, text] of Object.entries(texts)) {
    const forms: Record<string, Buffer> = {
      'utf16le': Buffer.from(text, 'utf16le'),
      'utf16be': Buffer.from(text, 'utf16le').swap16(),
      'utf32le': utf32(text, true),
      'utf32be': utf32(text, false),
    };
    for (const [form, bytes] of Object.entries(forms)) {
      const file = join(dir, `${lang}-${form}.txt`);
      writeFileSync(file, bytes);
      const [item, ...more] = await readAll(file);
      assert.equal(more.length, 0, `${lang} ${form}`);
      assert.ok(item?.kind === 'doc', `${lang} ${form}: ${JSON.stringify(item)}`);
      assert.equal(item.doc.body, text, `${lang} ${form}`);
    }
  }
  // JSONL written by a tool that saves UTF-16 (with and without a BOM) or UTF-32.
  const lines = `${JSON.stringify({ title: 'Harbour reopens', text: ARTICLE })}\n${JSON.stringify({ text: texts.ru, lang: 'ru' })}\n`;
  const jsonl: Record<string, Buffer> = {
    'bom-utf16le': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, 'utf16le')]),
    utf16le: Buffer.from(lines, 'utf16le'),
    utf16be: Buffer.from(lines, 'utf16le').swap16(),
    utf32le: utf32(lines, true),
  };
  for (const [form, bytes] of Object.entries(jsonl)) {
    const file = join(dir, `${form}.jsonl`);
    writeFileSync(file, bytes);
    const docs = (await readAll(file)).map((i) => (i.kind === 'doc' ? i.doc.body : `${i.kind}: ${JSON.stringify(i)}`));
    assert.deepEqual(docs, [ARTICLE, texts.ru], form);
  }
  // Binary data stays binary.
  writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...randomBytes(200)]));
  assert.deepEqual(await outcomes(dir, join(dir, 'image.txt')), ['image.txt: binary data, not text']);
});

test('file names that are not UTF-8 are read, given as an argument or found in a walk, and shown escaped', QUICK, async () => {
  const dir = tempDir();
  writeFileSync(bytePath(dir, 'bad\xffname.jsonl'), `${JSON.stringify({ text: ARTICLE })}\n`);
  mkdirSync(bytePath(dir, 'sub\xe9dir'));
  writeFileSync(bytePath(dir, 'sub\xe9dir/caf\xe9.txt'), ARTICLE.replace('Tuesday', 'Wednesday'));
  writeFileSync(bytePath(dir, 'sub\xe9dir/empty\xfe.txt'), ' \n');
  writeFileSync(bytePath(dir, 'twin\xfe.txt'), ARTICLE);
  writeFileSync(bytePath(dir, 'twin\xff.txt'), ARTICLE);

  // Node hands such an argument over decoded, each bad byte as U+FFFD: the file is found again.
  const asArgument = bytePath(dir, 'bad\xffname.jsonl').toString('utf8');
  assert.ok(asArgument.includes('\ufffd'));
  const [item, ...more] = await readAll(asArgument);
  assert.equal(more.length, 0);
  assert.ok(item?.kind === 'doc');
  assert.equal(item.doc.origin, `${dir}/bad\\xffname.jsonl:1`);
  assert.equal(item.doc.body, ARTICLE);

  // Two names that decode alike: refused, naming both.
  assert.deepEqual(await outcomes(dir, bytePath(dir, 'twin\xff.txt').toString('utf8')), [
    'twin\ufffd.txt: the name is not valid UTF-8 and 2 files match it: twin\\xfe.txt, twin\\xff.txt',
  ]);

  // A walk finds them as bytes, reads them and shows the bad bytes escaped.
  const listed = await listInputFiles([dir]);
  const shown = listed.map((l) => ('error' in l ? l.error.reason : l.file.slice(dir.length + 1)));
  assert.deepEqual(shown, ['bad\\xffname.jsonl', 'sub\\xe9dir/caf\\xe9.txt', 'sub\\xe9dir/empty\\xfe.txt', 'twin\\xfe.txt', 'twin\\xff.txt']);
  const read: string[] = [];
  for (const item of listed) {
    assert.ok(!('error' in item));
    for (const r of await readAll(item)) read.push(r.kind === 'doc' ? `doc ${r.doc.origin.slice(dir.length + 1)}` : r.kind === 'error' ? `${r.error.origin.slice(dir.length + 1)}: ${r.error.reason}` : r.kind);
  }
  assert.deepEqual(read, ['doc bad\\xffname.jsonl:1', 'doc sub\\xe9dir/caf\\xe9.txt', 'sub\\xe9dir/empty\\xfe.txt: file is empty', 'doc twin\\xfe.txt', 'doc twin\\xff.txt']);
});

test('the binary reads a file name that is not UTF-8 from its real command line', QUICK, () => {
  const dir = tempDir();
  writeFileSync(bytePath(dir, 'bad\xffname.jsonl'), `${JSON.stringify({ text: ARTICLE, date: '1066-10-14' })}\n`);
  // The shell passes the raw bytes; Node decodes them lossily into process.argv.
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${join(REPO_ROOT, 'bin', 'storyline.mjs')}" analyze "$(printf 'bad\\377name.jsonl')"`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const article = JSON.parse(r.stdout);
  assert.equal(article.origin, 'bad\\xffname.jsonl:1');
  assert.equal(article.published, '1066-10-14');
});

test('random high bytes are refused as not text, in a .txt, an .html page and a JSONL text field', QUICK, async () => {
  const dir = tempDir();
  for (const size of [3000, 20_000]) {
    writeFileSync(join(dir, `junk-${size}.txt`), highBytes(size));
    writeFileSync(join(dir, `junk-${size}.html`), Buffer.concat([Buffer.from('<html><body><article><p>'), highBytes(size), Buffer.from('</p></article></body></html>')]));
  }
  // Such bytes as a legacy charset decodes them (Cyrillic letters), parted by spaces, in a JSON string.
  const cyrillic = new TextDecoder('windows-1251').decode(highBytes(3000)).replace(/(.{7})/gu, '$1 ');
  writeFileSync(join(dir, 'junk.jsonl'), `${JSON.stringify({ text: cyrillic })}\n`);
  const r = await runMain(['analyze', dir]);
  assert.equal(r.code, 1);
  for (const name of ['junk-3000.txt', 'junk-20000.txt', 'junk-3000.html', 'junk-20000.html', 'junk.jsonl:1']) {
    assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}: not text: .*no words of any language`), `${name}: ${r.stderr}`);
  }
  assert.doesNotMatch(r.stdout, /"origin"/, 'no article is printed');
});

test('a language hint must be a BCP 47 tag; it is stored in canonical form', async () => {
  const dir = tempDir();
  const file = join(dir, 'lang.jsonl');
  const lines = [
    { text: ARTICLE, lang: 'en"><script>' },
    { text: ARTICLE, language: 'EN-us' },
    { text: ARTICLE, language: 'pt_BR' },
    { text: ARTICLE, language: 'x'.repeat(200) },
  ];
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  const items = await readAll(file);
  assert.deepEqual(
    items.map((i) => (i.kind === 'doc' ? i.doc.hints.language : i.kind === 'error' ? i.error.reason : i.kind)),
    [
      'invalid article (field "lang": "en\\"><script>" is not a BCP 47 language tag (such as "en" or "pt-BR"))',
      'en-US',
      'pt-BR',
      `invalid article (field "language": "${'x'.repeat(40)}…" is not a BCP 47 language tag (such as "en" or "pt-BR"))`,
    ],
  );
});

test('any full ISO 8601 date in a JSONL date field is the article\'s stated date', async () => {
  const dir = tempDir();
  const file = join(dir, 'dates.jsonl');
  const stated: Array<[Record<string, string>, string]> = [
    [{ date: '1066-10-14' }, '1066-10-14'],
    [{ published: '2999-01-01' }, '2999-01-01'],
    [{ published: '1066-10-14T09:00:00+01:00' }, '1066-10-14'],
    [{ date: '0800-12-25T12:00Z' }, '0800-12-25'],
    [{ published: '20240618T131200-0500' }, '2024-06-18'],
    [{ published: '2024-W25-2' }, '2024-06-18'],
    [{ published: '2024-170' }, '2024-06-18'],
  ];
  writeFileSync(file, `${stated.map(([fields]) => JSON.stringify({ text: ARTICLE, ...fields })).join('\n')}\n${JSON.stringify({ text: ARTICLE, date: '2024-02-30' })}\n`);
  const items = await readAll(file);
  const docs = items.filter((i) => i.kind === 'doc').map((i) => (i.kind === 'doc' ? i.doc : null)!);
  assert.equal(docs.length, stated.length + 1);
  stated.forEach(([, expected], i) => {
    const article = extractArticle(docs[i]!);
    assert.equal(article.published?.start, expected, JSON.stringify(stated[i]));
    assert.equal(article.publishedSource, 'supplied');
  });
  // A day that does not exist is still refused.
  assert.throws(() => extractArticle(docs[stated.length]!), /cannot read "published" date "2024-02-30" \(expected ISO 8601/);
});

function utf32(text: string, littleEndian: boolean): Buffer {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((cp, i) => (littleEndian ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
}
