// The job queue of `ingest --workers` on PostgreSQL (table ingest_jobs, migration 3): the parent
// enqueues a run's documents, worker processes claim them. Claims skip rows another worker holds
// (FOR UPDATE SKIP LOCKED), so workers never wait for each other here. A claimed job is leased: its
// worker renews the lease while it works; a worker that dies stops renewing, and once the lease has
// run out any worker claims the job again. A job claimed `maxAttempts` times without finishing (its
// workers kept dying, or the database kept refusing it) is failed with the last error kept.
import type pg from 'pg';
import type { RawDocument } from '../../domain/index.js';
import { openPostgres, type PostgresOptions } from './connection.js';
import { migratePostgres } from './migrate.js';

export type JobResult = 'added' | 'copy' | 'duplicate';

export interface Job {
  id: number;
  runId: string;
  document: RawDocument;
  origin: string;
  /** Claims so far, this one included. */
  attempts: number;
}

export interface RunCounts {
  queued: number;
  running: number;
  added: number;
  copies: number;
  duplicates: number;
  failed: number;
}

export interface JobQueueOptions {
  /** Seconds a claim lasts unless renewed (default 60). */
  leaseSeconds?: number;
  /** Claims before a job that never finishes is failed (default 3). */
  maxAttempts?: number;
}

export class JobQueue {
  readonly leaseSeconds: number;
  readonly maxAttempts: number;

