// Typed HTTP errors and the one handler that turns any thrown error into `{error: {code, message}}`.
// Unknown errors become 500 with the request id (logged with the stack on stderr, never sent).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { InputError, StoreError } from '../domain/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Sent as Retry-After: the same request may succeed after this many seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, 'not_found', `no such ${what}: ${id}`);
export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const invalidArticle = (message: string) => new ApiError(422, 'invalid_article', message);
export const unauthorized = () => new ApiError(401, 'unauthorized', 'missing or wrong bearer token (send "Authorization: Bearer TOKEN")');
export const payloadTooLarge = (maxBytes: number) => new ApiError(413, 'payload_too_large', `request body is over ${maxBytes} bytes`);

export function errorBody(code: string, message: string, requestId?: string) {
  return { error: { code, message, ...(requestId ? { requestId } : {}) } };
}

export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json(errorBody(err.code, err.message), err.status);
  }
  if (err instanceof InputError) return c.json(errorBody('invalid_input', err.message), 400);
  if (err instanceof StoreError && err.retryable) {
    // Contention or a restarting server: the client may send the same request again.
    c.header('Retry-After', '1');
    return c.json(errorBody('store_busy', 'the database is busy: try again shortly'), 503);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(errorBody(`http_${err.status}`, err.message || 'bad request'), err.status as ContentfulStatusCode);
  }
  const requestId = c.get('requestId') as string | undefined;
  process.stderr.write(`error: request ${requestId ?? '?'} ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`);
  return c.json(errorBody('internal', 'internal error', requestId), 500);
}
