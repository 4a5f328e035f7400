// Fits the same-story model (data/cluster/same-story-model.json) on the real development samples in
// ../shared/data/clustering, and reports every figure on held-out folds:
//   node --import tsx bench/fit-same-story.ts            cross-validation: held-out figures (stdout, bench/results/fit-same-story.json)
//   node --import tsx bench/fit-same-story.ts --write    fit on everything and write the model (--skip-cv: without the folds first)
//   node --import tsx bench/fit-same-story.ts --stamp    copy the last cross-validation's figures into the model file
// Folds are fixed hashes (src/eval/folds.ts): of the event for labelled stories (a held-out event is
// one the fit never saw), of the article for the crisis topics, of the pair for rated pairs. For each
// fold, the logistic weights are fitted on the other folds' pairs, the join thresholds are chosen by
// clustering the other folds' articles, and the held-out fold is scored. `--write` then fits on
// everything and writes the model with its provenance and the held-out figures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clusterConfig, modelInputs, pairEvidence, sameStoryProbability, type ModelInput, type PairEvidence, type SameStoryModel } from '../src/cluster/index.js';
import {
  analyseItems,
  bCubedSums,
  f1,
  pairScores,
  pairTally,
  type PairTally,
  baselineRows,
  clusterAnalysed,
  foldOf,
  FOLDS,
  profileCorpus,
  profilePairs,
  ratingPearson,
  readClusteringItems,
  readPairs,
  sameStoryAuc,
  type AnalysedItem,
  type ClusteringItem,
} from '../src/eval/index.js';
import { fitLogistic } from './fit/logistic.js';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, '..', 'shared', 'data', 'clustering');
const MODEL_FILE = join(ROOT, 'data', 'cluster', 'same-story-model.json');

/** Inputs of each model: pairs in one language have no skeleton evidence (their words already meet). */
const WITHIN_INPUTS: ModelInput[] = ['sqrt_body', 'title_and_body', 'sqrt_entities', 'distinctive', 'sqrt_facts', 'gap'];
/** Inputs that may only add to the probability: more alike must never score lower. Only time counts against. */
const MAY_LOWER = new Set<ModelInput>(['gap']);
/**
 * Across languages no input says when: the only rated pairs across languages (SemEval de-en) have no
 * dates, so a time input would learn "undated" as "same story". Time is borrowed from the
 * within-language fit instead (withTimeFrom).
 */
const ACROSS_INPUTS: ModelInput[] = ['body', 'skeleton'];
/**
 * Across scripts no word can be compared. No rated pair here crosses scripts, so this model is fitted
 * on every rated pair (monolingual and German-English) with its word evidence withheld: what names and
 * figures alone say about a pair, which is the same in any language. The German-English pairs alone
 * (48) are too few: fitted on them, names-only scores correlated negatively with the ratings on
 * held-out folds.
 */
const ACROSS_SCRIPT_INPUTS: ModelInput[] = ['sqrt_entities', 'namedActor', 'distinctive', 'sqrt_facts'];
/** L2 penalty: keeps weights of rare evidence (few positive pairs across languages) from running off. */
const L2 = 0.01;
/** Each source's share of the loss (its examples weighted to sum to it). */
const SOURCE_WEIGHT: Record<Source, number> = { 'semeval-pairs': 1, 'giveme-events': 1, 'crisis-topics': 0.5, 'semeval-de-en': 1 };
/**
 * Across languages the weights come from the rated pairs alone: the crisis topics give only
 * negatives (their same-topic pairs are unlabelled), which would drown the few rated pairs; they
 * choose the cross-language join threshold instead.
 */
const ACROSS_SOURCES = new Set<Source>(['semeval-de-en']);
const JOIN_GRID = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const WINDOW_GRID = [180, 365];
/** Cross-language joins are held to a higher bar when needed: up to near certainty. */
const CROSS_JOIN_GRID = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99];
/**
 * What the joins must keep on the training folds of the crisis topics. B-cubed precision: the level
 * of the TF-IDF single-pass baseline there (0.962); the sample's ceiling is about 0.976, because some
 * identical or translated posts are filed under two topics. Cross-language precision: the target.
 */
