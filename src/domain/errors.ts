// Errors grouped by consequence: an InputError skips one item and the run goes on;
// a UsageError stops the command before any work (exit 2).

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
