// The fetch module's public surface: a polite, safe HTTP(S) fetcher for pages, feeds and sitemaps.
export { Fetcher } from './fetcher.js';
export type { FetcherOptions, FetchRequest, FetchResponse } from './fetch-types.js';
export { FetchError, type FetchErrorCode } from './fetch-error.js';
export { addressRange, describeAddress, isPublicAddress } from './address-policy.js';
export { DEFAULT_USER_AGENT } from './user-agent.js';
export { postJson, type PostJsonOptions } from './post-json.js';
export { parseFetchUrl } from './resolve-target.js';
