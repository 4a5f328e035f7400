// Writes WARC files with warcio's own writer (WARCRecord.create + WARCSerializer), plain or gzipped one
// record per member as crawlers write .warc.gz, for the WARC reader's tests and benchmark.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { WARCRecord, WARCSerializer } from 'warcio';

export interface WarcRecordSpec {
  type?: 'response' | 'request' | 'metadata' | 'resource';
  uri: string;
  /** ISO 8601; now when absent. */
  date?: string;
  /** The payload as UTF-8 text. */
  html?: string;
  /** The payload as bytes (another charset, a gzipped or chunked body): wins over `html`. */
  body?: Uint8Array;
  /** HTTP headers of a response or request; a response defaults to `Content-Type: text/html; charset=utf-8`. */
  httpHeaders?: Record<string, string>;
  /** HTTP status of a response (default 200). */
  status?: number;
  /** More WARC headers (a resource record's Content-Type, say). */
  warcHeaders?: Record<string, string>;
}

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 404: 'Not Found', 500: 'Internal Server Error' };

/** One record serialized as it would sit in the file (gzipped alone when `gzip`). */
export async function serializeWarcRecord(spec: WarcRecordSpec, options: { gzip: boolean }): Promise<Uint8Array> {
  const type = spec.type ?? 'response';
  const payload = spec.body ?? new TextEncoder().encode(spec.html ?? '');
  const status = spec.status ?? 200;
  let httpHeaders = spec.httpHeaders;
  let statusline: string | undefined;
  if (type === 'response') {
    httpHeaders ??= { 'Content-Type': 'text/html; charset=utf-8' };
    statusline = `HTTP/1.1 ${status} ${REASONS[status] ?? 'Status'}`;
  } else if (type === 'request') {
    httpHeaders ??= { 'User-Agent': 'storyline-test', Accept: 'text/html' };
    const url = new URL(spec.uri);
    statusline = `GET ${url.pathname}${url.search} HTTP/1.1`;
  }
  const record = WARCRecord.create(
    {
      url: spec.uri,
      date: spec.date ?? new Date().toISOString(),
      type,
      warcVersion: 'WARC/1.1',
      ...(httpHeaders && (type === 'response' || type === 'request') ? { httpHeaders } : {}),
      ...(statusline ? { statusline } : {}),
      ...(spec.warcHeaders ? { warcHeaders: spec.warcHeaders } : {}),
    },
    [payload],
  );
  return WARCSerializer.serialize(record, { gzip: options.gzip });
}

/** Writes the records to `path`, one after another (records may come from a generator). */
export async function writeWarcFile(path: string, records: Iterable<WarcRecordSpec> | AsyncIterable<WarcRecordSpec>, options: { gzip: boolean }): Promise<void> {
  const out = createWriteStream(path);
  try {
    for await (const spec of records) {
      if (!out.write(await serializeWarcRecord(spec, options))) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
}
