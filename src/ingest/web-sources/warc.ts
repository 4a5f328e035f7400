// WARC files (.warc, and .warc.gz gzipped record by record) -> the HTML pages they captured, through
// warcio's WARCParser, one record at a time. A `response` record with a 2xx HTML answer (or a
// `resource` record of HTML) is a document; every other record is passed over. The HTTP body is
// de-chunked and decompressed by warcio; a record that cannot be read whole stops the file with an
// error item, a page that is not text is an error item and the file goes on.
import { WARCParser, type WARCRecord } from 'warcio';
import { InputError, type RawDocument } from '../../domain/index.js';
import { decodeText } from '../decode.js';
import type { IngestItem } from '../read-inputs.js';
import { toIsoDate } from './dates.js';
import { formatBytes, gunzipPrefix, isGzip } from './gzip.js';
import { describeText, startsWithWarc } from './looks.js';

export interface ReadWarcOptions {
  /** A record's (decoded) body beyond this is an error item; default 20 MiB. */
  maxRecordBytes?: number;
}

export const WARC_MAX_RECORD_BYTES = 20 * 1024 * 1024;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Content-Encodings warcio decodes (pako); anything else arrives still encoded. */
const DECODABLE_ENCODINGS = new Set(['', 'identity', 'gzip', 'x-gzip', 'deflate']);
/** Bytes looked at before parsing, to refuse what is not a WARC file at all. */
const PEEK_BYTES = 1024;
/** Smallest chunk handed to warcio (see PeekedSource). */
const MIN_CHUNK_BYTES = 16 * 1024;

/** The raw block reader warcio gives a record: a LimitReader whose `limit` is what is still unread. */
interface RawBlockReader extends AsyncIterable<Uint8Array> {
  limit: number;
}

export async function* readWarc(source: AsyncIterable<Uint8Array>, origin: string, options: ReadWarcOptions = {}): AsyncGenerator<IngestItem> {
  const maxRecordBytes = options.maxRecordBytes ?? WARC_MAX_RECORD_BYTES;
  const input = new PeekedSource(source);
  const head = await input.peek(PEEK_BYTES);
  if (head.length === 0) {
    yield { kind: 'warning', origin, message: 'empty WARC file: no records' };
    return;
  }
  const start = isGzip(head) ? gunzipPrefix(head, 64) : head;
  if (!startsWithWarc(start)) {
    const what = isGzip(head) ? (start.length ? `gzip data holding ${describeText(latin1(start))}` : 'damaged gzip data') : describeText(latin1(head.subarray(0, 256)));
    yield { kind: 'error', error: new InputError(origin, `not a WARC file (${what})`) };
    return;
  }

  const parser = new WARCParser(input);
  for (let n = 1; ; n++) {
    const where = `${origin}#record ${n}`;
    let record: WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (err) {
      yield { kind: 'error', error: new InputError(where, `${input.ended ? 'truncated' : 'corrupt'} WARC record (${(err as Error).message})`, { cause: err }) };
      return;
    }
    if (!record) {
      // A .warc.gz cut inside a record's gzip member may end before any of it decompressed.
      if (insideGzipMember(parser)) yield { kind: 'error', error: new InputError(where, 'truncated WARC record (the file ends inside its gzip member)') };
      return;
    }
    const raw = record._reader as unknown as RawBlockReader;
    const broken = brokenHeaders(record, raw);
    if (broken) {
      yield { kind: 'error', error: new InputError(where, input.ended ? `truncated WARC record (the file ends inside its headers)` : `corrupt WARC record (${broken})`) };
      return;
    }
    const uri = record.warcTargetURI ?? undefined;
    const recordOrigin = uri ? `${origin}#${uri}` : where;

    const wanted = htmlRecord(record);
    let body: Uint8Array | null = null;
    let problem: string | null = null;
    if (wanted === true) {
      if (record.warcContentLength > maxRecordBytes * 2) problem = `record over ${formatBytes(maxRecordBytes)} (${record.warcContentLength} bytes): skipped`;
      else {
        try {
          body = await readCapped(record.contentReader, maxRecordBytes);
          if (!body) problem = `page body over ${formatBytes(maxRecordBytes)}: skipped`;
        } catch (err) {
          problem = `page body could not be decoded (${(err as Error).message})`;
        }
      }
    } else if (typeof wanted === 'string') problem = wanted;

    // Whatever was read, the rest of the record is read past here (warcio's own skip loops forever
    // when the file ends early), and a record cut short stops the file.
    try {
      for await (const _ of raw) void _;
    } catch (err) {
      yield { kind: 'error', error: new InputError(where, `corrupt WARC record (${(err as Error).message})`, { cause: err }) };
      return;
    }
    if (raw.limit > 0) {
      yield { kind: 'error', error: new InputError(where, `truncated WARC record (${raw.limit} bytes of its ${record.warcContentLength} missing: the file ends inside it)`) };
      return;
    }
    record.consumed = 'skipped';

    if (problem) {
      yield { kind: 'error', error: new InputError(recordOrigin, problem) };
      continue;
    }
    if (!body) continue;
    const contentType = record.httpHeaders?.headers.get('content-type') ?? record.warcContentType ?? '';
    const decoded = decodeText(body, { declaredCharset: charsetOf(contentType), html: true });
    if (!decoded.ok) {
      yield { kind: 'error', error: new InputError(recordOrigin, `page body is not text (${decoded.reason})`) };
      continue;
    }
    const captured = toIsoDate(record.warcDate);
    const doc: RawDocument = { origin: recordOrigin, format: 'html', body: decoded.text, hints: {} };
    if (uri) doc.url = uri;
    if (captured) {
      doc.fetchedAt = captured;
      doc.listing = { kind: 'warc', published: captured };
    } else doc.listing = { kind: 'warc' };
    if (decoded.warning) doc.warnings = [decoded.warning];
    yield { kind: 'doc', doc };
  }
}

