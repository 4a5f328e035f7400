// UTF-16 and UTF-32 told from their zero bytes, with or without a byte order mark; binary stays binary.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createUnicodeDecoder, decodeText, sniffUnicodeEncoding } from './decode.js';

const TEXT = 'Storm closes the harbour: 12 ships wait. Шторм закрыл порт. 暴风雨关闭了港口。 🌊';

function utf32(text: string, littleEndian: boolean): Buffer {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((cp, i) => (littleEndian ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
}

test('UTF-16 and UTF-32 in either byte order are told without a BOM, and decoded', () => {
  const forms: Array<[string, Buffer]> = [
    ['utf-16le', Buffer.from(TEXT, 'utf16le')],
    ['utf-16be', Buffer.from(TEXT, 'utf16le').swap16()],
    ['utf-32le', utf32(TEXT, true)],
    ['utf-32be', utf32(TEXT, false)],
  ];
  for (const [encoding, bytes] of forms) {
    assert.equal(sniffUnicodeEncoding(bytes), encoding);
    assert.deepEqual(decodeText(bytes), { ok: true, text: TEXT, encoding });
  }
});

test('byte order marks: UTF-32LE is told apart from UTF-16LE, and the mark is dropped', () => {
  const bom32 = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(TEXT, true)]);
  assert.deepEqual(decodeText(bom32), { ok: true, text: TEXT, encoding: 'utf-32le' });
  const bom16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]);
  assert.deepEqual(decodeText(bom16), { ok: true, text: TEXT, encoding: 'utf-16be' });
  const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
  assert.deepEqual(decodeText(bom8), { ok: true, text: TEXT, encoding: 'utf-8' });
});

test('zeros that do not fall like UTF-16 or UTF-32 text leave binary data binary', () => {
  // A stray NUL in 8-bit text; a table of small 16-bit numbers (controls once decoded); zeros at both parities.
  const strayNul = Buffer.from(`${'The harbour reopened on Tuesday. '.repeat(20)}\0${'More words follow here. '.repeat(20)}`);
  const numbers = Buffer.alloc(2000);
  for (let i = 0; i < 1000; i++) numbers.writeUInt16LE(i % 17, i * 2);
  const mixed = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? 0 : 65 + (i % 26))));
  for (const bytes of [strayNul, numbers, mixed]) {
    assert.equal(sniffUnicodeEncoding(bytes), null);
    assert.deepEqual(decodeText(bytes), { ok: false, reason: 'binary data, not text' });
  }
});

test('the stream decoder joins characters split across chunks; a UTF-32 unit past U+10FFFF is U+FFFD', () => {
  const bytes = Buffer.concat([utf32(TEXT, false), Buffer.from([0x00, 0x11, 0x00, 0x00])]);
  const decoder = createUnicodeDecoder('utf-32be');
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) text += decoder.write(bytes.subarray(i, i + 3));
  text += decoder.end();
  assert.equal(text, `${TEXT}\ufffd`);
  const utf16 = createUnicodeDecoder('utf-16le');
  const le = Buffer.from(TEXT, 'utf16le');
  assert.equal(utf16.write(le.subarray(0, 7)) + utf16.write(le.subarray(7)) + utf16.end(), TEXT);
});
