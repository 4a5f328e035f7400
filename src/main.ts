// The composition root: the one place that decides configuration and builds the store.
import { StoreError } from './domain/index.js';
import { SqliteStoryStore, storeErrorOf, type StoryStore } from './store/index.js';

export const DEFAULT_DB_PATH = './storyline.db';

/** `--db`, else $STORYLINE_DB, else ./storyline.db. */
export function resolveDbPath(flag: string | undefined): string {
  return flag ?? process.env.STORYLINE_DB ?? DEFAULT_DB_PATH;
}

/** The store at `path`; a database that cannot be opened or migrated is a StoreError naming the path. */
export function openStore(path: string): StoryStore {
  try {
    return new SqliteStoryStore(path);
  } catch (err) {
    const cause = storeErrorOf(err);
    throw new StoreError(`${path}: cannot open the database (${(err as Error).message})`, cause?.retryable ?? false, { cause: err });
  }
}
