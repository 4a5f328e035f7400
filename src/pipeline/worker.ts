// An ingest worker (`storyline worker`): claims documents from the PostgreSQL job queue and ingests
// them one article per transaction (no batch: other workers must see each article as soon as it is
// placed, and a batch would hold its placement locks until it commits). Several workers on one
// database place related articles one after the other: the store's placement locks see to it.
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from '../domain/index.js';
import { storeErrorOf, type StoryStore } from '../store/index.js';
import type { Job, JobQueue, JobResult } from '../store/postgres/job-queue.js';
import { emptySummary, ingestOne, type IngestOptions } from './ingest.js';
import { recordAlertMatches } from './alert-matching.js';
import { decideStoryTitles } from './story-titles.js';

export interface WorkerOptions {
  /** The worker's name in the queue (locked_by). */
  id: string;
  /** End once no job is queued or running, instead of waiting for more. */
  exitWhenIdle?: boolean;
  /** Stops the worker after its current job; the jobs it claimed but did not start go back to the queue. */
  signal?: AbortSignal;
  /** Jobs claimed at once (default 4): few, so that a dying worker holds few leases. */
  claimSize?: number;
  /** Wait between claims while the queue is empty (default 500 ms). */
  pollMs?: number;
  /** Called after every `progressEvery` jobs (default 100) with the count so far. */
  onProgress?(done: number): void;
  progressEvery?: number;
  ingest?: Pick<IngestOptions, 'cluster' | 'progress' | 'now'>;
}

/** Decides the titles of the stories written since, at most this often: a story's title reads all of it. */
const TITLE_EVERY_MS = 1000;

/** Runs until stopped (or idle, with `exitWhenIdle`); returns the number of jobs it finished. */
export async function runWorker(queue: JobQueue, store: StoryStore, options: WorkerOptions): Promise<number> {
  const { id, signal } = options;
  const every = options.progressEvery ?? 100;
  let done = 0;
  let titledAt = Date.now();
  // Leases are renewed well before they run out; a failed renewal is tried again at the next tick.
  const renewal = setInterval(() => void queue.renew(id).catch(() => {}), (queue.leaseSeconds * 1000) / 3);
  renewal.unref();
  try {
    while (!signal?.aborted) {
      const jobs = await queue.claim(id, options.claimSize ?? 4);
      if (jobs.length === 0) {
        await decideStoryTitles(store);
        if (options.exitWhenIdle && (await queue.idle())) break;
        await sleep(options.pollMs ?? 500, undefined, signal ? { signal } : {}).catch(() => {});
        continue;
      }
      for (const [i, job] of jobs.entries()) {
        if (signal?.aborted) {
          await queue.release(jobs.slice(i), id);
          break;
        }
        await runJob(queue, store, job, options);
        if (++done % every === 0) options.onProgress?.(done);
      }
      if (Date.now() - titledAt >= TITLE_EVERY_MS) {
        await decideStoryTitles(store);
        titledAt = Date.now();
      }
    }
    await decideStoryTitles(store);
  } finally {
    clearInterval(renewal);
  }
  return done;
}

/**
 * One job: its document ingested, the job finished with the outcome. Bad input fails the job (trying
 * again would fail again); a database refusing for now gives it back for a later claim; any other
 * database failure gives it back and stops the worker (the next claims would fail too).
 */
async function runJob(queue: JobQueue, store: StoryStore, job: Job, options: WorkerOptions): Promise<void> {
  const summary = emptySummary();
  try {
    await ingestOne(job.document, store, summary, options.ingest ?? {});
    // Alerts are matched as at any ingest, right after the article commits.
    await recordAlertMatches(store, summary.addedIds, new Date());
  } catch (err) {
    const storeError = storeErrorOf(err);
    const message = (storeError ?? (err as Error)).message;
    await queue.retry(job, options.id, message).catch(() => {});
    if (storeError instanceof StoreError && storeError.retryable) return;
    throw storeError ?? err;
  }
  const failed = summary.failed[0];
  if (failed) await queue.fail(job, options.id, failed.reason);
  else await queue.complete(job, options.id, resultOf(summary));
}

function resultOf(summary: { added: number; copies: number }): JobResult {
  if (summary.added === 0) return 'duplicate';
  return summary.copies ? 'copy' : 'added';
}
