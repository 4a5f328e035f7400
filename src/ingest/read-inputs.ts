// Ingest: paths on disk -> RawDocuments. Directories are walked recursively;
// each file yields documents or InputErrors as it is read, never stopping the walk.
import { isUtf8 } from 'node:buffer';
import { constants, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { setting } from '../config.js';
import { InputError, type RawDocument } from '../domain/index.js';
import { readJsonlLine } from './jsonl.js';
import { createUnicodeDecoder, decodeText, looksBinary, sniffUnicodeEncoding } from './decode.js';
import { childPath, displayName, resolveLossyPath, type FsPath } from './file-names.js';
import { splitLines } from './split-lines.js';
import { readWarc } from './web-sources/index.js';

const TEXT_EXTENSIONS = new Set(['.txt']);
const HTML_EXTENSIONS = new Set(['.html', '.htm']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

// Size limits (src/config.ts): a .txt article over maxTextFileBytes is refused rather than read into
// memory; a JSONL line over maxJsonlLineBytes is refused (the longest articles with their HTML are a
// few megabytes, and a line is held whole to be parsed), JSONL files themselves have no limit; HTML
// beyond maxHtmlBytes is cut with a warning. The limits count the bytes read, not the size the file
// reports: /proc files report 0, and a file may grow while it is read.
//
// Only regular files are read. A FIFO would block the read forever, a device (/dev/zero, /dev/urandom)
// never ends, and a socket cannot be opened: they are refused by name, never opened, and so are
// symbolic links to them. A file is opened without blocking and checked again once open, in case it
// was swapped for one of those after it was listed.

/** Bytes read at a time from an article file. */
const READ_CHUNK_BYTES = 64 * 1024;

/** What reading yields: a document, an error that skips one item, or a warning about a whole file. */
export type IngestItem = { kind: 'doc'; doc: RawDocument } | { kind: 'error'; error: InputError } | { kind: 'warning'; origin: string; message: string };

/**
 * A file to read: `file` is its path as shown (and stored as the documents' origin); `fsPath` its bytes,
 * when its name is not valid UTF-8 and `file` shows the bad bytes escaped (`bad\xffname.txt`).
 */
export interface ListedFile {
  file: string;
  fsPath?: Buffer;
}

export function isSupportedFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return TEXT_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext) || JSONL_EXTENSIONS.has(ext) || isWarcFile(path);
}

/** A web archive: `.warc`, or `.warc.gz` (each record gzipped on its own). */
export function isWarcFile(path: string): boolean {
  return /\.warc(\.gz)?$/i.test(path);
}

/** Lists the supported files under the given paths, sorted for a stable order. */
export async function listInputFiles(paths: string[]): Promise<Array<ListedFile | { error: InputError }>> {
  const out: Array<ListedFile | { error: InputError }> = [];
  for (const path of paths) {
    const located = await locate(path);
    if ('error' in located) {
      out.push(located);
      continue;
    }
    const { fsPath, shown } = located;
    const looked = await lookAt(fsPath, shown);
    if (looked instanceof InputError) {
      out.push({ error: looked });
      continue;
    }
    const { info, isLink } = looked;
    if (info.isDirectory()) out.push(...(await walkDirectory(fsPath, shown)));
    else if (!info.isFile()) out.push({ error: notRegularFile(shown, info, isLink) });
    else if (isSupportedFile(shown)) out.push(listed(fsPath, shown));
    else out.push({ error: new InputError(shown, 'unsupported file type (expected .txt, .html, .htm, .jsonl, .warc or .warc.gz)') });
  }
  return out;
}

/** What a path names, following a symbolic link, and whether it was one. */
async function lookAt(fsPath: FsPath, shown: string): Promise<{ info: Stats; isLink: boolean } | InputError> {
  try {
    const link = await lstat(fsPath);
    const isLink = link.isSymbolicLink();
    return { info: isLink ? await stat(fsPath) : link, isLink };
  } catch (err) {
    return new InputError(shown, describeFsError(err), { cause: err });
  }
}

/**
 * Entries are read as bytes, so that names which are not UTF-8 are found and read. Symbolic links are
 * not followed; FIFOs, sockets and devices with a supported extension are refused by name, others
 * skipped like any unsupported file.
 */
async function walkDirectory(dir: FsPath, shown: string): Promise<Array<ListedFile | { error: InputError }>> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    return [{ error: new InputError(shown, describeFsError(err), { cause: err }) }];
  }
  const named = entries.map((entry) => ({ entry, name: displayName(entry.name) }));
  named.sort((a, b) => a.name.localeCompare(b.name));
  const out: Array<ListedFile | { error: InputError }> = [];
  for (const { entry, name } of named) {
    if (entry.name[0] === 0x2e) continue; // hidden: a name starting with '.'
    const full = childPath(dir, entry.name);
    const fullShown = join(shown, name);
    let kind: Dirent<Buffer> | Stats = entry;
    // Some file systems do not say what an entry is.
    if (![entry.isFile(), entry.isDirectory(), entry.isSymbolicLink(), entry.isFIFO(), entry.isSocket(), entry.isCharacterDevice(), entry.isBlockDevice()].some(Boolean)) {
      try {
        kind = await lstat(full);
      } catch (err) {
        out.push({ error: new InputError(fullShown, describeFsError(err), { cause: err }) });
        continue;
      }
    }
    if (kind.isDirectory()) out.push(...(await walkDirectory(full, fullShown)));
    else if (kind.isSymbolicLink() || !isSupportedFile(fullShown)) continue;
    else if (kind.isFile()) out.push(listed(full, fullShown));
    else out.push({ error: notRegularFile(fullShown, kind, false) });
  }
  return out;
}

