// One HTTP(S) request to an address that has already been checked: the socket is pinned to that
// address through the `lookup` option (so a second DNS answer cannot swap it: DNS rebinding), while
// the Host header and TLS server name stay the URL's host. The whole attempt (connect, headers, body)
// runs under one timer; the body is decompressed and counted against the byte cap as it streams, so
// neither a huge page nor a gzip bomb is ever held in memory. No redirects or retries here.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FetchError } from './fetch-error.js';

export interface AttemptRequest {
  url: URL;
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** Keep the first maxBytes and stop, instead of failing (robots.txt: only its head is read). */
  truncate?: boolean;
  /** A POST with this body (webhooks); a GET without. */
  postBody?: Buffer;
}

export interface AttemptResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Read only for 2xx answers; empty otherwise. */
  body: Buffer;
}

const TRUNCATED = new Error('body truncated at the cap');

export function httpAttempt(req: AttemptRequest): Promise<AttemptResponse> {
  const where = req.url.href;
  const hostname = req.url.hostname.replace(/^\[|\]$/g, '');
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: req.address, family: req.family }]);
    else callback(null, req.address, req.family);
  };
  const secure = req.url.protocol === 'https:';
  const options: https.RequestOptions = {
    method: req.postBody ? 'POST' : 'GET',
    hostname,
    port: req.url.port === '' ? undefined : Number(req.url.port),
    path: `${req.url.pathname}${req.url.search}`,
    headers: req.headers,
    lookup: pinned,
    agent: false,
  };
  if (secure && isIP(hostname) === 0) options.servername = hostname;

  return new Promise<AttemptResponse>((resolve, reject) => {
    let settled = false;
    let response: IncomingMessage | null = null;
    const fail = (error: FetchError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      response?.destroy();
      request.destroy();
      reject(error);
    };
    const succeed = (value: AttemptResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(
      () => fail(new FetchError(where, 'timeout', `timed out: no complete response within ${req.timeoutMs} ms`)),
      req.timeoutMs,
    );
    const request = (secure ? https : http).request(options, (res) => {
      response = res;
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) {
        res.destroy();
        succeed({ status, headers: res.headers, body: Buffer.alloc(0) });
        return;
      }
      readBody(res, req).then(
        (body) => succeed({ status, headers: res.headers, body }),
        (error: unknown) => fail(error instanceof FetchError ? error : networkError(where, error)),
      );
    });
    request.on('error', (error) => fail(networkError(where, error)));
    request.end(req.postBody);
  });
}

async function readBody(res: IncomingMessage, req: AttemptRequest): Promise<Buffer> {
  const where = req.url.href;
  const declared = Number(res.headers['content-length']);
  if (!req.truncate && Number.isFinite(declared) && declared > req.maxBytes) {
    throw tooLarge(where, req.maxBytes, `Content-Length ${declared} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const room = req.maxBytes - size;
      if (chunk.length > room) {
        if (!req.truncate) return callback(tooLarge(where, req.maxBytes, 'the body'));
        chunks.push(chunk.subarray(0, room));
        size += room;
        return callback(TRUNCATED);
      }
      chunks.push(chunk);
      size += chunk.length;
      callback();
    },
  });
  try {
    await pipeline([res, ...decoders(res.headers['content-encoding'], where), sink]);
  } catch (error) {
    if (error !== TRUNCATED) throw decodeError(where, error);
  }
  return Buffer.concat(chunks, size);
}

/** Decompressors for a Content-Encoding list, in the order to apply them (last coding first). */
function decoders(header: string | undefined, where: string): Transform[] {
  const codings = (header ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
  // Tolerate a body cut short at the end, as browsers do, rather than losing the whole page.
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip(lenient);
    if (coding === 'deflate') return zlib.createInflate(lenient);
    if (coding === 'br') return zlib.createBrotliDecompress();
    throw new FetchError(where, 'network', `unsupported Content-Encoding '${coding}'`, { retryable: false });
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function tooLarge(where: string, cap: number, what: string): FetchError {
  return new FetchError(where, 'too-large', `too large: ${what} exceeds the ${formatBytes(cap)} cap`);
}

function decodeError(where: string, error: unknown): FetchError {
  if (error instanceof FetchError) return error;
  const code = errorCode(error);
  if (code.startsWith('Z_') || code.includes('BROTLI')) {
    return new FetchError(where, 'network', `could not decompress the body (${messageOf(error)})`, { retryable: false, cause: error });
  }
  return networkError(where, error);
}

/** Connection trouble is worth retrying; a certificate the server will keep presenting is not. */
function networkError(where: string, error: unknown): FetchError {
  const code = errorCode(error);
  const tls = code.startsWith('CERT_') || code.startsWith('ERR_TLS_') || code.includes('SELF_SIGNED') || code.includes('UNABLE_TO_');
  const detail = code && !messageOf(error).includes(code) ? `${code}: ${messageOf(error)}` : messageOf(error);
  return new FetchError(where, 'network', `network error: ${detail}`, { retryable: !tls, cause: error });
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
