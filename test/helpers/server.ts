// A real Storyline server on 127.0.0.1 (a free port) over a temporary database, and the CLI's
// long-running commands run as child processes until they print their address.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { ingestPaths } from '../../src/pipeline/index.js';
import { SqliteStoryStore, type StoryStore } from '../../src/store/index.js';
import { REPO_ROOT, SEEDS_DIR, tempDb } from './cli.js';

export interface TestServer extends RunningServer {
  store: StoryStore;
  db: string;
  stop(): Promise<void>;
}

export async function startTestServer(options: { seeds?: boolean; token?: string; maxBodyBytes?: number } = {}): Promise<TestServer> {
  const db = tempDb();
  const store = new SqliteStoryStore(db);
  if (options.seeds) await ingestPaths([SEEDS_DIR], store);
  const server = await startServer({ store, host: '127.0.0.1', port: 0, ...(options.token ? { token: options.token } : {}), ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
  return {
    ...server,
    store,
    db,
    stop: async () => {
      await server.close();
      await store.close();
    },
  };
}

export interface SpawnedServer {
  /** Everything printed up to and including the address line. */
  stdout: string;
  /** The server's origin (the printed address may name a page). */
  url: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Runs `storyline ARGS` until it prints "Serving Storyline at URL", or fails after the timeout. */
export function spawnServing(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'storyline.mjs'), ...args], { env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no address printed in ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Serving Storyline at (http:\/\/\S+?)(?:;|\s)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolvePromise({
        stdout,
        url: new URL(match[1]!).origin,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving; stdout: ${stdout}; stderr: ${stderr}`));
    });
  });
}
