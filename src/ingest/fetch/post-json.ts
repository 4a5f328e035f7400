// A JSON POST (webhooks), as safe as a fetch: the receiver's host resolved and every address checked (private
// ones refused unless allowed), the socket pinned to the checked address, one timer for the whole
// exchange. Redirects are not followed (a webhook answers where it was registered), and any answer
// but 2xx is a failure whose message names the URL and the status.
import { FetchError } from './fetch-error.js';
import { httpAttempt } from './http-attempt.js';
import { isPublicAddress } from './address-policy.js';
import { parseFetchUrl, resolveTarget, systemLookup, type Lookup } from './resolve-target.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

export interface PostJsonOptions {
  allowPrivateNetwork?: boolean;
  timeoutMs?: number;
  lookup?: Lookup;
}

/** The most of a receiver's answer read (it is not used). */
const ANSWER_BYTES = 64 * 1024;

export async function postJson(url: string, body: unknown, options: PostJsonOptions = {}): Promise<void> {
  const target = parseFetchUrl(url);
  const { address, family } = await resolveTarget(target, { lookup: options.lookup ?? systemLookup, isAllowed: options.allowPrivateNetwork ? null : isPublicAddress });
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const response = await httpAttempt({
    url: target,
    address,
    family,
    headers: { 'User-Agent': DEFAULT_USER_AGENT, 'Content-Type': 'application/json', 'Content-Length': String(payload.length) },
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: ANSWER_BYTES,
    truncate: true,
    postBody: payload,
  });
  if (response.status < 200 || response.status > 299) throw new FetchError(target.href, 'http-status', `webhook answered HTTP ${response.status}`, { status: response.status, retryable: true });
}
