// The composition root: the one place that decides configuration and builds the store.
import { setting } from './config.js';
import { StoreError } from './domain/index.js';
import { SqliteStoryStore, storeErrorOf, type StoryStore } from './store/index.js';

/** `--db`, else $STORYLINE_DB, else ./storyline.db (src/config.ts). */
export function resolveDbPath(flag: string | undefined): string {
  return setting('db', flag);
}

/** The store at `path`; a database that cannot be opened or migrated is a StoreError naming the path. */
export async function openStore(path: string): Promise<StoryStore> {
  try {
    return new SqliteStoryStore(path);
  } catch (err) {
    const cause = storeErrorOf(err);
    throw new StoreError(`${path}: cannot open the database (${(err as Error).message})`, cause?.retryable ?? false, { cause: err });
  }
}
