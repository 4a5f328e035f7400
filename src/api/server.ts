// Runs the app on a port (0 picks a free one) and stops it cleanly.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { setting } from '../config.js';
import { AnalysisPool } from '../pipeline/index.js';
import { createApp, type AppOptions } from './app.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The server analyses posted articles on a pool of threads (settings analysisThreads, analysisMaxRequests, analysisTimeoutMs). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function startServer(options: AppOptions & { host: string; port: number }): Promise<RunningServer> {
  const pool = options.analyzeAll
    ? null
    : new AnalysisPool({ workers: setting('analysisThreads'), maxRequests: setting('analysisMaxRequests'), timeoutMs: setting('analysisTimeoutMs') });
  const app = createApp({ ...options, ...(pool ? { analyzeAll: (docs) => pool.analyzeAll(docs) } : {}) });
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolvePromise({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }).then(() => pool?.close()),
      });
    });
    // Idle keep-alive connections are kept longer than clients keep theirs (undici: 4 s; proxies: up to
    // 60 s): a server closing first races a client's next request on the same socket (ECONNRESET).
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
    }
    server.once('error', (err) => {
      void pool?.close();
      reject(err);
    });
  });
}

/** Loopback addresses: the only ones served without a token. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
