// Analysis off the caller's thread: a fixed number of worker threads analyse documents, so that a
// server keeps answering (health, reads) while a large or hostile article is analysed. Each document
// has a time budget: a thread that overruns it is stopped and replaced, and the document is refused
// with that reason. Admission is bounded: when too many requests already wait, the caller is told to
// come back later rather than queued without end.
import { Worker } from 'node:worker_threads';
import { InputError, type EnrichedArticle, type RawDocument } from '../domain/index.js';
import type { AnalysisReply, AnalysisRequest } from './analysis-worker.js';

/** A thread sends this once it has loaded the analysis code: loading does not count against a document's budget. */
export const READY = 'ready';

export interface AnalysisPoolOptions {
  /** Analysis threads. */
  workers: number;
  /** Requests (calls of `analyzeAll`) allowed to wait or run at once; more are refused with PoolBusyError. */
  maxRequests: number;
  /** Longest one document may take before its thread is stopped and the document refused. */
  timeoutMs: number;
  now?: () => Date;
}

/** Every admitted request is being served: the caller should try again later. */
export class PoolBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('every analysis slot is taken: try again shortly');
    this.name = 'PoolBusyError';
  }
}

interface Job {
  request: AnalysisRequest;
  settle(result: EnrichedArticle | InputError): void;
}

interface Slot {
  worker: Worker;
  /** The thread has loaded the analysis code and takes documents. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

// Run from the sources (tsx), a thread must register tsx itself before loading the worker module:
// loader hooks are not inherited by worker threads, and Node 20 ignores --import in a worker's execArgv.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './analysis-worker.ts' : './analysis-worker.js', import.meta.url);
const TSX_BOOTSTRAP = FROM_SOURCE ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });` : '';

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private admitted = 0;
  private nextId = 1;
  private closed = false;
  private restartCount = 0;

  constructor(private readonly options: AnalysisPoolOptions) {
    if (options.workers < 1) throw new RangeError('an analysis pool needs at least one thread');
  }

  /** Threads stopped for overrunning their budget or failing, and replaced. */
  get restarts(): number {
    return this.restartCount;
  }

  /**
   * Each document's analysis, or the InputError saying why it is not a usable article, in the order
   * given. Throws PoolBusyError, before any work, when `maxRequests` requests are already in.
   */
  async analyzeAll(docs: RawDocument[]): Promise<Array<EnrichedArticle | InputError>> {
    if (this.closed) throw new Error('the analysis pool is closed');
    if (this.admitted >= this.options.maxRequests) throw new PoolBusyError(Math.max(1, Math.ceil(this.options.timeoutMs / 1000 / 4)));
    this.admitted++;
    // Threads start with the first request: a server that is only read never loads them.
    while (this.slots.length < this.options.workers) this.slots.push(this.startSlot());
    try {
      return await Promise.all(docs.map((doc) => this.analyze(doc)));
    } finally {
      this.admitted--;
    }
  }

  /** Stops every thread; documents still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.settle(new InputError(job.request.doc.origin, 'not analysed: the server is stopping'));
    await Promise.all(
      this.slots.map((slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.job?.settle(new InputError(slot.job.request.doc.origin, 'not analysed: the server is stopping'));
        slot.job = null;
        return slot.worker.terminate();
      }),
    );
  }

  private analyze(doc: RawDocument): Promise<EnrichedArticle | InputError> {
    return new Promise((settle) => {
      const nowIso = (this.options.now?.() ?? new Date()).toISOString();
      this.waiting.push({ request: { id: this.nextId++, doc, nowIso }, settle });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (slot.job || !slot.ready) continue;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.overrun(slot), this.options.timeoutMs);
      slot.worker.postMessage(job.request);
    }
  }

  private startSlot(): Slot {
    const worker = FROM_SOURCE ? new Worker(TSX_BOOTSTRAP, { eval: true }) : new Worker(WORKER_URL);
    // An idle thread must not keep a finished process (a test, a CLI run) alive.
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on('message', (reply: AnalysisReply | typeof READY) => {
      if (reply !== READY) return this.finish(slot, reply);
      slot.ready = true;
      this.dispatch();
    });
    worker.on('error', (err) => this.replace(slot, `analysis failed (${err.message})`));
    worker.on('exit', () => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, 'analysis thread stopped');
    });
    return slot;
  }

  private finish(slot: Slot, reply: AnalysisReply): void {
    const job = slot.job;
    if (!job || job.request.id !== reply.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job.settle('enriched' in reply ? reply.enriched : new InputError(reply.refused.origin, reply.refused.reason));
    this.dispatch();
  }

  private overrun(slot: Slot): void {
    this.replace(slot, `analysis took longer than ${this.options.timeoutMs / 1000} s: refused (a page this costly is not analysed)`);
  }

  /** Refuses the slot's document with `reason`, stops its thread and starts a fresh one in its place. */
  private replace(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    this.slots[index] = this.startSlot();
    this.restartCount++;
    void slot.worker.terminate();
    job?.settle(new InputError(job.request.doc.origin, reason));
    this.dispatch();
  }
}
