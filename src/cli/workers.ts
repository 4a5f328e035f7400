// `storyline worker` and `storyline ingest --workers N` (PostgreSQL only): the parent reads the inputs
// into the job queue under a run id, starts N worker processes of this same binary, waits for them,
// and prints the run's summary from its jobs, as a single-process ingest prints its own.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, StoreError, UsageError, type RawDocument } from '../domain/index.js';
import { listInputFiles, readInputFile } from '../ingest/index.js';
import { describeDb, isPostgresUrl, openStore } from '../main.js';
import { backfillFeatures, backfillStoryTitles, runWorker } from '../pipeline/index.js';
import { storeErrorOf } from '../store/index.js';
import { JobQueue, type JobQueueOptions } from '../store/postgres/index.js';
import { progressReporter } from './progress.js';

/** Documents per enqueue: one statement, one transaction each; memory stays flat whatever the input. */
const ENQUEUE_CHUNK = 200;
/** The binary's own V8 flags (bin/storyline.mjs's first line): a worker is an ingest. */
const NODE_FLAGS = ['--max-semi-space-size=64', '--heap-growing-percent=50'];
/** Rounds of workers started while the run has unfinished jobs (a round ended early: all its workers died). */
const MAX_ROUNDS = 3;

export const EXIT_CODES = { ok: 0, badInput: 1, store: 3 } as const;

/** The queue at `db`, or a StoreError naming the database (as openStore). */
async function openQueue(db: string, options: JobQueueOptions = {}): Promise<JobQueue> {
  try {
    return await JobQueue.open(db, options);
  } catch (err) {
    throw new StoreError(`${describeDb(db)}: cannot open the job queue (${(err as Error).message})`, storeErrorOf(err)?.retryable ?? false, { cause: err });
  }
}

export function requirePostgres(db: string, what: string): void {
  if (!isPostgresUrl(db)) {
    throw new UsageError(`${what} needs a PostgreSQL database (--db postgres://…): ${describeDb(db)} is a SQLite file, which has one writer at a time, so workers would only take turns`);
  }
}

export interface WorkerFlags {
  exitWhenIdle?: boolean;
  id?: string;
  lease?: number;
}

/** `storyline worker`: claims jobs until SIGINT/SIGTERM (its current job finished first) or, with --exit-when-idle, an empty queue. */
export async function runWorkerCommand(db: string, flags: WorkerFlags): Promise<number> {
  requirePostgres(db, 'worker');
  const id = flags.id ?? `${hostname()}:${process.pid}`;
  const queue = await openQueue(db, flags.lease !== undefined ? { leaseSeconds: flags.lease } : {});
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const store = await openStore(db);
    try {
      const done = await runWorker(queue, store, {
        id,
        exitWhenIdle: flags.exitWhenIdle ?? false,
        signal: stop.signal,
        onProgress: (n) => process.stdout.write(`worker ${id}: ${n} jobs done\n`),
        ingest: { progress: { onWarning: (origin, message) => process.stderr.write(`warning: ${origin}: ${message}\n`) } },
      });
      process.stdout.write(`worker ${id}: stopped after ${done} jobs${stop.signal.aborted ? ' (signal)' : ''}\n`);
      return EXIT_CODES.ok;
    } finally {
      await store.close();
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await queue.close();
  }
}

export interface ParallelIngestFlags {
  workers: number;
  quiet?: boolean;
  /** The command that starts a worker (tests); default: this binary's `worker`. */
  workerCommand?: string[];
}

/** `storyline ingest PATHS --workers N`: exit code as ingest's (0, 1 when some input failed, 3 when the database failed or jobs were left undone). */
export async function runParallelIngest(paths: string[], db: string, flags: ParallelIngestFlags): Promise<number> {
  requirePostgres(db, '--workers');
  // What an ingest does first, once, before any worker starts.
  const store = await openStore(db);
  try {
    await backfillFeatures(store);
    await backfillStoryTitles(store);
  } finally {
    await store.close();
  }
  const queue = await openQueue(db);
  const runId = randomUUID();
  const progress = progressReporter(false);
  const readFailures: InputError[] = [];
  let started: Array<Promise<number | null>> = [];
  const startWorkers = () => {
    started = Array.from({ length: flags.workers }, (_, i) => startWorker(db, `${runId.slice(0, 8)}-${i + 1}`, flags.workerCommand));
  };
  try {
    let chunk: RawDocument[] = [];
    const flush = async () => {
      await queue.enqueue(runId, chunk);
      chunk = [];
      // Workers start with the first chunk: reading the rest overlaps their work.
      if (started.length === 0) startWorkers();
    };
    for (const item of await listInputFiles(paths)) {
      if ('error' in item) {
        readFailures.push(item.error);
        progress.onError?.(item.error);
        continue;
      }
      for await (const read of readInputFile(item)) {
        if (read.kind === 'error') {
          readFailures.push(read.error);
          progress.onError?.(read.error);
        } else if (read.kind === 'warning') progress.onWarning?.(read.origin, read.message);
        else {
          chunk.push(read.doc);
          if (chunk.length >= ENQUEUE_CHUNK) await flush();
        }
      }
    }
    if (chunk.length) await flush();
    // A worker that found the queue empty between two chunks has ended early, and a round whose
    // workers all died leaves leased jobs: another round finishes them.
    let codes = await Promise.all(started);
    for (let round = 1; round < MAX_ROUNDS && codes.every((c) => c !== EXIT_CODES.store); round++) {
      const left = await queue.counts(runId);
      if (left.queued + left.running === 0) break;
      startWorkers();
      codes = await Promise.all(started);
    }
    const counts = await queue.counts(runId);
    for (const f of await queue.failures(runId)) process.stderr.write(`error: ${f.origin}: ${f.error}\n`);
    const failed = counts.failed + readFailures.length;
    const copies = counts.copies ? ` (${counts.copies} of them ${counts.copies === 1 ? 'a copy' : 'copies'} of stored articles)` : '';
    process.stdout.write(`added ${counts.added}${copies}, skipped ${counts.duplicates} already stored, failed ${failed}\n`);
    const undone = counts.queued + counts.running;
    if (undone) {
      throw new StoreError(`${undone} documents of run ${runId} were left unprocessed: the workers stopped (exit codes ${codes.join(', ')})`, true);
    }
    await queue.forgetDone(runId);
    return failed ? EXIT_CODES.badInput : EXIT_CODES.ok;
  } finally {
    await Promise.all(started);
    await queue.close();
  }
}

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'storyline.mjs');

/** A worker process on `db` that exits when the queue is empty; resolves with its exit code (null when a signal ended it). */
function startWorker(db: string, id: string, command: string[] = [process.execPath, ...NODE_FLAGS, BIN, 'worker']): Promise<number | null> {
  const [file, ...args] = command;
  // Its lines go to our stderr: stdout carries the summary alone. The database comes through the
  // environment, not the command line, where other users' `ps` would show its password.
  const child = spawn(file!, [...args, '--exit-when-idle', '--id', id], { stdio: ['ignore', 2, 2], env: { ...process.env, STORYLINE_DB: db } });
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', (err) => {
      process.stderr.write(`storyline: cannot start a worker: ${err.message}\n`);
      resolve(EXIT_CODES.store);
    });
  });
}