const CROSS_PRECISION_FLOOR = 0.9;
const BCUBED_PRECISION_FLOOR = 0.96;

type Source = 'semeval-pairs' | 'semeval-de-en' | 'giveme-events' | 'crisis-topics';
interface Example {
  evidence: PairEvidence;
  y: number;
  within: boolean;
  source: Source;
  /** Folds the example's items belong to: it trains a fold's model only when none is that fold. */
  folds: number[];
  pairId?: string;
  overall?: number;
}

const args = new Set(process.argv.slice(2));
const log = (...m: unknown[]) => console.error(...m);
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'fit-same-story.json');
if (args.has('--stamp')) {
  const model = JSON.parse(readFileSync(MODEL_FILE, 'utf8'));
  model.fitted.held_out = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')).held_out;
  writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  log(`stamped the held-out figures of ${RESULTS_FILE} into ${MODEL_FILE}`);
  process.exit(0);
}

// ---- data ----
const monoFile = join(DATA, 'semeval2022-task8-pairs-dev', 'pairs.jsonl');
const deEnFile = join(DATA, 'semeval2022-task8-crosslingual-dev', 'pairs.jsonl');
const givemeFile = join(DATA, 'giveme5w1h-events-dev', 'items.jsonl');
const crisisFile = join(DATA, 'ml-crisis-topics-dev', 'items.jsonl');

function ratedExamples(file: string, source: Source): Example[] {
  return profilePairs(readPairs(file)).map(({ pair, a, b }) => ({
    evidence: pairEvidence(a, b).evidence,
    // 1 = same story ... 4 = unrelated, as a soft label.
    y: (4 - pair.overall) / 3,
    within: pair.lang1 === pair.lang2,
    source,
    folds: [foldOf(pair.pair_id)],
    pairId: pair.pair_id,
    overall: pair.overall,
  }));
}

interface LabelledCorpus {
  file: string;
  items: ClusteringItem[];
  analysed: AnalysedItem[];
  foldOfItem: Map<string, number>;
}

async function labelledCorpus(file: string, foldKey: (i: ClusteringItem) => string): Promise<LabelledCorpus> {
  const items = readClusteringItems(file);
  const analysed = await analyseItems(file, items);
  return { file, items, analysed, foldOfItem: new Map(items.map((i) => [i.id, foldOf(foldKey(i))])) };
}

/** Every pair of a labelled corpus (IDF over the corpus); `keep` says which pairs teach and with what label. */
function corpusExamples(c: LabelledCorpus, source: Source, label: (a: ClusteringItem, b: ClusteringItem) => number | null): Example[] {
  const ok = c.analysed.filter((a) => a.enriched);
  const profiles = profileCorpus(ok.map((a) => a.enriched!));
  const out: Example[] = [];
  for (let i = 0; i < ok.length; i++) {
    for (let j = i + 1; j < ok.length; j++) {
      const a = ok[i]!.item;
      const b = ok[j]!.item;
      const y = label(a, b);
      if (y === null) continue;
      out.push({ evidence: pairEvidence(profiles[i]!, profiles[j]!).evidence, y, within: a.lang === b.lang, source, folds: [c.foldOfItem.get(a.id)!, c.foldOfItem.get(b.id)!] });
    }
  }
  return out;
}

log('analysing the samples ...');
const giveme = await labelledCorpus(givemeFile, (i) => i.cluster);
const crisis = await labelledCorpus(crisisFile, (i) => i.id);
const examples: Example[] = [
  ...ratedExamples(monoFile, 'semeval-pairs'),
  ...ratedExamples(deEnFile, 'semeval-de-en'),
  ...corpusExamples(giveme, 'giveme-events', (a, b) => (a.cluster === b.cluster ? 1 : 0)),
  // Topics are not stories: two articles of one topic may or may not be one story, so only pairs of
  // different topics teach (as different stories).
  ...corpusExamples(crisis, 'crisis-topics', (a, b) => (a.cluster === b.cluster ? null : 0)),
];
log(`${examples.length} pairs: ${Object.entries(countBy(examples, (e) => `${e.source}/${e.within ? 'within' : 'across'}`)).map(([k, v]) => `${k} ${v}`).join(', ')}`);

