// The composition root: the one place that decides configuration and builds the store.
import { SqliteStoryStore, type StoryStore } from './store/index.js';

export const DEFAULT_DB_PATH = './storyline.db';

/** `--db`, else $STORYLINE_DB, else ./storyline.db. */
export function resolveDbPath(flag: string | undefined): string {
  return flag ?? process.env.STORYLINE_DB ?? DEFAULT_DB_PATH;
}

export function openStore(path: string): StoryStore {
  return new SqliteStoryStore(path);
}
