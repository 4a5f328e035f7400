// Which IP addresses a fetch may connect to. A news fetcher follows URLs that strangers wrote (feeds,
// sitemaps, redirects), so without this check a page could make us read the machine's own services,
// the LAN or a cloud metadata endpoint. Only globally routable unicast passes: ipaddr.js names every
// special range, and an IPv4 address wrapped in IPv6 (::ffff:127.0.0.1) is judged as the IPv4 it is.
import ipaddr from 'ipaddr.js';

/** Human names for ipaddr.js range names, used in refusal messages ("127.0.0.1 is a loopback address"). */
const RANGE_NAMES: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  uniqueLocal: 'a unique-local address',
  reserved: 'a reserved address',
};

/** The ipaddr.js range of an address, IPv4-mapped IPv6 judged as its IPv4; null if it is not an IP. */
export function addressRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  return parsed.range();
}

/** True when the address is ordinary public unicast, the only kind a fetch may reach by default. */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === 'unicast';
}

/** "127.0.0.1 is a loopback address": what the address is, for a refusal message. */
export function describeAddress(address: string): string {
  const range = addressRange(address);
  if (range === null) return `${address} is not an IP address`;
  if (range === 'unicast') return `${address} is refused by the address policy`;
  return `${address} is ${RANGE_NAMES[range] ?? `a special-purpose address (${range})`}`;
}