function listed(fsPath: FsPath, shown: string): ListedFile {
  return typeof fsPath === 'string' ? { file: shown } : { file: shown, fsPath };
}

/**
 * Reads one file into documents, as they come: a JSONL file is read as a stream, line by line, so
 * that it may be of any size; other files are one article each. Takes a path, or a file as listed.
 */
export async function* readInputFile(input: string | ListedFile): AsyncGenerator<IngestItem> {
  const located = typeof input === 'string' ? await locate(input) : { fsPath: input.fsPath ?? input.file, shown: input.file };
  if ('error' in located) {
    yield { kind: 'error', error: located.error };
    return;
  }
  const { fsPath, shown } = located;
  const opened = await openRegularFile(fsPath, shown);
  if (opened instanceof InputError) {
    yield { kind: 'error', error: opened };
    return;
  }
  try {
    const ext = extname(shown).toLowerCase();
    if (JSONL_EXTENSIONS.has(ext)) yield* readJsonlFile(opened.handle, shown);
    // Records are read as the file streams: a crawl of gigabytes is held one record at a time.
    else if (isWarcFile(shown)) yield* readWarc(opened.handle.createReadStream({ autoClose: false, start: 0 }), shown);
    else yield await readArticleFile(opened.handle, opened.info, shown, HTML_EXTENSIONS.has(ext));
  } finally {
    await opened.handle.close();
  }
}

/**
 * The path as fs takes it, and as it is shown. A path holding U+FFFD that does not exist as written
 * stands for a name that is not UTF-8 (file-names.ts).
 */
async function locate(path: string): Promise<{ fsPath: FsPath; shown: string } | { error: InputError }> {
  if (!path.includes('\ufffd')) return { fsPath: path, shown: path };
  try {
    await lstat(path);
    return { fsPath: path, shown: path };
  } catch {
    // Not there as written: look for the byte name it was decoded from.
  }
  const found = await resolveLossyPath(path);
  if (found && 'ambiguous' in found) {
    return { error: new InputError(path, `the name is not valid UTF-8 and ${found.ambiguous.length} files match it: ${found.ambiguous.join(', ')}`) };
  }
  return found ? { fsPath: found.path, shown: found.shown } : { fsPath: path, shown: path };
}

/**
 * Opens a regular file for reading, or says why not. What is not a regular file is refused before any
 * open; the open itself does not block (a FIFO swapped in meanwhile would), and the open file is
 * checked to be the regular file that was looked at.
 */
async function openRegularFile(fsPath: FsPath, shown: string): Promise<{ handle: FileHandle; info: Stats } | InputError> {
  const looked = await lookAt(fsPath, shown);
  if (looked instanceof InputError) return looked;
  const { info, isLink } = looked;
  if (info.isDirectory()) return new InputError(shown, 'is a directory');
  if (!info.isFile()) return notRegularFile(shown, info, isLink);
  let handle: FileHandle;
  try {
    handle = await open(fsPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    return new InputError(shown, describeFsError(err), { cause: err });
  }
  const opened = await handle.stat();
  if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev) {
    await handle.close();
    return opened.isFile() ? new InputError(shown, 'the file was replaced while it was opened') : notRegularFile(shown, opened, isLink);
  }
  return { handle, info: opened };
}

/** A .txt or .html file: one article. HTML beyond maxHtmlBytes is not read at all. */
async function readArticleFile(handle: FileHandle, info: Stats, file: string, isHtml: boolean): Promise<IngestItem> {
  const maxTextFileBytes = setting('maxTextFileBytes');
  const maxHtmlBytes = setting('maxHtmlBytes');
  // A saved page was written when it was fetched.
  const fetchedAt = info.mtime.toISOString();
  const size = info.size;
  if (!isHtml && size > maxTextFileBytes) {
    return fail(file, `file is ${size} bytes, over the ${maxTextFileBytes}-byte limit`);
  }
  let read: { bytes: Buffer; more: boolean };
  try {
    read = await readAtMost(handle, isHtml ? maxHtmlBytes : maxTextFileBytes);
  } catch (err) {
    return { kind: 'error', error: new InputError(file, describeFsError(err), { cause: err }) };
  }
  if (!isHtml && read.more) {
    return fail(file, `file is over the ${maxTextFileBytes}-byte limit (more than the ${size} bytes it reports could be read)`);
  }
  const warnings: string[] = [];
  if (isHtml && read.more) {
    // Giant pages are mostly inline data; the article sits near the top.
    warnings.push(`page is ${size > maxHtmlBytes ? `${size} bytes` : `over ${maxHtmlBytes} bytes`}: only the first ${maxHtmlBytes} were read`);
  }
  const decoded = decodeText(read.bytes, { html: isHtml });
  if (!decoded.ok) return fail(file, decoded.reason);
  if (decoded.warning) warnings.push(decoded.warning);
  if (decoded.text.trim() === '') return fail(file, 'file is empty');
  const format = isHtml ? 'html' : 'text';
  return { kind: 'doc', doc: { origin: file, path: file, format, body: decoded.text, fetchedAt, hints: {}, ...(warnings.length ? { warnings } : {}) } };
}

