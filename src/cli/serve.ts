// `storyline serve` (and the end of `storyline demo`): check the flags, serve until SIGINT/SIGTERM.
import { UsageError } from '../domain/index.js';
import { setting } from '../config.js';
import { openStore, resolveDbPath } from '../main.js';

/** The flags given; what is missing comes from the environment or the defaults (src/config.ts). */
export interface ServeFlags {
  db?: string;
  port?: string;
  host?: string;
  token?: string;
}

/** Serves until the process is told to stop; `path` is the page to print the address of. */
export async function serveUntilStopped(flags: ServeFlags, path = '/'): Promise<number> {
  // The HTTP stack loads only for the commands that serve: the others start faster without it.
  const { isLoopbackHost, startServer } = await import('../api/index.js');
  if (flags.port !== undefined && (!/^\d+$/.test(flags.port) || Number(flags.port) > 65_535)) throw new UsageError(`--port must be a number from 0 to 65535, not "${flags.port}"`);
  const port = setting('port', flags.port === undefined ? undefined : Number(flags.port));
  const host = setting('host', flags.host);
  const token = setting('token', flags.token) ?? undefined;
  if (!token && !isLoopbackHost(host)) {
    throw new UsageError(`--host ${host} is reachable from other machines: give --token TOKEN (or set $STORYLINE_TOKEN), or serve on 127.0.0.1`);
  }
  const store = await openStore(resolveDbPath(flags.db));
  try {
    const server = await startServer({ store, host, port, ...(token ? { token } : {}) });
    process.stdout.write(`Serving Storyline at ${server.url}${path}${token ? ' (API calls need Authorization: Bearer TOKEN)' : ''}; Ctrl-C stops\n`);
    await stopSignal();
    await server.close();
    return 0;
  } finally {
    await store.close();
  }
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
