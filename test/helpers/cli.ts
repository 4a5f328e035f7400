// Runs the real `storyline` binary on a temporary database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
export const SEEDS_DIR = join(REPO_ROOT, 'examples', 'seeds');
export const SHARED_DATA = resolve(REPO_ROOT, '..', 'shared', 'data');
const BIN = join(REPO_ROOT, 'bin', 'storyline.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...env },
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'storyline-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function tempDb(): string {
  return join(tempDir(), 'test.db');
}

/**
 * Runs `main(argv)` in this process, stdout and stderr captured and `env` set for the call: what the
 * binary does, without starting a process (a few hundred milliseconds each). Keep `runCli` for the few
 * true end-to-end runs and for what needs a process (signals, exit codes of the binary itself).
 */
export async function runMain(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  const captured = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  // The CLI writes strings only. The test runner of a file run in its own process reports to the
  // parent through this stdout as serialized Buffers, possibly while a command runs: pass those on.
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (typeof chunk !== 'string') return (writes[stream] as (...a: unknown[]) => boolean).call(process[stream], chunk, ...rest);
      captured[stream] += chunk;
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const code = await main(args);
    return { code, ...captured };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
