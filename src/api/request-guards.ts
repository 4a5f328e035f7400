// Checks every request passes before any route: a Host this server answers to (a page on a foreign
// name that resolves to loopback, DNS rebinding, must not reach a tokenless API), and a path whose
// percent-encoding decodes (a malformed one is the client's mistake, not a 500).
import type { MiddlewareHandler } from 'hono';
import { ApiError, badRequest } from './errors.js';

/** Loopback names, served on any port. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header or an allow-list entry: lowercase, without port or trailing dot, IPv6 in brackets. */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  // A bare IPv6 address (an allow-list entry such as ::1): its colons are not a port.
  if (!lower.startsWith('[') && (lower.match(/:/g) ?? []).length > 1) return `[${lower}]`;
  const name = lower.startsWith('[') ? lower.slice(0, lower.indexOf(']') + 1) : lower.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/** The Host the client named; `app.request()` without one names its URL's (localhost). */
export function requestHost(request: Request): string {
  return request.headers.get('host') ?? new URL(request.url).host;
}

/** Requests naming a Host outside loopback and `allowed` are 421 Misdirected Request. */
export function requireAllowedHost(allowed: string[]): MiddlewareHandler {
  const names = new Set([...LOOPBACK_HOSTS, ...allowed].map(hostName));
  return async (c, next) => {
    const host = requestHost(c.req.raw);
    if (!names.has(hostName(host))) {
      throw new ApiError(421, 'misdirected_request', `this server does not answer to host "${host.slice(0, 100)}" (serve --public-url or --allowed-host names it)`);
    }
    await next();
  };
}

/** A path that does not percent-decode is 400 on every route, before a route decodes it. */
export function requireDecodablePath(): MiddlewareHandler {
  return async (c, next) => {
    try {
      decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      throw badRequest('malformed percent-encoding in the path');
    }
    await next();
  };
}

/** Where absolute links point: the public URL when configured, else the allowed Host the request named. */
export function publicOrigin(request: Request, publicUrl?: string): string {
  return publicUrl ?? `${new URL(request.url).protocol}//${requestHost(request)}`;
}
