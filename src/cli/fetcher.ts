// The fetcher every command that fetches uses, built from the settings (src/config.ts).
import { setting } from '../config.js';
import { Fetcher } from '../ingest/fetch/index.js';

export function fetcherFromSettings(allowPrivateNetwork: boolean): Fetcher {
  return new Fetcher({
    allowPrivateNetwork,
    perHostDelayMs: setting('fetchDelayMs'),
    perHostConcurrency: setting('fetchConcurrencyPerHost'),
    timeoutMs: setting('fetchTimeoutMs'),
    maxBytes: setting('fetchMaxBytes'),
  });
}