// ---- fitting ----
/**
 * A logistic fit over the inputs, monotone: an input whose weight comes out negative where more alike
 * must mean more likely (collinear inputs trade weight) is dropped, most negative first, and the rest refitted.
 */
function fitPart(train: Example[], allInputs: ModelInput[]): SameStoryModel['within'] {
  const totals = countBy(train, (e) => e.source);
  const weight = train.map((e) => (SOURCE_WEIGHT[e.source] * train.length) / (Object.keys(totals).length * totals[e.source]!));
  const x = train.map((e) => modelInputs(e.evidence));
  let inputs = [...allInputs];
  for (;;) {
    const fit = fitLogistic(
      x.map((row) => inputs.map((n) => row[n])),
      train.map((e) => e.y),
      weight,
      L2,
    );
    const worst = inputs.map((n, i) => [n, fit.weights[i]!] as const).filter(([n, w]) => w < 0 && !MAY_LOWER.has(n)).sort((a, b) => a[1] - b[1])[0];
    if (!worst) return { bias: round(fit.bias), weights: Object.fromEntries(inputs.map((n, i) => [n, round(fit.weights[i]!)])) as SameStoryModel['within']['weights'] };
    inputs = inputs.filter((n) => n !== worst[0]);
  }
}

type Weights = Pick<SameStoryModel, 'within' | 'across' | 'acrossScripts'>;

function fitWeights(train: Example[]): Weights {
  const across = train.filter((e) => !e.within && ACROSS_SOURCES.has(e.source));
  const rated = train.filter((e) => e.source === 'semeval-pairs' || e.source === 'semeval-de-en');
  const within = fitPart(train.filter((e) => e.within), WITHIN_INPUTS);
  return { within, across: withTimeFrom(within, fitPart(across, ACROSS_INPUTS)), acrossScripts: fitPart(rated, ACROSS_SCRIPT_INPUTS) };
}

/** The gap of undated pairs (pair-evidence.ts): the rated pairs the cross-language models are fitted on are all undated. */
const UNDATED_GAP = 0.5;

/**
 * Time apart says the same in any language, but no pair across languages here has dates to learn it
 * from (the candidate window alone bounded time, and stories chained across years through
 * cross-language cognate links). The cross-language words model takes the within-language gap
 * weight, centred on the undated pairs it was fitted on: an undated pair scores as fitted, a
 * same-week pair higher, a pair a year apart lower; its threshold is then chosen with it. The names
 * model across scripts keeps none: names and figures already date a report, and with time it lost
 * the seeds' Vietnamese invitation report (three weeks before its English neighbour).
 */
function withTimeFrom(within: SameStoryModel['within'], part: SameStoryModel['within']): SameStoryModel['within'] {
  const gap = within.weights.gap;
  if (gap === undefined) return part;
  return { bias: round(part.bias - gap * UNDATED_GAP), weights: { ...part.weights, gap } };
}

/** A merge needs more than a join: halfway from the join threshold to certainty. Events: the same. */
function thresholds(join: number, crossJoin: number, windowDays: number, crossScriptJoin = crossJoin): SameStoryModel['thresholds'] {
  const merge = (t: number) => round((1 + t) / 2);
  return { join, crossLanguageJoin: crossJoin, crossScriptJoin, merge: merge(join), crossLanguageMerge: merge(crossJoin), crossScriptMerge: merge(crossScriptJoin), event: merge(join), windowDays };
}

function modelOf(weights: Weights, t: SameStoryModel['thresholds']): SameStoryModel {
  return { $note: '', version: 1, ...weights, thresholds: t, fitted: {} };
}

type Rows = Array<{ item: ClusteringItem; gold: string; found: string }>;