/** Up to `limit` bytes from the start, and whether there was more: reading stops one byte past the limit. */
async function readAtMost(handle: FileHandle, limit: number): Promise<{ bytes: Buffer; more: boolean }> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const want = Math.min(READ_CHUNK_BYTES, limit + 1 - total);
    const chunk = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(chunk, 0, want, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  const bytes = Buffer.concat(chunks, total);
  return total > limit ? { bytes: bytes.subarray(0, limit), more: true } : { bytes, more: false };
}

/**
 * A JSONL file, streamed: each line is an article or an error naming `file:line`; a line over
 * maxJsonlLineBytes is refused and the next one read. A file in UTF-16 or UTF-32 (with a byte order
 * mark or without) is read as UTF-8 as it streams. Once the file is read, the fields its lines carried
 * that no article field took are reported in one warning.
 */
async function* readJsonlFile(handle: FileHandle, file: string): AsyncGenerator<IngestItem> {
  const maxJsonlLineBytes = setting('maxJsonlLineBytes');
  const unused = new Set<string>();
  let lines = 0;
  try {
    const stream = handle.createReadStream({ autoClose: false, start: 0 });
    let first = true;
    for await (const line of splitLines(asUtf8(stream), maxJsonlLineBytes)) {
      const origin = `${file}:${line.number}`;
      if ('tooLong' in line) {
        lines++;
        yield fail(origin, `line is ${line.byteLength} bytes, over the ${maxJsonlLineBytes}-byte limit for one article`);
        continue;
      }
      let bytes = line.bytes;
      if (first) {
        first = false;
        if (looksBinary(bytes)) {
          yield fail(file, 'binary data, not text');
          stream.destroy();
          return;
        }
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      const decoded = decodeLine(bytes);
      if (decoded.text.trim() === '') continue;
      lines++;
      const read = readJsonlLine(decoded.text, origin, file);
      if (read instanceof InputError) {
        yield { kind: 'error', error: read };
        continue;
      }
      for (const name of read.unusedFields) unused.add(name);
      if (decoded.warning) read.doc.warnings = [...(read.doc.warnings ?? []), decoded.warning];
      yield { kind: 'doc', doc: read.doc };
    }
  } catch (err) {
    // A read error midway: what was read stands; the rest of the file is reported.
    yield { kind: 'error', error: new InputError(file, describeFsError(err), { cause: err }) };
    return;
  }
  if (lines === 0) yield fail(file, 'file is empty');
  if (unused.size) yield { kind: 'warning', origin: file, message: `fields not used: ${[...unused].join(', ')}` };
}

/**
 * The chunks of a stream, as UTF-8: when the first chunk shows UTF-16 or UTF-32, every chunk is
 * decoded and encoded again; otherwise the chunks pass as they are.
 */
async function* asUtf8(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let decoder: ReturnType<typeof createUnicodeDecoder> | null | undefined;
  for await (const chunk of chunks) {
    if (decoder === undefined) {
      const encoding = sniffUnicodeEncoding(chunk);
      decoder = encoding && encoding !== 'utf-8' ? createUnicodeDecoder(encoding) : null;
    }
    if (decoder) yield Buffer.from(decoder.write(chunk), 'utf8');
    else yield chunk;
  }
  if (decoder) yield Buffer.from(decoder.end(), 'utf8');
}

/** JSON is UTF-8; a line that is not is decoded by guessing its charset, with a warning. */
function decodeLine(bytes: Buffer): { text: string; warning?: string } {
  const end = bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const line = bytes.subarray(0, end);
  if (isUtf8(line)) return { text: line.toString('utf8') };
  const decoded = decodeText(line);
  return decoded.ok ? { text: decoded.text, ...(decoded.warning ? { warning: decoded.warning } : {}) } : { text: line.toString('utf8') };
}

function fail(origin: string, reason: string): IngestItem {
  return { kind: 'error', error: new InputError(origin, reason) };
}

/** `not a regular file (a FIFO)`, `(a symbolic link to a character device)`. */
function notRegularFile(shown: string, info: Stats | Dirent<Buffer>, viaLink: boolean): InputError {
  const kind = info.isFIFO()
    ? 'a FIFO'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice()
        ? 'a character device'
        : info.isBlockDevice()
          ? 'a block device'
          : info.isDirectory()
            ? 'a directory'
            : 'of an unknown kind';
  return new InputError(shown, `not a regular file (${viaLink ? `a symbolic link to ${kind}` : kind})`);
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return `cannot read (${code ?? String(err)})`;
  }
}
