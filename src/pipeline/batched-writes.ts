// Groups an ingest's writes into batches: one durable commit per 250 articles or per second,
// whichever comes first. A commit per article rewrote the same index pages to the write-ahead log
// article after article (a third of an ingest's time); a kill now loses at most one batch, which
// re-running the ingest adds back.
import type { StoryStore } from '../store/index.js';
import { decideStoryTitles } from './story-titles.js';

export interface BatchLimits {
  articles: number;
  milliseconds: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { articles: 250, milliseconds: 1000 };

export class BatchedWrites {
  private count = 0;
  private startedAt = 0;
  private open = false;

  constructor(
    private readonly store: StoryStore,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  ) {}

  /** Call before each document: starts a batch, or commits a full one and starts the next. */
  async next(): Promise<void> {
    if (this.open && (this.count >= this.limits.articles || Date.now() - this.startedAt >= this.limits.milliseconds)) await this.commit();
    if (!this.open) {
      await this.store.beginBatch();
      this.open = true;
      this.startedAt = Date.now();
    }
    this.count++;
  }

  /** Commits what the batch holds (at the end of an ingest). */
  async commit(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.count = 0;
    // The stories the batch changed are titled in its transaction: they commit with their articles.
    await decideStoryTitles(this.store);
    await this.store.commitBatch();
  }
}