/** True for a record to read as a page; a message for one to report; false to pass over silently. */
function htmlRecord(record: WARCRecord): boolean | string {
  const type = record.warcType;
  if (type === 'response') {
    const http = record.httpHeaders;
    if (!http) return false;
    const status = Number(http.statusCode);
    if (!(status >= 200 && status < 300)) return false;
    if (!HTML_TYPES.has(mediaType(http.headers.get('content-type')))) return false;
    const encoding = (http.headers.get('content-encoding') ?? '').trim().toLowerCase();
    if (!DECODABLE_ENCODINGS.has(encoding)) return `page body in an unsupported Content-Encoding (${encoding}): skipped`;
    return true;
  }
  if (type === 'resource') return HTML_TYPES.has(mediaType(record.warcContentType));
  return false;
}

/** warcio's outer reader, as far as telling a gzip member begun and not finished goes. */
interface OuterReader {
  compressed: string | null;
  inflator: { ended: boolean; strm?: { total_in?: number } } | null;
}

function insideGzipMember(parser: WARCParser): boolean {
  const reader = parser._reader as unknown as OuterReader;
  return Boolean(reader.compressed && reader.inflator && !reader.inflator.ended && (reader.inflator.strm?.total_in ?? 0) > 0);
}

/** What is wrong with a record's headers, when something is. */
function brokenHeaders(record: WARCRecord, raw: RawBlockReader): string | null {
  if (!record.warcHeaders.statusline.startsWith('WARC/')) return `no WARC/ version line: "${record.warcHeaders.statusline.slice(0, 40)}"`;
  const length = record.warcHeaders.headers.get('content-length');
  if (length === null || length === undefined || !/^\s*\d+\s*$/.test(length)) return 'no Content-Length';
  if (!record.warcType) return 'no WARC-Type';
  // warcio reads HTTP headers up to a blank line without looking at the record's length: headers
  // that run past it mean the block was damaged.
  if (raw.limit < 0) return 'HTTP headers run past the end of the record';
  return null;
}

/** The whole content, or null once it passes `max` bytes (the rest is not kept). */
async function readCapped(reader: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, max: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of reader) {
    size += chunk.length;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function charsetOf(contentType: string): string | undefined {
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m?.[1];
}


function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The source with its first bytes looked at ahead, and whether it has ended. */
class PeekedSource implements AsyncIterable<Uint8Array> {
  ended = false;
  private readonly iterator: AsyncIterator<Uint8Array>;
  private readonly held: Uint8Array[] = [];

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  async peek(bytes: number): Promise<Uint8Array> {
    let size = 0;
    while (size < bytes) {
      const chunk = await this.next();
      if (!chunk) break;
      this.held.push(chunk);
      size += chunk.length;
    }
    return Buffer.concat(this.held, size);
  }

  private async next(): Promise<Uint8Array | null> {
    if (this.ended) return null;
    const { value, done } = await this.iterator.next();
    if (done) {
      this.ended = true;
      return null;
    }
    return value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike);
  }

  /**
   * Chunks of at least MIN_CHUNK_BYTES (but the last): warcio looks for the blank line ending a header
   * block at most one chunk ahead, so a stream of tiny chunks would hide it.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    let pending: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const chunk = this.held.length ? this.held.shift()! : await this.next();
      if (!chunk) break;
      if (!chunk.length) continue;
      if (!pending.length && chunk.length >= MIN_CHUNK_BYTES) {
        yield chunk;
        continue;
      }
      pending.push(chunk);
      size += chunk.length;
      if (size >= MIN_CHUNK_BYTES) {
        yield Buffer.concat(pending, size);
        pending = [];
        size = 0;
      }
    }
    if (size) yield Buffer.concat(pending, size);
  }
}
