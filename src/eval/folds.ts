// Fixed folds for cross-validation: an item's fold is a hash of its key, so folds never depend on
// order or on a random seed, and the same key (an event, an article, a pair) always lands in one fold.
import { createHash } from 'node:crypto';

export const FOLDS = 5;

export function foldOf(key: string, folds = FOLDS): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % folds;
}
