// Gzip for sitemaps and sniffing: told by its magic bytes, decompressed with a cap on the output so
// that a small bomb cannot take the memory.
import { constants, gunzipSync } from 'node:zlib';
import { InputError } from '../../domain/index.js';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The whole decompressed content, refused beyond `maxBytes`. A cut download (the stream ends early)
 * gives what was decompressed, with `endedEarly`; damaged data is refused.
 */
export function gunzipCapped(bytes: Uint8Array, maxBytes: number, origin: string): { bytes: Uint8Array; endedEarly: boolean } {
  try {
    return { bytes: gunzipSync(bytes, { maxOutputLength: Math.max(1, maxBytes) }), endedEarly: false };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge(origin, maxBytes, err);
    if (code !== 'Z_BUF_ERROR') throw new InputError(origin, `corrupt gzip data (${(err as Error).message})`, { cause: err });
  }
  try {
    return { bytes: gunzipSync(bytes, { maxOutputLength: Math.max(1, maxBytes), finishFlush: constants.Z_SYNC_FLUSH }), endedEarly: true };
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge(origin, maxBytes, err);
    throw new InputError(origin, `corrupt gzip data (${(err as Error).message})`, { cause: err });
  }
}

function tooLarge(origin: string, maxBytes: number, cause: unknown): InputError {
  return new InputError(origin, `gzip data decompresses to more than ${formatBytes(maxBytes)} (refused: the cap on decompressed size)`, { cause });
}

/** Input bytes looked at when sniffing gzip: at most ~1,000x that decompressed, so a bomb stays small. */
const PREFIX_IN = 4096;

/** The first `maxOut` decompressed bytes of (the start of) a gzip stream; empty when it is not one. */
export function gunzipPrefix(bytes: Uint8Array, maxOut = 16 * 1024): Uint8Array {
  try {
    const out = gunzipSync(bytes.subarray(0, PREFIX_IN), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 8 * 1024 * 1024 });
    return out.subarray(0, maxOut);
  } catch {
    return new Uint8Array(0);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
