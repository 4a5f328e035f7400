// The probability that two articles report one story, from their evidence (pair-evidence.ts), by a
// logistic model per kind of pair (one language, two languages). Weights and the story thresholds
// are data (data/cluster/same-story-model.json), fitted by bench/fit-same-story.ts on rated pairs
// and labelled stories; the file says what they were fitted on and the held-out scores.
import { z } from 'zod';
import { loadDataFile } from '../lib/data-files.js';
import { EVIDENCE_NAMES, type PairEvidence } from './pair-evidence.js';

/**
 * Agreements of two pieces of evidence (geometric means): an additive model cannot say "both", and
 * one alone misleads on real pages: a headline that is really site chrome matches many unrelated
 * articles unless their bodies agree too; cognates alone match any two articles on the same kind of
 * news unless the same names are in both.
 */
const AGREEMENTS = {
  title_and_body: ['title', 'body'],
  skeleton_and_entities: ['skeleton', 'entities'],
  body_and_entities: ['body', 'entities'],
} as const satisfies Record<string, readonly [keyof PairEvidence, keyof PairEvidence]>;

/** Model inputs: each evidence as it is, its square root (which spreads the low cosines where most related reports sit), and the agreements. */
export const MODEL_INPUTS = [...EVIDENCE_NAMES, ...EVIDENCE_NAMES.map((n) => `sqrt_${n}` as const), ...(Object.keys(AGREEMENTS) as Array<keyof typeof AGREEMENTS>)] as const;
export type ModelInput = (typeof MODEL_INPUTS)[number];

/** Every model input of the evidence (what a fit reads). */
export function modelInputs(e: PairEvidence): Record<ModelInput, number> {
  const out = {} as Record<ModelInput, number>;
  for (const name of MODEL_INPUTS) out[name] = inputReader(name)(e);
  return out;
}

const LogisticSchema = z.object({
  bias: z.number(),
  weights: z.record(z.enum(MODEL_INPUTS as unknown as [ModelInput, ...ModelInput[]]), z.number()),
});
export type LogisticModel = z.infer<typeof LogisticSchema>;

const ThresholdsSchema = z.object({
  /** A story is joined when its score (a same-story probability) reaches this, reached through the article's language or only through others. */
  join: z.number().min(0).max(1),
  crossLanguageJoin: z.number().min(0).max(1),
  /** Across scripts (names and figures only), chosen as if the crisis topics' languages could not compare words. */
  crossScriptJoin: z.number().min(0).max(1),
  /** Two stories an article reaches at this score are one story: a merge needs more than a join. */
  merge: z.number().min(0).max(1),
  crossLanguageMerge: z.number().min(0).max(1),
  crossScriptMerge: z.number().min(0).max(1),
  /** Same development (event) within `eventDays`. */
  event: z.number().min(0).max(1),
  /**
   * Candidates are looked for among articles published this many days around the new one. Stories
   * can run for years (a leak's follow-ups, a kidnapping and the release); the window only bounds
   * retrieval (each key still returns its most recent rows only) and is chosen with the thresholds.
   */
  windowDays: z.number().int().positive(),
});

export const SameStoryModelSchema = z.object({
  $note: z.string(),
  version: z.literal(1),
  within: LogisticSchema,
  /** Across languages whose words can be compared (both written in the Latin alphabet: shared names, cognates). */
  across: LogisticSchema,
  /** Across scripts, where no word can be compared: names, figures and dates only. */
  acrossScripts: LogisticSchema,
  thresholds: ThresholdsSchema,
  fitted: z.record(z.string(), z.unknown()),
});
export type SameStoryModel = z.infer<typeof SameStoryModelSchema>;

export function loadSameStoryModel(): SameStoryModel {
  return loadDataFile('cluster/same-story-model.json', SameStoryModelSchema);
}

export function sameStoryProbability(model: LogisticModel, e: PairEvidence): number {
  let z = model.bias;
  for (const [w, input] of compiled(model)) z += w * input(e);
  return 1 / (1 + Math.exp(-z));
}

type Input = (e: PairEvidence) => number;
/** Each model's weights with the function that reads its input (what modelInputs lists, one at a time): pairs are scored by the thousand. */
const compiledModels = new WeakMap<LogisticModel, Array<[number, Input]>>();

function compiled(model: LogisticModel): Array<[number, Input]> {
  let out = compiledModels.get(model);
  if (!out) {
    out = (Object.entries(model.weights) as Array<[ModelInput, number]>).map(([name, w]) => [w, inputReader(name)]);
    compiledModels.set(model, out);
  }
  return out;
}

function inputReader(name: ModelInput): Input {
  const agreement = AGREEMENTS[name as keyof typeof AGREEMENTS];
  if (agreement) return (e) => Math.sqrt(e[agreement[0]] * e[agreement[1]]);
  if (name.startsWith('sqrt_')) {
    const key = name.slice(5) as keyof PairEvidence;
    return (e) => Math.sqrt(e[key]);
  }
  return (e) => e[name as keyof PairEvidence];
}
