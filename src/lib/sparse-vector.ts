// Sparse term vectors (term -> weight) as several stages build them for TF-IDF comparisons.
export type SparseVector = Map<string, number>;

/** Scales the vector to unit length, in place (an empty or zero vector stays as it is). */
export function toUnitLength(v: SparseVector): SparseVector {
  let s = 0;
  for (const w of v.values()) s += w * w;
  const norm = Math.sqrt(s) || 1;
  for (const [k, w] of v) v.set(k, w / norm);
  return v;
}
