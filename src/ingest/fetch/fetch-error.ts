// Why a fetch failed, as one error type the ingest layer already knows how to report (InputError:
// "<url>: <reason>"). `code` lets callers branch without parsing messages; `retryable` says whether
// the same request may succeed later (network trouble, timeouts, 429, 5xx), so a scheduler can
// come back to the page instead of forgetting it.
import { InputError } from '../../domain/index.js';

export type FetchErrorCode =
  | 'bad-url'
  | 'unsupported-scheme'
  | 'private-address'
  | 'dns'
  | 'robots'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'http-status'
  | 'network';

export interface FetchErrorOptions {
  status?: number;
  retryable?: boolean;
  /** How long the server asked us to wait (Retry-After), in ms. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class FetchError extends InputError {
  readonly url: string;
  readonly code: FetchErrorCode;
  readonly status?: number;
  readonly retryable: boolean;
  /** Set when a 429 or 503 said how long to wait (Retry-After), in ms. */
  readonly retryAfterMs?: number;

  constructor(url: string, code: FetchErrorCode, reason: string, options: FetchErrorOptions = {}) {
    super(url, reason, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FetchError';
    this.url = url;
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? defaultRetryable(code, options.status);
  }
}

/** Network trouble and timeouts pass; a 429 or 5xx is the server asking us to come back later. */
function defaultRetryable(code: FetchErrorCode, status: number | undefined): boolean {
  if (code === 'network' || code === 'timeout') return true;
  if (code === 'http-status' && status !== undefined) return status === 429 || status >= 500;
  return false;
}
