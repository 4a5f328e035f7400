// A bounded cache of cluster candidates by article id: story members are compared with article
// after article, and reading one back means parsing its stored analysis.
import type { ClusterCandidate } from '../story-store.js';

/**
 * A candidate is its comparison features (about 5 KB in memory): 20,000 cost about 100 MB and keep a
 * 30,000-article store's candidates cached (5,000 missed often enough that re-reading them was a
 * quarter of an ingest at 30k).
 */
const MAX_ENTRIES = 20_000;

export class CandidateCache {
  private readonly entries = new Map<string, ClusterCandidate>();

  get(id: string): ClusterCandidate | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(id: string, candidate: ClusterCandidate): void {
    this.entries.set(id, candidate);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  /** A merged story's members now belong to its successor. */
  moveStory(from: string, to: string): void {
    for (const c of this.entries.values()) if (c.storyId === from) c.storyId = to;
  }
}
