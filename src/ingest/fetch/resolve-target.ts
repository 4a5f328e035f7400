// Where a URL may be fetched from: http/https only; the host resolved (or taken as the IP literal it
// is) and EVERY address it resolves to checked before any connection, so one public record among
// private ones cannot slip through. The caller connects to the returned, checked address and no
// other. Run again for every redirect hop.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { describeAddress } from './address-policy.js';
import { FetchError } from './fetch-error.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

export async function systemLookup(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/** Parses a URL the fetcher may request, or says why not ('bad-url', 'unsupported-scheme'). */
export function parseFetchUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (error) {
    throw new FetchError(text, 'bad-url', 'not a valid URL', { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(url.href, 'unsupported-scheme', `unsupported scheme '${url.protocol.replace(/:$/, '')}': only http and https are fetched`);
  }
  if (url.hostname === '') throw new FetchError(url.href, 'bad-url', 'the URL has no host');
  return url;
}

export interface AddressCheck {
  lookup: Lookup;
  /** null: every address is allowed (--allow-private-network). */
  isAllowed: ((address: string, family: 4 | 6) => boolean) | null;
}

/** The address to connect to, after checking every address the host has. */
export async function resolveTarget(url: URL, check: AddressCheck): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal !== 0) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await check.lookup(host);
    } catch (error) {
      const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
      throw new FetchError(url.href, 'dns', `could not resolve ${host}${code ? ` (${code})` : ''}`, { cause: error });
    }
  }
  const first = addresses[0];
  if (!first) throw new FetchError(url.href, 'dns', `${host} resolved to no address`);
  if (check.isAllowed) {
    for (const { address, family } of addresses) {
      if (!check.isAllowed(address, family)) {
        throw new FetchError(url.href, 'private-address', `refused: ${describeAddress(address)} (pass --allow-private-network to allow)`);
      }
    }
  }
  return first;
}