/** Scores of a clustering on the items of some folds: pairs with at least one such item, and those items' B-cubed. */
function scoreOn(rows: Rows, fold: Map<string, number>, inFolds: (f: number) => boolean) {
  const isIn = (r: Rows[number]) => inFolds(fold.get(r.item.id)!);
  const touches = (a: Rows[number], b: Rows[number]) => isIn(a) || isIn(b);
  return {
    all: pairTally(rows, touches),
    cross: pairTally(rows, (a, b) => touches(a, b) && a.item.lang !== b.item.lang),
    b3: bCubedSums(rows, isIn),
  };
}

type FoldScore = ReturnType<typeof scoreOn>;
function summarise(scores: FoldScore[]) {
  const sum = (pick: (s: FoldScore) => PairTally) => scores.reduce((t, s) => ({ both: t.both + pick(s).both, gold: t.gold + pick(s).gold, found: t.found + pick(s).found }), { both: 0, gold: 0, found: 0 });
  const all = pairScores(sum((s) => s.all));
  const cross = pairScores(sum((s) => s.cross));
  const n = scores.reduce((t, s) => t + s.b3.items, 0);
  const bp = scores.reduce((t, s) => t + s.b3.precision, 0) / n;
  const br = scores.reduce((t, s) => t + s.b3.recall, 0) / n;
  return {
    pairwise_precision: round(all.precision),
    pairwise_recall: round(all.recall),
    pairwise_f1: round(all.f1),
    bcubed_precision: round(bp),
    bcubed_recall: round(br),
    bcubed_f1: round(f1(bp, br)),
    cross_language_precision: round(cross.precision),
    joined_cross_pairs: sum((s) => s.cross).found,
  };
}

async function cluster(c: LabelledCorpus, model: SameStoryModel): Promise<Rows> {
  return (await clusterAnalysed(c.analysed, { cluster: clusterConfig(model) })).rows;
}

/** Thresholds chosen on the folds `train` accepts: the join that best groups the labelled events, then the lowest cross-language join that keeps the topics apart. */
async function chooseThresholds(weights: Weights, train: (f: number) => boolean) {
  // The join threshold must keep the crisis topics apart within each language too; among those that
  // do, the one that best groups the labelled events (with none, the one that keeps topics apart best).
  let best = { join: JOIN_GRID[JOIN_GRID.length - 1]!, windowDays: WINDOW_GRID[0]!, value: -1, feasible: false, precision: 0 };
  const strictCross = JOIN_GRID[JOIN_GRID.length - 1]!;
  for (const windowDays of WINDOW_GRID) {
    for (const join of JOIN_GRID) {
      const s = summarise([scoreOn(await cluster(giveme, modelOf(weights, thresholds(join, strictCross, windowDays))), giveme.foldOfItem, train)]);
      const c = summarise([scoreOn(await cluster(crisis, modelOf(weights, thresholds(join, strictCross, windowDays))), crisis.foldOfItem, train)]);
      const feasible = c.bcubed_precision >= BCUBED_PRECISION_FLOOR;
      const value = (s.pairwise_f1 + s.bcubed_f1) / 2;
      if ((feasible && (!best.feasible || value > best.value)) || (!feasible && !best.feasible && c.bcubed_precision > best.precision)) best = { join, windowDays, value, feasible, precision: c.bcubed_precision };
    }
  }
  const crossJoin = await lowestKeepingTopicsApart((x) => modelOf(weights, thresholds(best.join, x, best.windowDays)), train);
  // Across scripts only names and figures compare: the crisis topics scored as if their languages
  // shared no words (the names model in place of the words model) choose that threshold.
  const crossScript = await lowestKeepingTopicsApart((x) => modelOf({ ...weights, across: weights.acrossScripts }, thresholds(best.join, x, best.windowDays)), train);
  return thresholds(best.join, crossJoin, best.windowDays, crossScript);
}

