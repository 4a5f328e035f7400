// The fetcher: one call per URL, answering with the final page or a FetchError that says why not.
// Each hop of a redirect chain is checked from scratch (scheme, every DNS address, robots.txt), then
// requested through the per-host queue, retried on transient failures with backoff or the server's
// Retry-After. Everything is GET: a 303 needs no method change.
import { STATUS_CODES } from 'node:http';
import { FetchError } from './fetch-error.js';
import { DEFAULT_ACCEPT, resolveSettings, type FetcherOptions, type FetcherSettings, type FetchRequest, type FetchResponse } from './fetch-types.js';
import { parseContentType } from './content-type.js';
import { HostQueue } from './host-queue.js';
import { httpAttempt, type AttemptResponse } from './http-attempt.js';
import { parseFetchUrl, resolveTarget, type ResolvedAddress } from './resolve-target.js';
import { backoffDelay, parseRetryAfter, sleep } from './retry-policy.js';
import { RobotsCache } from './robots.js';
import { robotsToken } from './user-agent.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Google reads the first 500 KiB of a robots.txt and ignores the rest; so do we. */
const ROBOTS_MAX_BYTES = 500 * 1024;

interface Plan {
  headers: Record<string, string>;
  maxBytes: number;
  truncate: boolean;
  checkRobots: boolean;
}

interface Followed {
  url: URL;
  redirects: string[];
  response: AttemptResponse;
}

export class Fetcher {
  private readonly settings: FetcherSettings;
  private readonly queue: HostQueue;
  private readonly robots: RobotsCache | null;

  constructor(options: FetcherOptions = {}) {
    this.settings = resolveSettings(options);
    this.queue = new HostQueue(this.settings.perHostConcurrency, this.settings.perHostDelayMs);
    const robotsPlan: Plan = { headers: this.headers('text/plain,*/*;q=0.1'), maxBytes: ROBOTS_MAX_BYTES, truncate: true, checkRobots: false };
    this.robots = !this.settings.respectRobots
      ? null
      : new RobotsCache({
          token: robotsToken(this.settings.userAgent),
          fetchRobots: async (robotsUrl) => (await this.follow(robotsUrl, robotsPlan)).response.body,
          // A Crawl-delay of hours would stall the run: it counts up to the longest wait we accept.
          onCrawlDelay: (host, delayMs) => this.queue.raiseDelay(host, Math.min(delayMs, this.settings.maxRetryDelayMs)),
        });
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const headers = this.headers(request.accept ?? DEFAULT_ACCEPT);
    if (request.etag) headers['If-None-Match'] = request.etag;
    if (request.lastModified) headers['If-Modified-Since'] = request.lastModified;
    const maxBytes = Math.max(1, request.maxBytes ?? this.settings.maxBytes);
    const { url, redirects, response } = await this.follow(request.url, { headers, maxBytes, truncate: false, checkRobots: true });
    const notModified = response.status === 304;
    const { contentType, charset } = parseContentType(first(response.headers['content-type']) ?? undefined);
    return {
      requestedUrl: request.url,
      url: url.href,
      redirects,
      status: response.status,
      notModified,
      contentType,
      charset,
      etag: first(response.headers.etag) ?? (notModified ? (request.etag ?? null) : null),
      lastModified: first(response.headers['last-modified']) ?? (notModified ? (request.lastModified ?? null) : null),
      body: notModified ? Buffer.alloc(0) : response.body,
      fetchedAt: new Date().toISOString(),
    };
  }

  private headers(accept: string): Record<string, string> {
    return { 'User-Agent': this.settings.userAgent, Accept: accept, 'Accept-Encoding': 'gzip, deflate, br' };
  }

