// The evidence that two articles report one story, each piece a number in [0, 1], worked out the
// same way for any two languages. What the pieces weigh is not decided here: a model fitted on
// rated pairs and labelled stories does that (same-story-model.ts).
import type { EntityType } from '../domain/index.js';

/** One side of a comparison: term weights aligned with its term lists, entities weighted by IDF. */
export interface EvidenceSide {
  language: string;
  publishedDay: number | null;
  terms: string[];
  body: Float64Array;
  bodyNorm: number;
  titleTerms: string[];
  title: Float64Array;
  titleNorm: number;
  entities: Map<string, { weight: number; type: EntityType; distinctive: boolean }>;
  entityNorm: number;
  distinctiveEntities: number;
  facts: string[];
  months: string[];
  bodyByTerm?: Map<string, number>;
  titleByTerm?: Map<string, number>;
  /** Its facts as a set, made when first compared. */
  factSet?: Set<string>;
  /** TF-IDF weights of the consonant skeletons of its longer terms (cross-language evidence), aligned; a look-up by key made when first needed. */
  skeletonKeys: string[];
  skeletonWeights: Float64Array;
  skeletonNorm: number;
  skeletonByKey?: Map<string, number>;
}

export interface PairEvidence {
  /** TF-IDF cosine of body terms (light stems, shared by languages that share words and cognates' first letters). */
  body: number;
  /** TF-IDF cosine of headline character 4-grams. */
  title: number;
  /** Cosine of the IDF-weighted canonical entities. */
  entities: number;
  /** Shared distinctive entities (not in most articles), as a share of four. */
  distinctive: number;
  /** 1 when a distinctive person or organisation (not only places) is shared. */
  namedActor: number;
  /** Jaccard overlap of the figures and dated days both report. */
  facts: number;
  /** TF-IDF cosine of consonant skeletons of the terms: cognates across languages (presidente/président/president). */
  skeleton: number;
  /** Months of dated developments both report, as a share of two. */
  months: number;
  /** Days between publication, on a log scale to a year (1 = a year or more); 0.5 when unknown. */
  gap: number;
}

export const EVIDENCE_NAMES = ['body', 'title', 'entities', 'distinctive', 'namedActor', 'facts', 'skeleton', 'months', 'gap'] as const satisfies ReadonlyArray<keyof PairEvidence>;

/** Shared distinctive entities that count as full entity evidence. */
const FULL_ENTITY_EVIDENCE = 4;
const FULL_DATE_EVIDENCE = 2;
const GAP_SCALE_DAYS = 365;

export interface EvidenceResult {
  evidence: PairEvidence;
  sharedEntities: Array<{ name: string; weight: number; type: EntityType; distinctive: boolean }>;
  sharedMonths: string[];
  gapDays: number | null;
}

/**
 * `namesFirst`: across languages, when no distinctive person or organisation is shared, the words are
 * not compared (their evidence is left at 0): such a pair joins no story (similarity.ts), and
 * clustering compares thousands of them.
 */
export function pairEvidence(a: EvidenceSide, b: EvidenceSide, namesFirst = false): EvidenceResult {
  const shared: EvidenceResult['sharedEntities'] = [];
  let entityDot = 0;
  for (const [name, ea] of a.entities) {
    const eb = b.entities.get(name);
    if (!eb) continue;
    entityDot += ea.weight * eb.weight;
    shared.push({ name, weight: ea.weight + eb.weight, type: ea.type, distinctive: ea.distinctive && eb.distinctive });
  }
  const distinctiveShared = shared.filter((e) => e.distinctive);
  const sharedMonths = a.months.filter((m) => b.months.includes(m)).sort();
  const gapDays = a.publishedDay !== null && b.publishedDay !== null ? Math.abs(a.publishedDay - b.publishedDay) : null;
  const namedActor = distinctiveShared.some((e) => e.type !== 'place') ? 1 : 0;
  const words = !namesFirst || namedActor > 0 || a.language === b.language;
  const evidence: PairEvidence = {
    body: words ? cosine((a.bodyByTerm ??= byTerm(a.terms, a.body)), a.bodyNorm, b.terms, b.body, b.bodyNorm) : 0,
    title: words ? cosine((a.titleByTerm ??= byTerm(a.titleTerms, a.title)), a.titleNorm, b.titleTerms, b.title, b.titleNorm) : 0,
    entities: a.entityNorm && b.entityNorm ? entityDot / (a.entityNorm * b.entityNorm) : 0,
    distinctive: Math.min(1, distinctiveShared.length / FULL_ENTITY_EVIDENCE),
    namedActor,
    facts: jaccard(a.facts, (b.factSet ??= new Set(b.facts))),
    skeleton: a.language === b.language || !words ? 0 : skeletonCosine(a, b),
    months: Math.min(1, sharedMonths.length / FULL_DATE_EVIDENCE),
    gap: gapDays === null ? 0.5 : Math.min(1, Math.log1p(gapDays) / Math.log1p(GAP_SCALE_DAYS)),
  };
  return { evidence, sharedEntities: shared, sharedMonths, gapDays };
}

