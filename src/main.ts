// The composition root: the one place that decides configuration and builds the store.
import { existsSync } from 'node:fs';
import { setting, withoutPassword } from './config.js';
import { StoreError, UsageError } from './domain/index.js';
import { PostgresStoryStore } from './store/postgres/index.js';
import { SqliteStoryStore, storeErrorOf, type StoryStore } from './store/index.js';

/** `--db`, else $STORYLINE_DB, else ./storyline.db (src/config.ts): a file, or a postgres:// URL. */
export function resolveDbPath(flag: string | undefined): string {
  return setting('db', flag);
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** True when `db` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return POSTGRES_URL.test(db);
}

/** The database as it may be printed: a URL's password hidden. */
export const describeDb = withoutPassword;

export interface OpenStoreOptions {
  /**
   * Refuse a SQLite file that does not exist (a UsageError) instead of creating an empty database:
   * for commands that only read, where a mistyped --db would otherwise answer "nothing stored".
   * A PostgreSQL database is never created here, so this changes nothing for it.
   */
  mustExist?: boolean;
}

/**
 * The store at `db` (a SQLite file, or `postgres://user:password@host:port/database`), migrated; a
 * database that cannot be opened or migrated is a StoreError naming it.
 */
export async function openStore(db: string, options: OpenStoreOptions = {}): Promise<StoryStore> {
  if (options.mustExist && !isPostgresUrl(db) && db !== ':memory:' && !existsSync(db)) {
    throw new UsageError(`no database at ${db}: run \`storyline ingest PATH...\` first, or give the right --db (or $STORYLINE_DB)`);
  }
  try {
    return isPostgresUrl(db) ? await PostgresStoryStore.open(db) : new SqliteStoryStore(db);
  } catch (err) {
    const cause = storeErrorOf(err);
    throw new StoreError(`${describeDb(db)}: cannot open the database (${(err as Error).message})`, cause?.retryable ?? false, { cause: err });
  }
}
