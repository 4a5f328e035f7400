export { contentHash } from './fingerprint.js';
export { minhashSignature, estimatedJaccard, lshBuckets, signatureToBuffer, signatureFromBuffer, MINHASH_SIZE, LSH_BANDS } from './minhash.js';
export { MIN_TRANSLATION_OVERLAP, translationOverlap, contentFingerprint } from './translation.js';
