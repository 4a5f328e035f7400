// Ingest: paths on disk -> RawDocuments. Directories are walked recursively;
// each file yields documents or one InputError, never stopping the walk.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError, type RawDocument } from '../domain/index.js';
import { parseJsonlLine } from './jsonl.js';
import { decodeText } from './decode.js';

const TEXT_EXTENSIONS = new Set(['.txt']);
const HTML_EXTENSIONS = new Set(['.html', '.htm']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

/** Files bigger than this are refused rather than read into memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** HTML beyond this is cut (with a warning) before parsing. */
export const MAX_HTML_BYTES = 10 * 1024 * 1024;

export type IngestItem = { ok: true; doc: RawDocument } | { ok: false; error: InputError };

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

/** Reads one file into documents (several for JSONL). */
export async function readInputFile(file: string): Promise<IngestItem[]> {
  let bytes: Buffer;
  let fetchedAt: string;
  try {
    const info = await stat(file);
    // A saved page was written when it was fetched.
    fetchedAt = info.mtime.toISOString();
    if (info.size > MAX_FILE_BYTES) {
      return [fail(file, `file is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`)];
    }
    bytes = await readFile(file);
  } catch (err) {
    return [{ ok: false, error: new InputError(file, describeFsError(err), { cause: err }) }];
  }
  const ext = extname(file).toLowerCase();
  const warnings: string[] = [];
  const isHtml = HTML_EXTENSIONS.has(ext);
  if (isHtml && bytes.length > MAX_HTML_BYTES) {
    // Giant pages are mostly inline data; the article sits near the top.
    warnings.push(`page is ${bytes.length} bytes: only the first ${MAX_HTML_BYTES} were read`);
    bytes = bytes.subarray(0, MAX_HTML_BYTES);
  }
  const decoded = decodeText(bytes, { html: isHtml });
  if (!decoded.ok) return [fail(file, decoded.reason)];
  if (decoded.warning) warnings.push(decoded.warning);
  if (JSONL_EXTENSIONS.has(ext)) return readJsonl(file, decoded.text);
  if (decoded.text.trim() === '') return [fail(file, 'file is empty')];
  const format = HTML_EXTENSIONS.has(ext) ? 'html' : 'text';
  return [{ ok: true, doc: { origin: file, path: file, format, body: decoded.text, fetchedAt, hints: {}, ...(warnings.length ? { warnings } : {}) } }];
}

function readJsonl(file: string, text: string): IngestItem[] {
  const items: IngestItem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const origin = `${file}:${index + 1}`;
    const parsed = parseJsonlLine(line, origin, file);
    items.push(parsed instanceof InputError ? { ok: false, error: parsed } : { ok: true, doc: parsed });
  });
  if (items.length === 0) return [fail(file, 'file is empty')];
  return items;
}

function fail(origin: string, reason: string): IngestItem {
  return { ok: false, error: new InputError(origin, reason) };
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
