// Translated re-posts: the same report in another language, told apart from independent coverage of
// the same event by language-independent content: the same entities, the same numbers, the same
// dated developments, published within days of each other.
import type { ArticleFeatures } from '../domain/index.js';

export type TranslationInput = Pick<ArticleFeatures, 'entities' | 'facts' | 'textLength' | 'language'>;

/** Minimum fingerprint size: short items share too little to tell a translation from coverage. */
const MIN_FINGERPRINT = 6;
/** Fingerprint overlap from which a pair in two languages is one report translated. */
export const MIN_TRANSLATION_OVERLAP = 0.75;
/** A translation is about as long as its original (in characters, within this factor; CJK apart). */
const MAX_LENGTH_RATIO = 1.8;
const UNSPACED = new Set(['zh', 'ja', 'th', 'ko']);

/** Fingerprints of the articles compared so far: a stored candidate is compared with many newcomers. */
const fingerprints = new WeakMap<TranslationInput, Set<string>>();

/** Canonical entities, figures and the days of dated developments. */
export function contentFingerprint(a: TranslationInput): ReadonlySet<string> {
  let out = fingerprints.get(a);
  if (!out) {
    out = new Set(a.facts);
    for (const e of a.entities) out.add(`e:${e.name}`);
    fingerprints.set(a, out);
  }
  return out;
}

/** Overlap (Jaccard) of the fingerprints when the pair may be a translation, else 0. */
export function translationOverlap(a: TranslationInput, b: TranslationInput): number {
  if (a.language === b.language) return 0;
  if (!UNSPACED.has(a.language) && !UNSPACED.has(b.language)) {
    const ratio = Math.max(a.textLength, b.textLength) / Math.max(1, Math.min(a.textLength, b.textLength));
    if (ratio > MAX_LENGTH_RATIO) return 0;
  }
  const fa = contentFingerprint(a);
  const fb = contentFingerprint(b);
  if (fa.size < MIN_FINGERPRINT || fb.size < MIN_FINGERPRINT) return 0;
  let shared = 0;
  for (const x of fa) if (fb.has(x)) shared++;
  return shared / (fa.size + fb.size - shared);
}
