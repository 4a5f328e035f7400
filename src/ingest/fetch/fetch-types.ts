// The fetcher's public shapes (options, request, response) and the defaults that turn options into
// settings. Kept apart from the Fetcher class so callers and tests can import them without it.
import { isPublicAddress } from './address-policy.js';
import { systemLookup, type Lookup } from './resolve-target.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

export interface FetcherOptions {
  userAgent?: string;
  /** Skip the address check entirely (tests, or a deliberate intranet crawl). Default false. */
  allowPrivateNetwork?: boolean;
  /** Requests in flight to one host, 1..4; default 2. */
  perHostConcurrency?: number;
  /** Minimum gap between request starts to one host; default 1000 ms. */
  perHostDelayMs?: number;
  /** One attempt: connect, headers and body; default 30 s. */
  timeoutMs?: number;
  /** Body cap after decompression; default 10 MiB. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Extra attempts on 429, 5xx, network errors and timeouts; default 3. */
  retries?: number;
  retryBaseDelayMs?: number;
  maxRetryDelayMs?: number;
  respectRobots?: boolean;
  lookup?: Lookup;
  /**
   * Which resolved addresses may be contacted when allowPrivateNetwork is false; default: public
   * unicast only (address-policy.ts). Injectable so tests can admit their own 127.0.0.1 server while
   * proving that another address, reached by a redirect or a second DNS record, is still refused.
   */
  isAllowedAddress?: (address: string, family: 4 | 6) => boolean;
}

export interface FetchRequest {
  url: string;
  /** Sent as If-None-Match. */
  etag?: string | null;
  /** Sent as If-Modified-Since. */
  lastModified?: string | null;
  accept?: string;
  /** Overrides the fetcher's maxBytes for this request. */
  maxBytes?: number;
}

export interface FetchResponse {
  requestedUrl: string;
  /** The final URL, after redirects. */
  url: string;
  /** The URL each redirect led to, in order (so the last one is `url`); empty without redirects. */
  redirects: string[];
  /** 200..299 or 304. */
  status: number;
  notModified: boolean;
  /** Media type only, lowercased ('text/html'). */
  contentType: string | null;
  /** From the Content-Type header, lowercased. */
  charset: string | null;
  /** On a 304 without one, the validator the request sent (it is still the current one). */
  etag: string | null;
  lastModified: string | null;
  /** Decompressed; empty on 304. */
  body: Buffer;
  fetchedAt: string;
}

export interface FetcherSettings {
  userAgent: string;
  perHostConcurrency: number;
  perHostDelayMs: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  respectRobots: boolean;
  lookup: Lookup;
  isAllowedAddress: ((address: string, family: 4 | 6) => boolean) | null;
}

export const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function count(value: number | undefined, fallback: number, min: number, max: number = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

export function resolveSettings(options: FetcherOptions): FetcherSettings {
  return {
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    perHostConcurrency: count(options.perHostConcurrency, 2, 1, 4),
    perHostDelayMs: count(options.perHostDelayMs, 1000, 0),
    timeoutMs: count(options.timeoutMs, 30_000, 1),
    maxBytes: count(options.maxBytes, 10 * 1024 * 1024, 1),
    maxRedirects: count(options.maxRedirects, 5, 0),
    retries: count(options.retries, 3, 0),
    retryBaseDelayMs: count(options.retryBaseDelayMs, 1000, 0),
    maxRetryDelayMs: count(options.maxRetryDelayMs, 60_000, 0),
    respectRobots: options.respectRobots ?? true,
    lookup: options.lookup ?? systemLookup,
    isAllowedAddress: options.allowPrivateNetwork ? null : (options.isAllowedAddress ?? isPublicAddress),
  };
}
