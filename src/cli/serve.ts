// `storyline serve` (and the end of `storyline demo`): check the flags, serve until SIGINT/SIGTERM.
import { UsageError } from '../domain/index.js';
import { resolveSetting, setting } from '../config.js';
import { openStore, resolveDbPath } from '../main.js';

/** The flags given; what is missing comes from the environment or the defaults (src/config.ts). */
export interface ServeFlags {
  db?: string;
  port?: string;
  host?: string;
  token?: string;
  publicUrl?: string;
  allowedHost?: string[];
}

/** Shorter tokens are guessable; and one of spaces alone started a server nobody could use. */
const MIN_TOKEN_CHARS = 16;
/** Listening on every interface names no host clients would send. */
const WILDCARD_HOSTS = ['0.0.0.0', '::', '[::]'];

/** Serves until the process is told to stop; `path` is the page to print the address of. */
export async function serveUntilStopped(flags: ServeFlags, path = '/'): Promise<number> {
  // The HTTP stack loads only for the commands that serve: the others start faster without it.
  const { isLoopbackHost, startServer } = await import('../api/index.js');
  if (flags.port !== undefined && (!/^\d+$/.test(flags.port) || Number(flags.port) > 65_535)) throw new UsageError(`--port must be a number from 0 to 65535, not "${flags.port}"`);
  const port = setting('port', flags.port === undefined ? undefined : Number(flags.port));
  const host = setting('host', flags.host);
  const token = checkedToken(flags.token);
  if (!token && !isLoopbackHost(host)) {
    throw new UsageError(`--host ${host} is reachable from other machines: give --token TOKEN (or set $STORYLINE_TOKEN), or serve on 127.0.0.1`);
  }
  const publicUrl = setting('publicUrl', flags.publicUrl) ?? undefined;
  // Requests must name loopback, the public URL's host, an allowed name, or the address listened on.
  const allowedHosts = [...setting('allowedHosts', flags.allowedHost), ...(WILDCARD_HOSTS.includes(host) ? [] : [host])];
  if (WILDCARD_HOSTS.includes(host) && !publicUrl && allowedHosts.length === 0) {
    process.stderr.write(`note: requests naming other hosts than localhost, 127.0.0.1 or [::1] are refused (421): give --public-url URL or --allowed-host NAME for the names clients use\n`);
  }
  const store = await openStore(resolveDbPath(flags.db));
  try {
    const server = await startServer({ store, host, port, allowedHosts, ...(publicUrl ? { publicUrl } : {}), ...(token ? { token } : {}) });
    process.stdout.write(`Serving Storyline at ${server.url}${path}${token ? ' (API calls need Authorization: Bearer TOKEN)' : ''}; Ctrl-C stops\n`);
    await stopSignal();
    await server.close();
    return 0;
  } finally {
    await store.close();
  }
}

/** The token, trimmed as the Authorization header is; one under MIN_TOKEN_CHARS is a usage error. */
function checkedToken(flag: string | undefined): string | undefined {
  const { value, source } = resolveSetting('token', flag);
  if (value === null) return undefined;
  const token = value.trim();
  if (token.length < MIN_TOKEN_CHARS) {
    throw new UsageError(`${source === 'flag' ? '--token' : '$STORYLINE_TOKEN'}: a token must be at least ${MIN_TOKEN_CHARS} characters (spaces around it not counted), not ${token.length}`);
  }
  return token;
}

function stopSignal(): Promise<void> {
  return new Promise((resolvePromise) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolvePromise();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
