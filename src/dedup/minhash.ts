// Near-duplicate signatures: a seeded MinHash over word 3-shingles, banded for LSH look-up.
// Deterministic: the same text gives the same signature on every machine and run.

/** Signature length and banding: 32 bands of 4 rows find pairs at Jaccard 0.5 with p ~ 0.87, at 0.6 with p ~ 0.99. */
export const MINHASH_SIZE = 128;
export const LSH_BANDS = 32;
const ROWS_PER_BAND = MINHASH_SIZE / LSH_BANDS;
const SHINGLE_WORDS = 3;
/** Fixed seeds: one per hash function, from a fixed generator, so signatures never change. */
const SEEDS = seeds(MINHASH_SIZE, 0x5eed);

/** MinHash signature of a text's terms (folded words, or character bigrams for unspaced scripts). */
export function minhashSignature(terms: string[]): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  const n = Math.max(1, terms.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n; i++) {
    const shingle = fnv1a(terms.slice(i, i + SHINGLE_WORDS).join(' '));
    if (seen.has(shingle)) continue;
    seen.add(shingle);
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const h = mix32(shingle ^ SEEDS[k]!);
      if (h < signature[k]!) signature[k] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}

/** One bucket per band: two signatures that agree on every row of a band share its bucket. */
export function lshBuckets(signature: Uint32Array): number[] {
  const buckets: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = mix32(h ^ signature[band * ROWS_PER_BAND + r]!);
    // A signed 32-bit value fits SQLite's integer keys exactly.
    buckets.push(h | 0);
  }
  return buckets;
}

export function signatureToBuffer(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function signatureFromBuffer(buffer: Buffer): Uint32Array {
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return new Uint32Array(copy.buffer);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a fast, well-mixed 32-bit permutation. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function seeds(count: number, start: number): Uint32Array {
  const out = new Uint32Array(count);
  let x = start >>> 0;
  for (let i = 0; i < count; i++) {
    // xorshift32
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x;
  }
  return out;
}
