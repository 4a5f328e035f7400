// The address policy: only public unicast passes, and every refusal says what kind of address it was.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { describeAddress, isPublicAddress } from './address-policy.js';
import { backoffDelay, parseRetryAfter } from './retry-policy.js';

test('private, loopback, link-local, unique-local, CGNAT, multicast and reserved addresses are refused', () => {
  const refused: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.7', 'reserved'],
    // IPv4 wrapped in IPv6 is judged as the IPv4 it carries.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
  ];
  for (const [address, kind] of refused) {
    assert.equal(isPublicAddress(address), false, address);
    assert.match(describeAddress(address), new RegExp(`^${address.replace(/\./g, '\\.')} is an? ${kind} address$`), address);
  }
  for (const other of ['64:ff9b::7f00:1', '2002:7f00:1::1', 'not-an-ip']) assert.equal(isPublicAddress(other), false, other);
});

test('public unicast addresses pass, IPv4-mapped ones included', () => {
  for (const address of ['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
    assert.equal(isPublicAddress(address), true, address);
  }
});

test('Retry-After in seconds or as an HTTP date; backoff doubles with at most 10% jitter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', now), 30_000);
  assert.equal(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter(undefined, now), null);
  assert.deepEqual([0, 1, 2].map((n) => backoffDelay(1000, n, 0)), [1000, 2000, 4000]);
  assert.equal(backoffDelay(1000, 2, 0.999), 4400);
});
