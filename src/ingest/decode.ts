// Bytes -> text: BOM, then the charset the transport or the page declares, then UTF-8 if the bytes
// are valid UTF-8, then statistical detection. Refuses what is not text at all.
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
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
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