  /** Requests `start`, following redirects; every hop is checked as if it were the first. */
  private async follow(start: string, plan: Plan): Promise<Followed> {
    let url = parseFetchUrl(start);
    const seen = new Set([withoutHash(url)]);
    const redirects: string[] = [];
    for (;;) {
      // The address first: a refused host is refused as itself, before its robots.txt is asked for.
      const target = await resolveTarget(url, { lookup: this.settings.lookup, isAllowed: this.settings.isAllowedAddress });
      if (plan.checkRobots && this.robots) await this.robots.check(url);
      const response = await this.hop(url, target, plan);
      if (!REDIRECT_STATUSES.has(response.status)) return { url, redirects, response };
      const location = first(response.headers.location);
      if (!location) {
        throw new FetchError(url.href, 'http-status', `HTTP ${response.status} redirect without a Location header`, { status: response.status, retryable: false });
      }
      const next = redirectTarget(url, location);
      if (seen.has(withoutHash(next))) throw new FetchError(start, 'redirect-loop', `redirect loop: ${[start, ...redirects, next.href].join(' -> ')}`);
      if (redirects.length >= this.settings.maxRedirects) {
        throw new FetchError(start, 'too-many-redirects', `more than ${this.settings.maxRedirects} redirects (last: ${url.href} -> ${next.href})`);
      }
      redirects.push(next.href);
      seen.add(withoutHash(next));
      url = next;
    }
  }

  /** One URL, no redirects, at its checked address: attempted until success or giving up. */
  private async hop(url: URL, target: ResolvedAddress, plan: Plan): Promise<AttemptResponse> {
    for (let retry = 0; ; retry++) {
      const outcome = await this.attempt(url, target, plan);
      if (!(outcome instanceof FetchError)) return outcome;
      if (!outcome.retryable || retry >= this.settings.retries) throw outcome;
      const asked = outcome.retryAfterMs;
      if (asked !== undefined && asked > this.settings.maxRetryDelayMs) {
        throw new FetchError(url.href, 'http-status', `HTTP ${outcome.status} ${statusText(outcome.status)}: the server asked to wait ${seconds(asked)}, more than the ${seconds(this.settings.maxRetryDelayMs)} we wait; giving up`, { status: outcome.status, retryAfterMs: asked });
      }
      if (asked !== undefined) this.queue.holdOff(url.hostname, asked);
      await sleep(asked ?? backoffDelay(this.settings.retryBaseDelayMs, retry));
    }
  }

  /** One request through the host queue; a failure is returned, not thrown, for hop() to judge. */
  private async attempt(url: URL, target: ResolvedAddress, plan: Plan): Promise<AttemptResponse | FetchError> {
    const release = await this.queue.acquire(url.hostname);
    let response: AttemptResponse;
    try {
      response = await httpAttempt({ url, ...target, headers: plan.headers, timeoutMs: this.settings.timeoutMs, maxBytes: plan.maxBytes, truncate: plan.truncate });
    } catch (error) {
      if (error instanceof FetchError) return error;
      throw error;
    } finally {
      release();
    }
    const { status } = response;
    if ((status >= 200 && status < 300) || status === 304 || REDIRECT_STATUSES.has(status)) return response;
    const asked = status === 429 || status === 503 ? parseRetryAfter(response.headers['retry-after']) : null;
    const wait = asked === null ? '' : ` (Retry-After: ${seconds(asked)})`;
    return new FetchError(url.href, 'http-status', `HTTP ${status} ${statusText(status)}${wait}`, { status, ...(asked === null ? {} : { retryAfterMs: asked }) });
  }
}

/** The URL a Location header points to, relative to the page; a bad one is blamed on that page. */
function redirectTarget(from: URL, location: string): URL {
  try {
    return parseFetchUrl(location, from);
  } catch (error) {
    if (error instanceof FetchError) throw new FetchError(from.href, error.code, `redirects to ${location}: ${error.reason}`);
    throw error;
  }
}

function first(value: string | string[] | undefined): string | null {
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined || one === '' ? null : one;
}

function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/, '');
}

function statusText(status: number | undefined): string {
  return (status !== undefined && STATUS_CODES[status]) || 'error';
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
