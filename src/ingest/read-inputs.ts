// Ingest: paths on disk -> RawDocuments. Directories are walked recursively;
// each file yields documents or InputErrors as it is read, never stopping the walk.
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { setting } from '../config.js';
import { InputError, type RawDocument } from '../domain/index.js';
import { readJsonlLine } from './jsonl.js';
import { decodeText, looksBinary } from './decode.js';
import { splitLines } from './split-lines.js';

const TEXT_EXTENSIONS = new Set(['.txt']);
const HTML_EXTENSIONS = new Set(['.html', '.htm']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

// Size limits (src/config.ts): a .txt article over maxTextFileBytes is refused rather than read into
// memory; a JSONL line over maxJsonlLineBytes is refused (the longest articles with their HTML are a
// few megabytes, and a line is held whole to be parsed), JSONL files themselves have no limit; HTML
// beyond maxHtmlBytes is cut with a warning.

/** What reading yields: a document, an error that skips one item, or a warning about a whole file. */
export type IngestItem = { kind: 'doc'; doc: RawDocument } | { kind: 'error'; error: InputError } | { kind: 'warning'; origin: string; message: string };

export function isSupportedFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return TEXT_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext) || JSONL_EXTENSIONS.has(ext);
}

/** Lists the supported files under the given paths, sorted for a stable order. */
export async function listInputFiles(paths: string[]): Promise<Array<{ file: string } | { error: InputError }>> {
  const out: Array<{ file: string } | { error: InputError }> = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      out.push({ error: new InputError(path, describeFsError(err), { cause: err }) });
      continue;
    }
    if (info.isDirectory()) {
      out.push(...(await walkDirectory(path)));
    } else if (isSupportedFile(path)) {
      out.push({ file: path });
    } else {
      out.push({ error: new InputError(path, 'unsupported file type (expected .txt, .html, .htm or .jsonl)') });
    }
  }
  return out;
}

async function walkDirectory(dir: string): Promise<Array<{ file: string } | { error: InputError }>> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    return [{ error: new InputError(dir, describeFsError(err), { cause: err }) }];
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: Array<{ file: string } | { error: InputError }> = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walkDirectory(full)));
    else if (entry.isFile() && isSupportedFile(full)) out.push({ file: full });
  }
  return out;
}

/**
 * Reads one file into documents, as they come: a JSONL file is read as a stream, line by line, so
 * that it may be of any size; other files are one article each.
 */
export async function* readInputFile(file: string): AsyncGenerator<IngestItem> {
  const ext = extname(file).toLowerCase();
  if (JSONL_EXTENSIONS.has(ext)) {
    yield* readJsonlFile(file);
    return;
  }
  yield await readArticleFile(file, HTML_EXTENSIONS.has(ext));
}

/** A .txt or .html file: one article. HTML beyond maxHtmlBytes is not read at all. */
async function readArticleFile(file: string, isHtml: boolean): Promise<IngestItem> {
  const maxTextFileBytes = setting('maxTextFileBytes');
  const maxHtmlBytes = setting('maxHtmlBytes');
  let bytes: Buffer;
  let fetchedAt: string;
  let size: number;
  try {
    const info = await stat(file);
    // A saved page was written when it was fetched.
    fetchedAt = info.mtime.toISOString();
    size = info.size;
    if (!isHtml && size > maxTextFileBytes) {
      return fail(file, `file is ${size} bytes, over the ${maxTextFileBytes}-byte limit`);
    }
    bytes = isHtml && size > maxHtmlBytes ? await readHead(file, maxHtmlBytes) : await readFile(file);
  } catch (err) {
    return { kind: 'error', error: new InputError(file, describeFsError(err), { cause: err }) };
  }
  const warnings: string[] = [];
  if (isHtml && size > maxHtmlBytes) {
    // Giant pages are mostly inline data; the article sits near the top.
    warnings.push(`page is ${size} bytes: only the first ${maxHtmlBytes} were read`);
  }
  const decoded = decodeText(bytes, { html: isHtml });
  if (!decoded.ok) return fail(file, decoded.reason);
  if (decoded.warning) warnings.push(decoded.warning);
  if (decoded.text.trim() === '') return fail(file, 'file is empty');
  const format = isHtml ? 'html' : 'text';
  return { kind: 'doc', doc: { origin: file, path: file, format, body: decoded.text, fetchedAt, hints: {}, ...(warnings.length ? { warnings } : {}) } };
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * A JSONL file, streamed: each line is an article or an error naming `file:line`; a line over
 * maxJsonlLineBytes is refused and the next one read. Once the file is read, the fields its
 * lines carried that no article field took are reported in one warning.
 */
async function* readJsonlFile(file: string): AsyncGenerator<IngestItem> {
  const maxJsonlLineBytes = setting('maxJsonlLineBytes');
  const unused = new Set<string>();
  let lines = 0;
  try {
    const stream = createReadStream(file);
    let first = true;
    for await (const line of splitLines(stream, maxJsonlLineBytes)) {
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
    default:
      return `cannot read (${code ?? String(err)})`;
  }
}