  constructor(
    private readonly pool: pg.Pool,
    options: JobQueueOptions = {},
    private readonly ownsPool = false,
  ) {
    this.leaseSeconds = options.leaseSeconds ?? 60;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  /** A queue on its own small pool at `url`, the schema migrated. */
  static async open(url: string, options: JobQueueOptions & PostgresOptions = {}): Promise<JobQueue> {
    const pool = openPostgres(url, { max: 2, ...options });
    try {
      await migratePostgres(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new JobQueue(pool, options, true);
  }

  /** Enqueues documents under `runId` in one statement (one transaction): all of them or none. */
  async enqueue(runId: string, documents: RawDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.pool.query(
      'INSERT INTO ingest_jobs (run_id, document, origin) SELECT $1, d, d ->> \'origin\' FROM unnest($2::jsonb[]) WITH ORDINALITY AS x(d, n) ORDER BY n',
      [runId, documents.map((d) => JSON.stringify(d))],
    );
  }

  /**
   * Claims up to `limit` jobs, oldest first: queued ones, and running ones whose lease ran out. A
   * claim past `maxAttempts` fails its job instead of returning it.
   */
  async claim(workerId: string, limit: number): Promise<Job[]> {
    const rows = (await this.pool.query<{ id: number; run_id: string; document: RawDocument; origin: string; attempts: number }>(
      `WITH c AS (
         SELECT id FROM ingest_jobs
         WHERE state IN ('queued', 'running') AND (state = 'queued' OR lease_until < now())
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED),
       failed AS (
         UPDATE ingest_jobs j SET state = 'failed', locked_by = NULL, lease_until = NULL, updated_at = now(),
           error = COALESCE(j.error, 'its worker stopped before finishing it') || format(' (claimed %s times)', j.attempts)
         FROM c WHERE j.id = c.id AND j.attempts >= $4)
       UPDATE ingest_jobs j SET state = 'running', attempts = j.attempts + 1, locked_by = $1,
         lease_until = now() + make_interval(secs => $3), updated_at = now()
       FROM c WHERE j.id = c.id AND j.attempts < $4
       RETURNING j.id, j.run_id, j.document, j.origin, j.attempts`,
      [workerId, limit, this.leaseSeconds, this.maxAttempts],
    )).rows;
    return rows.sort((a, b) => a.id - b.id).map((r) => ({ id: r.id, runId: r.run_id, document: r.document, origin: r.origin, attempts: r.attempts }));
  }

  /** Extends the leases of the jobs this worker holds; returns how many it still holds. */
  async renew(workerId: string): Promise<number> {
    return (await this.pool.query(
      "UPDATE ingest_jobs SET lease_until = now() + make_interval(secs => $2) WHERE locked_by = $1 AND state = 'running'",
      [workerId, this.leaseSeconds],
    )).rowCount ?? 0;
  }

  /** The job is finished with `result`; false when this worker no longer held it (its lease ran out and another took it). */
  async complete(job: Job, workerId: string, result: JobResult): Promise<boolean> {
    return this.finish(job, workerId, 'done', result, null);
  }

  /** The job's document is not a usable article (or failed for good): failed with the reason. */
  async fail(job: Job, workerId: string, error: string): Promise<boolean> {
    return this.finish(job, workerId, 'failed', null, error);
  }

  private async finish(job: Job, workerId: string, state: 'done' | 'failed', result: JobResult | null, error: string | null): Promise<boolean> {
    return ((await this.pool.query(
      `UPDATE ingest_jobs SET state = $3, result = $4, error = $5, locked_by = NULL, lease_until = NULL, updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [job.id, workerId, state, result, error],
    )).rowCount ?? 0) > 0;
  }

  /**
   * Gives the job back for a later claim (the database refused it for now), the error kept; failed
   * when it has had its attempts.
   */
  async retry(job: Job, workerId: string, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE ingest_jobs SET state = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END, error = $4,
         locked_by = NULL, lease_until = NULL, updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [job.id, workerId, this.maxAttempts, error],
    );
  }

  /** Gives back jobs claimed but not started (a worker stopping): their claim does not count as an attempt. */
  async release(jobs: Job[], workerId: string): Promise<void> {
    if (jobs.length === 0) return;
    await this.pool.query(
      `UPDATE ingest_jobs SET state = 'queued', attempts = attempts - 1, locked_by = NULL, lease_until = NULL, updated_at = now()
       WHERE id = ANY($1) AND locked_by = $2 AND state = 'running'`,
      [jobs.map((j) => j.id), workerId],
    );
  }

  /** True when no job is queued or running (a running one may yet come back: its worker may die). */
  async idle(): Promise<boolean> {
    return (await this.pool.query("SELECT 1 FROM ingest_jobs WHERE state IN ('queued', 'running') LIMIT 1")).rowCount === 0;
  }

  /** How the run's jobs stand. */
  async counts(runId: string): Promise<RunCounts> {
    const rows = (await this.pool.query<{ state: string; result: JobResult | null; n: number }>(
      'SELECT state, result, count(*) AS n FROM ingest_jobs WHERE run_id = $1 GROUP BY state, result',
      [runId],
    )).rows;
    const counts: RunCounts = { queued: 0, running: 0, added: 0, copies: 0, duplicates: 0, failed: 0 };
    for (const r of rows) {
      if (r.state === 'queued') counts.queued += r.n;
      else if (r.state === 'running') counts.running += r.n;
      else if (r.state === 'failed') counts.failed += r.n;
      else if (r.result === 'duplicate') counts.duplicates += r.n;
      else {
        // A copy is added too, as ingest counts it.
        counts.added += r.n;
        if (r.result === 'copy') counts.copies += r.n;
      }
    }
    return counts;
  }

  /** The run's failed jobs, in input order: where each came from and why. */
  async failures(runId: string): Promise<Array<{ origin: string; error: string }>> {
    return (await this.pool.query<{ origin: string; error: string | null }>(
      "SELECT origin, error FROM ingest_jobs WHERE run_id = $1 AND state = 'failed' ORDER BY id",
      [runId],
    )).rows.map((r) => ({ origin: r.origin, error: r.error ?? 'failed' }));
  }

  /** Deletes the run's finished jobs (their documents are stored; the summary has been read); failed ones stay for inspection. */
  async forgetDone(runId: string): Promise<void> {
    await this.pool.query("DELETE FROM ingest_jobs WHERE run_id = $1 AND state = 'done'", [runId]);
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
