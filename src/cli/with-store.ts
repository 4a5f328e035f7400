// A command's store, opened for the command and closed after it, whatever happens.
import { openStore, resolveDbPath } from '../main.js';
import type { StoryStore } from '../store/index.js';

/**
 * Runs `fn` on the store `dbPath` names. By default the command only reads: a SQLite file that does not
 * exist is refused, not created empty; commands that record something (`feeds add`) pass mustExist false.
 */
export async function withStore<T>(dbPath: string | undefined, fn: (store: StoryStore) => T | Promise<T>, options: { mustExist?: boolean } = {}): Promise<T> {
  const store = await openStore(resolveDbPath(dbPath), { mustExist: options.mustExist ?? true });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
