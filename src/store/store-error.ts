// Which thrown errors are the database's, and whether trying again can help. Drivers say so by
// their error codes: SQLite's result codes (SQLITE_BUSY, SQLITE_FULL, ...; https://sqlite.org/rescode.html)
// and PostgreSQL's SQLSTATE classes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
import { StoreError } from '../domain/index.js';

/** SQLite: another connection holds the lock (after the busy timeout), or a snapshot moved on. */
const SQLITE_RETRYABLE = /^SQLITE_(BUSY|LOCKED)/;
/**
 * PostgreSQL: serialization failure, deadlock, lock not available (40001, 40P01, 55P03), the server
 * shutting down or starting (57P01-57P03), and connection exceptions (class 08).
 */
const POSTGRES_RETRYABLE = /^(40001|40P01|55P03|57P0[123]|08...)$/;

interface DriverError {
  code?: unknown;
  name?: unknown;
  severity?: unknown;
  message?: unknown;
}

/**
 * A unique constraint refused a write (SQLite's SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY, PostgreSQL's
 * 23505): with the article's identity stored, a concurrent writer stored the same article first.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as DriverError | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** PostgreSQL rolled the transaction back to break a deadlock or a serialization conflict: running it again can succeed. */
export function isTransactionConflict(err: unknown): boolean {
  const code = (err as DriverError | null)?.code ?? (err instanceof StoreError ? (err.cause as DriverError | undefined)?.code : undefined);
  return code === '40P01' || code === '40001';
}

/** The error as a StoreError when a database driver threw it; null for anything else. */
export function storeErrorOf(err: unknown): StoreError | null {
  if (err instanceof StoreError) return err;
  if (typeof err !== 'object' || err === null) return null;
  const { code, name, severity, message } = err as DriverError;
  const text = typeof message === 'string' ? message : String(err);
  if (name === 'SqliteError' || (typeof code === 'string' && code.startsWith('SQLITE_'))) {
    return new StoreError(`database error (${String(code)}): ${text}`, SQLITE_RETRYABLE.test(String(code)), { cause: err });
  }
  // pg's DatabaseError carries a five-character SQLSTATE and a severity.
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string') {
    return new StoreError(`database error (SQLSTATE ${code}): ${text}`, POSTGRES_RETRYABLE.test(code), { cause: err });
  }
  return null;
}
