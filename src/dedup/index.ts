export { contentHash } from './fingerprint.js';
export { minhashSignature, estimatedJaccard, lshBuckets, signatureToBuffer, signatureFromBuffer, MINHASH_SIZE, LSH_BANDS } from './minhash.js';
export { MIN_TRANSLATION_OVERLAP, translationOverlap, contentFingerprint, type TranslationInput } from './translation.js';
export { findSameLanguageCopy, findTranslatedCopy, NEAR_DUPLICATE_JACCARD, TRANSLATION_DAYS, type NearMatch, type ScoredCandidate, type TextMatch } from './copy-decision.js';
