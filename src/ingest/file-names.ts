// File names are bytes; Node gives them to us as UTF-8 strings. A name that is not valid UTF-8
// (`bad\xffname.jsonl`, from an old Latin-1 system or an archive) reaches the command line with each bad
// byte turned into U+FFFD, and fs finds no such file under the re-encoded name. Such names are found
// again by listing their directory as bytes, and shown with the bad bytes escaped (`bad\xffname.jsonl`).
import { isUtf8 } from 'node:buffer';
import { lstat, readdir } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';

/** A path as fs takes it: a string, or the bytes of a name that is not UTF-8. */
export type FsPath = string | Buffer;

const REPLACEMENT = '\ufffd';
const SEPARATOR = Buffer.from(sep);

/** How a file name is shown: itself when it is UTF-8, else with each undecodable byte as `\xHH` (and `\` as `\\`). */
export function displayName(name: FsPath): string {
  if (typeof name === 'string') return name;
  if (isUtf8(name)) return name.toString('utf8');
  let out = '';
  let i = 0;
  while (i < name.length) {
    const length = utf8SequenceLength(name, i);
    if (length === 0) {
      out += `\\x${name[i]!.toString(16).padStart(2, '0')}`;
      i++;
    } else {
      const ch = name.subarray(i, i + length).toString('utf8');
      out += ch === '\\' ? '\\\\' : ch;
      i += length;
    }
  }
  return out;
}

/** The child `name` of `dir`: a string while both are UTF-8, bytes otherwise. */
export function childPath(dir: FsPath, name: Buffer): FsPath {
  if (typeof dir === 'string' && isUtf8(name)) return join(dir, name.toString('utf8'));
  const parent = typeof dir === 'string' ? Buffer.from(dir) : dir;
  const needsSeparator = parent.length > 0 && parent[parent.length - 1] !== SEPARATOR[0];
  return Buffer.concat(needsSeparator ? [parent, SEPARATOR, name] : [parent, name]);
}

export type LossyResolution = { path: FsPath; shown: string } | { ambiguous: string[] } | null;

/**
 * The file a path given as a string stands for when it holds U+FFFD and does not exist as written: each
 * component with U+FFFD is matched against its directory's names read as bytes, decoded the way Node
 * decoded the argument. Returns the byte path (and how to show it), the candidates when more than one
 * name matches, or null when none does.
 */
export async function resolveLossyPath(path: string): Promise<LossyResolution> {
  if (!path.includes(REPLACEMENT)) return null;
  let current: FsPath = isAbsolute(path) ? sep : '.';
  const shown: string[] = [];
  for (const part of path.split(sep)) {
    shown.push(part);
    if (part === '') continue;
    const next = childPath(current, Buffer.from(part));
    if (!part.includes(REPLACEMENT) || (await exists(next))) {
      current = next;
      continue;
    }
    let names: Buffer[];
    try {
      names = await readdir(current, { encoding: 'buffer' });
    } catch {
      return null;
    }
    const matches = names.filter((n) => n.toString('utf8') === part);
    if (matches.length === 0) return null;
    if (matches.length > 1) return { ambiguous: matches.map((m) => displayName(m)).sort() };
    current = childPath(current, matches[0]!);
    shown[shown.length - 1] = displayName(matches[0]!);
  }
  return { path: current, shown: shown.join(sep) };
}

async function exists(path: FsPath): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Length of the valid UTF-8 sequence at `i` (Unicode table 3-7), 0 when the byte starts none. */
function utf8SequenceLength(bytes: Buffer, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const [lo, hi] = b0 === 0xe0 ? [0xa0, 0xbf] : b0 === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const [lo, hi] = b0 === 0xf0 ? [0x90, 0xbf] : b0 === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
