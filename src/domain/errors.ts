// Errors grouped by consequence: an InputError skips one item and the run goes on;
// a UsageError stops the command before any work (exit 2); a StoreError stops the run, keeping what
// was committed (a database that fails is not bad input: skipping on would lose every later item).

/** One input could not be used; names the file/URL and the reason. */
export class InputError extends Error {
  constructor(
    readonly origin: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${origin}: ${reason}`, options);
    this.name = 'InputError';
  }
}

/** The command line itself is wrong. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The store failed: locked too long, disk full, read-only, corrupt, server gone. The run stops; what
 * was committed stays, and a re-run adds the rest without duplicates. `retryable`: the same call may
 * succeed later (contention, a server restarting); otherwise someone must act first.
 */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/**
 * The store refused an article because its identity (`contentHash`) is stored already: another
 * process stored the same article between the look-up and the insert. The document counts as
 * already stored. A StoreError, so a caller that does not expect it stops as before rather than
 * skipping on.
 */
export class ArticleExistsError extends StoreError {
  constructor(
    readonly contentHash: string,
    options?: { cause?: unknown },
  ) {
    super(`an article with identity ${contentHash} is already stored (unique identity)`, false, options);
    this.name = 'ArticleExistsError';
  }
}
