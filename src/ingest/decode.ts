// Bytes -> text: BOM, then UTF-16 or UTF-32 told by the pattern of their zero bytes, then the charset
// the transport or the page declares, then UTF-8 if the bytes are valid UTF-8, then statistical
// detection. Refuses what is not text at all.
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';

export type Decoded =
  | { ok: true; text: string; encoding: string; warning?: string }
  | { ok: false; reason: string };

export interface DecodeOptions {
  /** Charset from an HTTP Content-Type header, when the bytes came over HTTP. */
  declaredCharset?: string;
  /** Look for `<meta charset>` in the first bytes. */
  html?: boolean;
}

const SAMPLE_BYTES = 8192;
const META_SNIFF_BYTES = 4096;
/** WHATWG: these labels mean windows-1252 in practice, and ICU decodes them as such. */
const LABEL_ALIASES: Record<string, string> = { 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', ascii: 'windows-1252', 'us-ascii': 'windows-1252' };

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const unicode = sniffUnicodeEncoding(bytes);
  if (unicode) {
    const decoder = createUnicodeDecoder(unicode);
    return { ok: true, text: decoder.write(bytes) + decoder.end(), encoding: unicode };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary data, not text' };
  const utf8 = isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
  const declared = options.declaredCharset ?? (options.html ? sniffMetaCharset(bytes) : undefined);
  if (declared) {
    const label = normaliseLabel(declared);
    // Pages often declare a legacy charset but are UTF-8: valid UTF-8 with non-ASCII bytes wins.
    if (utf8 !== null && (label === 'utf-8' || label === 'utf8' || hasNonAscii(bytes))) return { ok: true, text: utf8, encoding: 'utf-8' };
    const text = tryDecode(bytes, label, false);
    if (text !== null) return { ok: true, text, encoding: label };
  }
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const guess = detectCharset(bytes);
  if (guess) {
    const text = tryDecode(bytes, guess, false);
    if (text !== null) return { ok: true, text, encoding: guess };
  }
  return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', warning: 'charset unknown: decoded as windows-1252' };
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

function normaliseLabel(label: string): string {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  return LABEL_ALIASES[l] ?? l;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** `<meta charset="x">` or `<meta http-equiv="Content-Type" content="...; charset=x">` near the top. */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_SNIFF_BYTES));
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct?.[1];
}

function detectCharset(bytes: Uint8Array): string | null {
  const name = chardet.detect(bytes.subarray(0, 64 * 1024));
  if (!name) return null;
  const label = normaliseLabel(name);
  // Strict UTF-8 already failed when detection runs.
  if (label === 'utf-8') return null;
  return tryDecode(new Uint8Array([0x41]), label, false) === null ? null : label;
}

/** Heuristic: NUL bytes or many control characters in the first block mean binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / n > 0.05;
}

/** The Unicode encodings told from the bytes alone. */
export type UnicodeEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/**
 * A byte order mark, or else the pattern of zero bytes that UTF-16 and UTF-32 leave without one: text
 * in any script has characters below U+0100 (spaces, digits, line breaks; all the letters of Latin
 * text), and nearly all of it is below U+10000, so UTF-32 has a zero in two bytes of every four, and
 * UTF-16 has its zeros nearly all at one parity (the high byte). Binary data has its zeros anywhere. A candidate counts only when the
 * first block decodes to text: no control characters, lone surrogates, unassigned or private-use
 * code points beyond a trace. Null for anything else (UTF-8 without a BOM is told later).
 */
export function sniffUnicodeEncoding(bytes: Uint8Array): UnicodeEncoding | null {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  const n = Math.min(b.length, SAMPLE_BYTES) & ~3;
  if (n === 0) return null;
  const zeros = [0, 0, 0, 0];
  const wide = [true, true];
  for (let i = 0; i < n; i++) {
    if (b[i] === 0) zeros[i & 3]!++;
    // Each UTF-32 unit is at most 0x10FFFF: its top byte is zero and the next at most 0x10.
    if ((i & 3) === 3 && (b[i] !== 0 || b[i - 1]! > 0x10)) wide[0] = false;
    if ((i & 3) === 0 && (b[i] !== 0 || b[i + 1]! > 0x10)) wide[1] = false;
  }
  const sample = b.subarray(0, n);
  if (wide[0] && decodesAsText(sample, 'utf-32le')) return 'utf-32le';
  if (wide[1] && decodesAsText(sample, 'utf-32be')) return 'utf-32be';
  const odd = zeros[1]! + zeros[3]!;
  const even = zeros[0]! + zeros[2]!;
  const enough = Math.max(1, MIN_WIDE_ZERO_SHARE * (n / 2));
  // Zeros where the other parity has a third as many or fewer: a few U+xx00 characters (一 is U+4E00) put
  // zeros in the low byte of real text, but never as many as the spaces, digits and line breaks do.
  if (odd >= enough && even * 3 <= odd && decodesAsText(sample, 'utf-16le')) return 'utf-16le';
  if (even >= enough && odd * 3 <= even && decodesAsText(sample, 'utf-16be')) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM needs zero high bytes in this share of its units: spaces alone are a sixth of the
 * characters of a spaced script, and Chinese or Japanese text has its digits and line breaks; a stray NUL
 * in an 8-bit text does not make it UTF-16 (it stays binary data).
 */
const MIN_WIDE_ZERO_SHARE = 0.02;
/** At most this share of the code points of a UTF-16/32 sample may be no text (controls, unassigned...). */
const MAX_NON_TEXT_SHARE = 0.01;
const NON_TEXT = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u;
const TEXT_CONTROLS = new Set(['\t', '\n', '\r', '\f', '\x1b']);

function decodesAsText(sample: Uint8Array, encoding: UnicodeEncoding): boolean {
  const decoder = createUnicodeDecoder(encoding);
  // A sample may end inside a character: what is held back is not counted.
  const text = decoder.write(sample);
  let points = 0;
  let bad = 0;
  for (const ch of text) {
    points++;
    if (NON_TEXT.test(ch) && !TEXT_CONTROLS.has(ch)) bad++;
  }
  return points > 0 && bad <= MAX_NON_TEXT_SHARE * points;
}

/** Decodes chunk by chunk (a character may span two chunks); a byte order mark at the start is dropped. */
export interface UnicodeDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

export function createUnicodeDecoder(encoding: UnicodeEncoding): UnicodeDecoder {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return utf32Decoder(encoding === 'utf-32le');
  // TextDecoder drops a leading BOM unless told not to.
  const decoder = new TextDecoder(encoding);
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

/** TextDecoder has no UTF-32: each 4-byte unit is a code point, those past U+10FFFF or surrogates U+FFFD. */
function utf32Decoder(littleEndian: boolean): UnicodeDecoder {
  let held = new Uint8Array(0);
  let first = true;
  const decode = (bytes: Uint8Array): string => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const points: number[] = [];
    let out = '';
    for (let i = 0; i + 4 <= bytes.length; i += 4) {
      const cp = view.getUint32(i, littleEndian);
      if (first) {
        first = false;
        if (cp === 0xfeff) continue;
      }
      points.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
      if (points.length === 4096) out += String.fromCodePoint(...points.splice(0));
    }
    return out + String.fromCodePoint(...points);
  };
  return {
    write(chunk) {
      const bytes = held.length ? concat(held, chunk) : chunk;
      const whole = bytes.length & ~3;
      held = bytes.slice(whole);
      return decode(bytes.subarray(0, whole));
    },
    end() {
      const rest = held.length ? '\ufffd' : '';
      held = new Uint8Array(0);
      return rest;
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
