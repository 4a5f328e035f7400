// How long to wait before trying a request again: exponential backoff (1x, 2x, 4x the base) with up
// to 10% jitter so many fetchers do not retry in lockstep, unless the server said how long itself
// (Retry-After, in seconds or as an HTTP date, on 429 and 503).

/** Backoff before retry number `retry` (0 = the first retry); `random` in [0, 1) gives the jitter. */
export function backoffDelay(baseMs: number, retry: number, random: number = Math.random()): number {
  return Math.round(baseMs * 2 ** retry * (1 + 0.1 * random));
}

/** Milliseconds a Retry-After header asks for (never negative), or null when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, now: number = Date.now()): number | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
