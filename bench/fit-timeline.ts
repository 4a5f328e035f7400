// Fits the date-importance model (data/timeline/date-importance.json) on the Timeline17 dev sample
// (../shared/data/timelines/t17-dev): a logistic regression of "an editor dated a point on this day"
// on the day's features (DAY_FEATURES), classes weighed equally, L2 0.001, 2,500 steps of gradient
// descent from zero (deterministic). Leave-one-topic-out: fitted on the other topics, scored on each. Prints JSON with the
// held-out figures per topic, their mean, the in-sample figure of the final fit (all topics), and the
// busiest-days baseline; writes bench/results/fit-timeline.json. `--write` also writes the final fit
// (chosen on all topics) to data/timeline/date-importance.json.
//   node --import tsx bench/fit-timeline.ts [--write] [DIR]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { busiestDays, goldPointCount, ingestTopic, meanScore, scoreEvidence, scoreTimeline, topicDirs, type GoldTimeline, type TimelineScore } from '../src/eval/index.js';
import { chooseDays, collectTopicEvidence, dateImportanceModel, dayFeatures, DAY_FEATURES, type DateImportanceModel, type TopicEvidence } from '../src/timeline/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const dir = args.find((a) => !a.startsWith('--')) ?? resolve(ROOT, '..', 'shared', 'data', 'timelines', 't17-dev');

interface Case {
  topic: string;
  evidence: TopicEvidence;
  gold: GoldTimeline;
}

const cases: Case[] = [];
const seconds: Record<string, number> = {};
for (const topicDir of topicDirs(dir)) {
  const t = await ingestTopic(topicDir);
  seconds[t.topic] = Math.round(t.seconds * 100) / 100;
  const evidence = collectTopicEvidence(t.articles);
  for (const { gold } of t.golds) cases.push({ topic: t.topic, evidence, gold });
}
const topics = [...new Set(cases.map((c) => c.topic))];

const shipped = dateImportanceModel();
/** Chosen before looking at any score: a week's half-life for later references, the first three sentences as the lead. */
const SETTINGS = { lagHalfLifeDays: shipped.lagHalfLifeDays, leadSentences: shipped.leadSentences };
const L2 = 0.001;
const STEPS = 2500;
const RATE = 0.5;

/** Date-F1 alone: the days chosen, without telling them. */
function dateF1(c: Case, model: DateImportanceModel): number {
  const days = chooseDays(c.evidence, model, { points: goldPointCount(c.gold) }).chosen.map((d) => d.day);
  return scoreTimeline(days, [], c.gold).date_f1;
}

/** Labelled days of the cases: features, and whether the gold timeline has a point on the day. */
function labelledDays(train: Case[]): Array<{ x: number[]; y: number }> {
  return train.flatMap((c) => {
    const gold = new Set(c.gold.map((g) => g.date.slice(0, 10)));
    return dayFeatures(c.evidence, SETTINGS).map((d) => ({ x: d.features, y: gold.has(d.day) ? 1 : 0 }));
  });
}

/** Logistic regression by full-batch gradient descent, positives and negatives weighing half each. */
function fit(train: Case[]): DateImportanceModel {
  const rows = labelledDays(train);
  const d = DAY_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const positives = rows.filter((r) => r.y).length || 1;
  const negatives = rows.length - positives || 1;
  for (let step = 0; step < STEPS; step++) {
    const g = new Array<number>(d).fill(0);
    let gb = 0;
    for (const r of rows) {
      let z = b;
      for (let j = 0; j < d; j++) z += r.x[j]! * w[j]!;
      const weight = r.y ? rows.length / (2 * positives) : rows.length / (2 * negatives);
      const e = (1 / (1 + Math.exp(-z)) - r.y) * weight;
      for (let j = 0; j < d; j++) g[j]! += e * r.x[j]!;
      gb += e;
    }
    for (let j = 0; j < d; j++) w[j]! -= RATE * (g[j]! / rows.length + L2 * w[j]!);
    b -= (RATE * gb) / rows.length;
  }
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  return { ...SETTINGS, features: [...DAY_FEATURES], weights: w.map(r4), bias: r4(b) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const roundScore = (s: TimelineScore) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v)])) as unknown as TimelineScore;
const heldOut: Record<string, { train_date_f1: number; model: DateImportanceModel; held_out: TimelineScore }> = {};
for (const topic of topics) {
  const train = cases.filter((c) => c.topic !== topic);
  const model = fit(train);
  const f1 = train.reduce((sum, c) => sum + dateF1(c, model), 0) / train.length;
  const test = cases.filter((c) => c.topic === topic);
  heldOut[topic] = { train_date_f1: round(f1), model, held_out: roundScore(meanScore(test.map((c) => scoreEvidence(c.evidence, c.gold, model)))) };
}
const final = fit(cases);
const inSample = Object.fromEntries(topics.map((t) => [t, roundScore(meanScore(cases.filter((c) => c.topic === t).map((c) => scoreEvidence(c.evidence, c.gold, final))))]));
const baseline = Object.fromEntries(
  topics.map((t) => {
    const scores = cases
      .filter((c) => c.topic === t)
      .map((c) => {
        const b = busiestDays(c.evidence, goldPointCount(c.gold));
        return scoreTimeline(b.map((x) => x.day), b.map((x) => x.text), c.gold);
      });
    return [t, roundScore(meanScore(scores))];
  }),
);
const result = {
  data: dir,
  model: { kind: 'logistic regression', l2: L2, steps: STEPS, rate: RATE, ...SETTINGS },
  folds: 'leave one topic out',
  held_out: { mean: roundScore(meanScore(topics.map((t) => heldOut[t]!.held_out))), per_topic: heldOut },
  in_sample_final_fit: { mean: roundScore(meanScore(Object.values(inSample))), per_topic: inSample, model: final },
  baseline_busiest_days: { mean: roundScore(meanScore(Object.values(baseline))), per_topic: baseline },
  ingest_seconds_per_topic: seconds,
};
const outDir = join(ROOT, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'fit-timeline.json'), `${JSON.stringify(result, null, 2)}\n`);
if (write) {
  const file = join(ROOT, 'data', 'timeline', 'date-importance.json');
  const current = JSON.parse(readFileSync(file, 'utf8')) as { $note: string };
  writeFileSync(file, `${JSON.stringify({ $note: current.$note, ...final }, null, 2)}\n`);
}
console.log(JSON.stringify(result, null, 2));