export function byTerm(terms: string[], weights: Float64Array): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) out.set(terms[i]!, weights[i]!);
  return out;
}

function cosine(a: Map<string, number>, na: number, bTerms: string[], b: Float64Array, nb: number): number {
  if (!na || !nb) return 0;
  let dot = 0;
  for (let i = 0; i < bTerms.length; i++) {
    const w = a.get(bTerms[i]!);
    if (w !== undefined) dot += w * b[i]!;
  }
  return dot / (na * nb);
}

function jaccard(a: string[], b: Set<string>): number {
  if (!a.length || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.length + b.size - shared);
}

function skeletonCosine(a: EvidenceSide, b: EvidenceSide): number {
  if (!a.skeletonNorm || !b.skeletonNorm) return 0;
  return cosine((a.skeletonByKey ??= byTerm(a.skeletonKeys, a.skeletonWeights)), a.skeletonNorm, b.skeletonKeys, b.skeletonWeights, b.skeletonNorm);
}

/** Terms shorter than this (the light stems are six letters) are too ambiguous as cognates. */
const SKELETON_MIN_TERM = 6;
/** Marks skeleton keys apart from terms where both share corpus statistics. */
export const SKELETON_PREFIX = '~';

/** A term's skeleton key for corpus statistics and comparison, or null. */
export function skeletonKey(term: string): string | null {
  if (term.length < SKELETON_MIN_TERM) return null;
  const s = consonantSkeleton(term);
  return s ? SKELETON_PREFIX + s : null;
}

/** Consonants by sound class (after Dolgopolsky's); vowels and y have none. */
const SOUND_CLASS: Record<string, string> = {
  b: 'b', p: 'b', v: 'b', f: 'f', w: 'b',
  c: 'k', k: 'k', q: 'k', g: 'g', x: 'k',
  d: 'd', t: 'd',
  s: 's', z: 's',
  l: 'l', r: 'r', m: 'm', n: 'n', j: 'g',
};
const SKELETON_LENGTH = 3;
const skeletonCache = new Map<string, string | null>();
const SKELETON_CACHE_LIMIT = 200_000;

/**
 * A word's first three consonants, by sound class, vowels dropped and repeats merged: the standard
 * cheap cognate key, so that gobierno, governo, gouvernement and government meet (g-b-r), as do
 * manifestantes, manifestants and manifestanti (m-n-f). Latin script only: words of other scripts
 * have no skeleton. Three consonants are needed; shorter words are too ambiguous to count.
 */
export function consonantSkeleton(term: string): string | null {
  let out = skeletonCache.get(term);
  if (out !== undefined) return out;
  out = skeletonOf(term);
  if (skeletonCache.size >= SKELETON_CACHE_LIMIT) skeletonCache.clear();
  skeletonCache.set(term, out);
  return out;
}

function skeletonOf(term: string): string | null {
  let key = '';
  let last = '';
  for (let i = 0; i < term.length; i++) {
    let ch = term[i]!;
    if (ch < 'a' || ch > 'z') return null;
    // "ph" and "th" are spelling, not sounds: f and t; "h" alone is silent.
    const next = term[i + 1];
    if (next === 'h' && (ch === 'p' || ch === 't')) {
      ch = ch === 'p' ? 'f' : 't';
      i++;
    } else if (ch === 'h') continue;
    const cls = SOUND_CLASS[ch];
    if (!cls) {
      last = '';
      continue;
    }
    if (cls !== last) key += cls;
    last = cls;
    if (key.length === SKELETON_LENGTH) {
      // The rest must still be Latin letters for the term to have a skeleton.
      for (let j = i + 1; j < term.length; j++) if (term[j]! < 'a' || term[j]! > 'z') return null;
      return key;
    }
  }
  return null;
}