/**
 * The lowest cross-language join that keeps the crisis topics apart on the training folds (both
 * floors). With none, the lowest that keeps B-cubed precision: on this sample cross-language
 * precision stays low at any threshold that joins anything, since posts translated under two topics
 * are one story told twice; a threshold that joins nothing is no answer. Else the strictest.
 */
async function lowestKeepingTopicsApart(model: (x: number) => SameStoryModel, train: (f: number) => boolean): Promise<number> {
  let keepsBcubed: number | null = null;
  for (const x of CROSS_JOIN_GRID) {
    const s = summarise([scoreOn(await cluster(crisis, model(x)), crisis.foldOfItem, train)]);
    if (s.bcubed_precision < BCUBED_PRECISION_FLOOR) continue;
    if (s.cross_language_precision >= CROSS_PRECISION_FLOOR && s.joined_cross_pairs > 0) return x;
    keepsBcubed ??= x;
  }
  return keepsBcubed ?? CROSS_JOIN_GRID[CROSS_JOIN_GRID.length - 1]!;
}

// ---- cross-validation ----
let heldOut: unknown = null;
/** The thresholds each fold chose on its training folds. */
const foldThresholds: Array<SameStoryModel['thresholds']> = [];
if (!args.has('--skip-cv')) {
  const heldOutGiveme: FoldScore[] = [];
  const heldOutCrisis: FoldScore[] = [];
  const heldOutPairs: Array<{ source: Source; score: number; overall: number }> = [];
  const heldOutNamesOnly: Array<{ score: number; overall: number }> = [];
  const perFold: unknown[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const train = (f: number) => f !== k;
    const weights = fitWeights(examples.filter((e) => e.folds.every(train)));
    const t = await chooseThresholds(weights, train);
    const model = modelOf(weights, t);
    const g = scoreOn(await cluster(giveme, model), giveme.foldOfItem, (f) => f === k);
    const c = scoreOn(await cluster(crisis, model), crisis.foldOfItem, (f) => f === k);
    heldOutGiveme.push(g);
    heldOutCrisis.push(c);
    for (const e of examples) {
      if (e.overall === undefined || e.folds[0] !== k) continue;
      heldOutPairs.push({ source: e.source, score: predict(model, e), overall: e.overall });
      heldOutNamesOnly.push({ score: sameStoryProbability(model.acrossScripts, e.evidence), overall: e.overall });
    }
    perFold.push({ fold: k, thresholds: t, giveme: summarise([g]), crisis: summarise([c]) });
    foldThresholds.push(t);
    log(`fold ${k}: join ${t.join}, cross ${t.crossLanguageJoin}; giveme ${JSON.stringify(summarise([g]))}; crisis ${JSON.stringify(summarise([c]))}`);
  }

  // The baseline is fitted on nothing: one run over each sample, scored on the same folds.
  const baselineScore = (c: LabelledCorpus) => summarise(Array.from({ length: FOLDS }, (_, k) => scoreOn(baselineRows(c.items), c.foldOfItem, (f) => f === k)));
  const pairsOf = (source: Source) => heldOutPairs.filter((p) => p.source === source);
  heldOut = {
    giveme5w1h_events_dev: { storyline: summarise(heldOutGiveme), baseline_single_pass: baselineScore(giveme) },
    ml_crisis_topics_dev: { storyline: summarise(heldOutCrisis), baseline_single_pass: baselineScore(crisis) },
    semeval_pairs_dev: { pearson: round(ratingPearson(pairsOf('semeval-pairs'))), same_story_auc: round(sameStoryAuc(pairsOf('semeval-pairs'))) },
    semeval_de_en_dev: { pearson: round(ratingPearson(pairsOf('semeval-de-en'))), same_story_auc: round(sameStoryAuc(pairsOf('semeval-de-en'))) },
    names_and_figures_only_all_rated_pairs: { pearson: round(ratingPearson(heldOutNamesOnly)), same_story_auc: round(sameStoryAuc(heldOutNamesOnly)) },
  };
  console.log(JSON.stringify({ held_out: heldOut, per_fold: perFold }, null, 2));
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify({ date: new Date().toISOString(), held_out: heldOut, per_fold: perFold }, null, 2)}\n`);

}

/**
 * The shipped thresholds: each the median of what the folds chose. One choice on all the data swings
 * with a handful of pairs (join 0.5 on all data where the folds chose 0.5 to 0.7, and with it merged
 * fixture stories); the median is what most training sets agree on.
 */
function medianThresholds(chosen: Array<SameStoryModel['thresholds']>): SameStoryModel['thresholds'] {
  const median = (pick: (t: SameStoryModel['thresholds']) => number) => {
    const xs = chosen.map(pick).sort((a, b) => a - b);
    return xs[Math.floor((xs.length - 1) / 2)]!;
  };
  return thresholds(median((t) => t.join), median((t) => t.crossLanguageJoin), median((t) => t.windowDays), median((t) => t.crossScriptJoin));
}

/**
 * The cross-script thresholds are not re-chosen: no labelled pair here crosses scripts, and their
 * stand-in (the crisis topics scored by names and figures alone) chose anything from 0.6 to 0.85
 * across the folds of one sample, which is noise, not a fit. They stay as last fitted (before the
 * extraction of the crisis texts changed) until a labelled cross-script sample exists; the value a
 * refit would pick is in per_fold. (A stricter value also parts the seeds' Vietnamese report from
 * its English story: that is a reason not to move on noise, not a reason for the value.)
 */
function withShippedCrossScript(chosen: SameStoryModel['thresholds'], shipped: SameStoryModel['thresholds']): SameStoryModel['thresholds'] {
  return { ...chosen, crossScriptJoin: shipped.crossScriptJoin, crossScriptMerge: shipped.crossScriptMerge };
}

function predict(model: SameStoryModel, e: Example): number {
  return sameStoryProbability(e.within ? model.within : model.across, e.evidence);
}

if (args.has('--write')) {
  const all = () => true;
  const weights = fitWeights(examples);
  const chosen = foldThresholds.length ? medianThresholds(foldThresholds) : await chooseThresholds(weights, all);
  const t = withShippedCrossScript(chosen, JSON.parse(readFileSync(MODEL_FILE, 'utf8')).thresholds);
  const model: SameStoryModel = {
    $note:
      'Same-story model: logistic weights over the pair evidence of src/cluster/pair-evidence.ts (one model for pairs in one language, one across languages) and the story thresholds, fitted by bench/fit-same-story.ts on the real development samples in ../shared/data/clustering (SemEval-2022 Task 8 rated pairs, monolingual and German-English, ratings as soft labels; Giveme5W1H news_cluster events, every pair labelled same event or not; ML-Crisis topics, pairs of different topics as different stories). The cross-language words model takes the within-language weight of time apart, centred on the undated rated pairs it is fitted on (no pair across languages here is dated). Join thresholds: on the training folds of each fold, the one that best groups the labelled events and the lowest cross-language one that keeps the crisis topics apart; shipped, the median of the choices of the folds (the cross-script ones kept as last fitted: no labelled pair crosses scripts); a merge (and a shared development) needs halfway from the join threshold to certainty. Every figure in fitted.held_out comes from folds the fit did not see; rerun the script to refit.',
    version: 1,
    ...weights,
    thresholds: t,
    fitted: {
      date: new Date().toISOString().slice(0, 10),
      data: { semeval_pairs: monoFile.slice(DATA.length + 1), semeval_de_en: deEnFile.slice(DATA.length + 1), giveme_events: givemeFile.slice(DATA.length + 1), crisis_topics: crisisFile.slice(DATA.length + 1) },
      pairs: countBy(examples, (e) => `${e.source}/${e.within ? 'within' : 'across'}`),
      folds: `${FOLDS}, by sha256 of the event (giveme), the article id (crisis topics), the pair id (rated pairs): src/eval/folds.ts`,
      l2: L2,
      source_weights: SOURCE_WEIGHT,
      held_out: heldOut ?? 'run bench/fit-same-story.ts, then --stamp',
    },
  };
  writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  log(`wrote ${MODEL_FILE}`);
}

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

