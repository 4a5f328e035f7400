// The JSONL reader: dataset field names, precedence, one warning per file, per-line limits, and the
// line splitter under arbitrary chunk boundaries.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../domain/index.js';
import { tempDir } from '../../test/helpers/cli.js';
import { readInputFile, readJsonlLine, splitLines, type IngestItem } from './index.js';

const TEXT = 'The port authority reopened the harbour on Tuesday after a storm kept all vessels in dock.';

async function readAll(file: string): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputFile(file)) items.push(item);
  return items;
}

test('dataset field names are read as the article fields (news-please, CC-News, GDELT-style)', () => {
  const newsPlease = readJsonlLine(JSON.stringify({ maintext: TEXT, title: 'Harbour reopens', date_publish: '2024-06-18 09:30:00', language: 'en', source_domain: 'port.example', url: 'https://port.example/a' }), 'n.jsonl:1');
  assert.ok(!(newsPlease instanceof InputError));
  assert.equal(newsPlease.doc.body, TEXT);
  assert.equal(newsPlease.doc.url, 'https://port.example/a');
  assert.deepEqual(newsPlease.doc.hints, { title: 'Harbour reopens', published: '2024-06-18 09:30:00', language: 'en', source: 'port.example' });
  const ccNews = readJsonlLine(JSON.stringify({ text: TEXT, date: '2024-06-18', lang: 'en', domain: 'port.example' }), 'c.jsonl:1');
  assert.ok(!(ccNews instanceof InputError));
  assert.deepEqual(ccNews.doc.hints, { published: '2024-06-18', language: 'en', source: 'port.example' });
  const gdelt = readJsonlLine(JSON.stringify({ headline: 'Harbour reopens', body: TEXT }), 'g.jsonl:1');
  assert.ok(!(gdelt instanceof InputError));
  assert.equal(gdelt.doc.hints.title, 'Harbour reopens');
  assert.equal(gdelt.doc.body, TEXT);
});

test('the canonical name wins over an alias, and the first alias with a value over later ones', () => {
  const read = readJsonlLine(JSON.stringify({ date: '2020-01-01', published: '2024-06-18', body: 'other words', text: TEXT, lang: 'de', language: 'en', date_publish: null }), 'p.jsonl:1');
  assert.ok(!(read instanceof InputError));
  assert.equal(read.doc.body, TEXT);
  assert.equal(read.doc.hints.published, '2024-06-18');
  assert.equal(read.doc.hints.language, 'en');
  // The aliases that lost are reported unused; the null field carries nothing and is not.
  assert.deepEqual(read.unusedFields, ['date', 'body', 'lang']);
  const order = readJsonlLine(JSON.stringify({ date: '2020-01-01', date_publish: '2024-06-18', maintext: TEXT }), 'p.jsonl:2');
  assert.ok(!(order instanceof InputError));
  assert.equal(order.doc.hints.published, '2024-06-18');
  // An alias whose value cannot serve (a schema.org publisher object) does not hide the next one.
  const publisher = readJsonlLine(JSON.stringify({ text: TEXT, publisher: { name: 'Port Post' }, site_name: 'Port Post' }), 'p.jsonl:3');
  assert.ok(!(publisher instanceof InputError));
  assert.equal(publisher.doc.hints.source, 'Port Post');
  assert.deepEqual(publisher.unusedFields, ['publisher']);
});

test('a wrong type is reported under the name the input used', () => {
  const wrong = readJsonlLine(JSON.stringify({ text: TEXT, title: 5 }), 'w.jsonl:1');
  assert.ok(wrong instanceof InputError && /field "title"/.test(wrong.reason), String(wrong));
  const none = readJsonlLine(JSON.stringify({ headline: 'Only a headline' }), 'w.jsonl:2');
  assert.ok(none instanceof InputError && /"text" or "html"/.test(none.reason));
  const array = readJsonlLine('[1, 2]', 'w.jsonl:3');
  assert.ok(array instanceof InputError && /expected a JSON object/.test(array.reason));
});

test('fields not used are reported once per file, listing their names', async () => {
  const dir = tempDir();
  const file = join(dir, 'dump.jsonl');
  const lines = [0, 1, 2].map((i) => JSON.stringify({ maintext: `${TEXT} ${i}`, date_publish: '2024-06-18', authors: ['A. Reporter'], description: 'A summary', ...(i === 2 ? { image_url: 'https://x.example/i.jpg' } : {}) }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  const items = await readAll(file);
  assert.equal(items.filter((i) => i.kind === 'doc').length, 3);
  const warnings = items.filter((i) => i.kind === 'warning');
  assert.deepEqual(warnings, [{ kind: 'warning', origin: file, message: 'fields not used: authors, description, image_url' }]);
});

test('a bad JSON line and a line over the limit are errors naming file:line; the lines around them are read', async () => {
  const dir = tempDir();
  const file = join(dir, 'mixed.jsonl');
  const limitPlusOne = 32 * 1024 * 1024 + 1;
  const huge = JSON.stringify({ text: 'x'.repeat(limitPlusOne) });
  writeFileSync(file, [JSON.stringify({ text: TEXT }), '{"text": "broken', huge, JSON.stringify({ text: `${TEXT} Again.` })].join('\r\n'));
  const items = await readAll(file);
  const described = items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.origin}` : i.kind === 'error' ? `error ${i.error.origin}: ${i.error.reason}` : 'warning'));
  assert.equal(described.length, 4);
  assert.equal(described[0], `doc ${file}:1`);
  assert.match(described[1]!, new RegExp(`^error ${file}:2: invalid JSON`));
  assert.match(described[2]!, new RegExp(`^error ${file}:3: line is ${huge.length + 1} bytes, over the 33554432-byte limit for one article$`));
  assert.equal(described[3], `doc ${file}:4`);
  const last = items[3]!;
  assert.ok(last.kind === 'doc' && last.doc.body === `${TEXT} Again.`, 'a CR before the newline is not part of the line');
});

/** Random bytes cut at random places: the lines are those of a plain split, whatever the cuts. */
test('property: splitLines gives the same lines for any chunk boundaries', async () => {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 300; round++) {
    const parts: string[] = [];
    const n = Math.floor(random() * 12);
    for (let i = 0; i < n; i++) parts.push(random() < 0.2 ? '' : 'aé漢\r x'.slice(0, Math.floor(random() * 7)).repeat(1 + Math.floor(random() * 5)));
    const text = parts.join('\n') + (random() < 0.5 ? '\n' : '');
    const bytes = Buffer.from(text);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; ) {
      const size = 1 + Math.floor(random() * 9);
      chunks.push(bytes.subarray(at, at + size));
      at += size;
    }
    const limit = 1 + Math.floor(random() * 30);
    const got: string[] = [];
    for await (const line of splitLines(toAsync(chunks), limit)) got.push('tooLong' in line ? `#${line.number} over ${line.byteLength}` : `#${line.number} ${line.bytes.toString('utf8')}`);
    const expected: string[] = [];
    const split = text.split('\n');
    if (split.at(-1) === '') split.pop();
    split.forEach((line, i) => {
      const size = Buffer.byteLength(line);
      if (size > limit) expected.push(`#${i + 1} over ${size}`);
      else expected.push(`#${i + 1} ${line}`);
    });
    assert.deepEqual(got, expected, `round ${round}: ${JSON.stringify(text)} in ${chunks.length} chunks, limit ${limit}`);
  }
});

async function* toAsync(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}
