// `storyline serve` (and the end of `storyline demo`): check the flags, serve until SIGINT/SIGTERM.
import { UsageError } from '../domain/index.js';
import { openStore, resolveDbPath } from '../main.js';

export interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  token?: string;
}

export const DEFAULT_PORT = '8080';
export const DEFAULT_HOST = '127.0.0.1';

/** Serves until the process is told to stop; `path` is the page to print the address of. */
export async function serveUntilStopped(flags: ServeFlags, path = '/'): Promise<number> {
  // The HTTP stack loads only for the commands that serve: the others start faster without it.
  const { isLoopbackHost, startServer } = await import('../api/index.js');
  const port = Number(flags.port);
  if (!/^\d+$/.test(flags.port) || port > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${flags.port}"`);
  const token = flags.token ?? process.env.STORYLINE_TOKEN ?? undefined;
  if (!token && !isLoopbackHost(flags.host)) {
    throw new UsageError(`--host ${flags.host} is reachable from other machines: give --token TOKEN (or set $STORYLINE_TOKEN), or serve on 127.0.0.1`);
  }
  const store = openStore(resolveDbPath(flags.db));
  try {
    const server = await startServer({ store, host: flags.host, port, ...(token ? { token } : {}) });
    process.stdout.write(`Serving Storyline at ${server.url}${path}${token ? ' (API calls need Authorization: Bearer TOKEN)' : ''}; Ctrl-C stops\n`);
    await stopSignal();
    await server.close();
    return 0;
  } finally {
    store.close();
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
