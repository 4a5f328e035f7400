// Which stored original a new article copies, if any: dedup's decision, made from what the store
// found for the article's text and signature and, for translations, from the candidates clustering scored.
import type { CopyDecision, SimilarityBreakdown } from '../domain/index.js';
import type { ClusterCandidate, CopyCandidate } from '../store/story-store.js';
import { estimatedJaccard } from './minhash.js';
import { MIN_TRANSLATION_OVERLAP, translationOverlap, type TranslationInput } from './translation.js';

/** Estimated word-shingle overlap from which a same-language article is a light edit of another. */
export const NEAR_DUPLICATE_JACCARD = 0.5;
/** A translated re-post appears within days of its original. */
export const TRANSLATION_DAYS = 3;

/** A stored article with exactly the new article's text (`findByTextHash`). */
export type TextMatch = Pick<CopyCandidate, 'id' | 'storyId' | 'eventId' | 'duplicateOf'>;
/** A stored original sharing an LSH bucket with the new article (`findNearDuplicates`), with its signature. */
export type NearMatch = Pick<CopyCandidate, 'id' | 'storyId' | 'eventId'> & { minhash: Uint32Array };
/** A candidate as clustering scored it (an `Assignment.scored` entry): what a translation check reads. */
export interface ScoredCandidate {
  candidate: Pick<ClusterCandidate, 'id' | 'storyId' | 'eventId'> & { features: TranslationInput };
  similarity: Pick<SimilarityBreakdown, 'score' | 'gapDays'>;
}

/**
 * The original an article copies in its own words: the same text first (a copy of a copy links to
 * the first original), else the closest light edit by MinHash. Rows in no story yet are skipped.
 * The light edits are a look-up (`findNearDuplicates`), read only when no stored text is the same.
 */
export async function findSameLanguageCopy(sameText: TextMatch[], minhash: Uint32Array, nearDuplicates: () => NearMatch[] | Promise<NearMatch[]>): Promise<CopyDecision | null> {
  const exact = sameText.find((c) => c.storyId);
  if (exact) return { id: exact.duplicateOf ?? exact.id, storyId: exact.storyId!, eventId: exact.eventId, method: 'exact', similarity: 1 };
  let best: CopyDecision | null = null;
  for (const c of await nearDuplicates()) {
    const similarity = estimatedJaccard(minhash, c.minhash);
    if (c.storyId && similarity >= NEAR_DUPLICATE_JACCARD && (!best || similarity > best.similarity)) best = { id: c.id, storyId: c.storyId, eventId: c.eventId, method: 'near', similarity };
  }
  return best;
}

/**
 * A candidate in another language this article translates: the same entities, numbers and dates,
 * published within TRANSLATION_DAYS. The first such candidate in `scored` (best first) wins.
 */
export function findTranslatedCopy(article: TranslationInput, scored: ScoredCandidate[]): CopyDecision | null {
  for (const { candidate, similarity } of scored) {
    if (similarity.score <= 0 || (similarity.gapDays ?? 0) > TRANSLATION_DAYS) continue;
    const overlap = translationOverlap(article, candidate.features);
    if (overlap >= MIN_TRANSLATION_OVERLAP) return { id: candidate.id, storyId: candidate.storyId, eventId: candidate.eventId, method: 'translation', similarity: overlap };
  }
  return null;
}
