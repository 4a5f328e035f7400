import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../domain/index.js';
import { tempDir } from '../../test/helpers/cli.js';
import { decodeText, listInputFiles, parseJsonlLine, readInputFile, type IngestItem } from './index.js';

test('decodeText refuses binary data and strips a UTF-8 BOM', () => {
  assert.deepEqual(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), { ok: false, reason: 'binary data, not text' });
  const bom = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]));
  assert.ok(bom.ok && bom.text === 'hi');
  const latin1 = decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
  assert.ok(latin1.ok && latin1.text === 'café' && latin1.encoding === 'windows-1252');
});

test('parseJsonlLine validates the documented article shape', () => {
  const doc = parseJsonlLine('{"id": 7, "title": "T", "text": "Body text", "published": "2024-06-18", "language": "en"}', 'a.jsonl:1');
  assert.ok(!(doc instanceof InputError));
  assert.equal(doc.format, 'text');
  assert.deepEqual(doc.hints, { id: '7', title: 'T', published: '2024-06-18', language: 'en' });
  const html = parseJsonlLine('{"html": "<p>x</p>"}', 'a.jsonl:2');
  assert.ok(!(html instanceof InputError) && html.format === 'html');
  const broken = parseJsonlLine('{"text": ', 'a.jsonl:3');
  assert.ok(broken instanceof InputError && broken.message.startsWith('a.jsonl:3: invalid JSON'));
  const empty = parseJsonlLine('{"title": "no body"}', 'a.jsonl:4');
  assert.ok(empty instanceof InputError && /"text" or "html"/.test(empty.reason));
  const wrongType = parseJsonlLine('{"text": 5}', 'a.jsonl:5');
  assert.ok(wrongType instanceof InputError && /field "text"/.test(wrongType.reason));
});

test('listInputFiles walks directories recursively, in order, skipping unsupported and hidden files', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'b', 'c'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), 'x');
  writeFileSync(join(dir, 'README.md'), 'x');
  writeFileSync(join(dir, '.hidden.txt'), 'x');
  writeFileSync(join(dir, 'b', 'c', 'd.html'), 'x');
  writeFileSync(join(dir, 'b', 'e.jsonl'), 'x');
  const listed = await listInputFiles([dir, join(dir, 'missing.txt'), join(dir, 'README.md')]);
  const files = listed.filter((l): l is { file: string } => 'file' in l).map((l) => l.file.slice(dir.length + 1));
  assert.deepEqual(files, ['a.txt', 'b/c/d.html', 'b/e.jsonl']);
  const errors = listed.filter((l): l is { error: InputError } => 'error' in l).map((l) => l.error.reason);
  assert.deepEqual(errors, ['no such file or directory', 'unsupported file type (expected .txt, .html, .htm, .jsonl, .warc or .warc.gz)']);
});

test('readInputFile names the file and the reason for empty, binary and unreadable input', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'empty.txt'), '  \n');
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0, 1, 2, 3, 255, 0]));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  const reasons = async (name: string) => (await readAll(join(dir, name))).map((r) => (r.kind === 'error' ? `${r.error.origin}: ${r.error.reason}` : r.kind));
  assert.deepEqual(await reasons('empty.txt'), [`${join(dir, 'empty.txt')}: file is empty`]);
  assert.deepEqual(await reasons('binary.html'), [`${join(dir, 'binary.html')}: binary data, not text`]);
  assert.deepEqual(await reasons('dangling.txt'), [`${join(dir, 'dangling.txt')}: no such file or directory`]);
});

test('a JSONL file yields one item per non-empty line, errors per line', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.jsonl'), '{"text": "one two three four five"}\n\nnot json\n{"text": "six seven"}\n');
  const items = await readAll(join(dir, 'a.jsonl'));
  assert.deepEqual(
    items.map((i) => (i.kind === 'doc' ? i.doc.origin.slice(dir.length + 1) : i.kind === 'error' ? i.error.origin.slice(dir.length + 1) : i.origin)),
    ['a.jsonl:1', 'a.jsonl:3', 'a.jsonl:4'],
  );
  assert.equal(items.filter((i) => i.kind === 'error').length, 1);
});

test('decodeText follows the declared charset, else detects it', () => {
  const cyrillic = 'Президент России Владимир Путин прибыл в Пхеньян с государственным визитом.';
  const cp1251 = encodeLegacy(cyrillic, 'windows-1251');
  const declared = decodeText(cp1251, { html: true, ...{} });
  assert.ok(declared.ok);
  const withMeta = decodeText(Buffer.concat([Buffer.from('<meta charset="windows-1251">'), cp1251]), { html: true });
  assert.ok(withMeta.ok && withMeta.encoding === 'windows-1251' && withMeta.text.endsWith(cyrillic));
  const sniffed = decodeText(cp1251);
  assert.ok(sniffed.ok && sniffed.text === cyrillic, `detected ${sniffed.ok ? sniffed.encoding : ''}`);
  // A page declaring a legacy charset while sending UTF-8 is read as UTF-8.
  const lying = decodeText(Buffer.from(`<meta charset="iso-8859-1">${cyrillic}`), { html: true });
  assert.ok(lying.ok && lying.encoding === 'utf-8');
});

async function readAll(file: string): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputFile(file)) items.push(item);
  return items;
}

/** Encodes with a single-byte legacy table built from TextDecoder (Node has no legacy encoders). */
function encodeLegacy(text: string, label: string): Buffer {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}
