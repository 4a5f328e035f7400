// Ranges of a text filed by position, so that "does any kept range overlap this one?" looks at the
// ranges nearby instead of all of them: an article of a megabyte holds tens of thousands of names and
// quotes, and comparing each with every one kept before is quadratic.

/** Characters per bucket: a range is filed under every bucket it touches. */
const BUCKET_CHARS = 256;

export class RangeBuckets<T> {
  private readonly buckets = new Map<number, T[]>();

  /** Files `item` under the range from `start` to `end`, both included. */
  add(start: number, end: number, item: T): void {
    for (let b = bucketOf(Math.min(start, end)); b <= bucketOf(Math.max(start, end)); b++) {
      const list = this.buckets.get(b);
      if (list) list.push(item);
      else this.buckets.set(b, [item]);
    }
  }

  /** Does an item filed under a range touching the one from `start` to `end` pass `test`? Every item whose range shares a position with it is tried. */
  someNear(start: number, end: number, test: (item: T) => boolean): boolean {
    for (let b = bucketOf(Math.min(start, end)); b <= bucketOf(Math.max(start, end)); b++) {
      const list = this.buckets.get(b);
      if (list?.some(test)) return true;
    }
    return false;
  }
}

function bucketOf(position: number): number {
  return Math.floor(position / BUCKET_CHARS);
}
