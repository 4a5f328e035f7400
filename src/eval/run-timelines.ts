// `storyline eval timelines DIR`: the Timeline17 layout (../shared/data/timelines/README.md), one folder
// per topic with `articles.jsonl` ({id, lang, title, text, date}) and `timelines/*.timeline.json`
// ([{date, text}], written by editors). Per topic: the articles go through the real pipeline into a fresh
// temporary store; per gold timeline, the topic timeline is asked for N points (N = the gold timeline's
// distinct days) and scored by Date-F1 and ROUGE-1 F, beside the N busiest publication days.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError, type RawDocument, type StoredArticle } from '../domain/index.js';
import { analyzeDocument, BatchedWrites, emptySummary, storeAnalyzed } from '../pipeline/index.js';
import { SqliteStoryStore } from '../store/index.js';
import { collectTopicEvidence, timelineFromEvidence, dateImportanceModel, type DateImportanceModel, type TopicEvidence } from '../timeline/index.js';
import { readJsonl } from './read-jsonl.js';
import { rouge1 } from './rouge.js';

const ArticleSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  lang: z.string().min(2),
  title: z.string().default(''),
  // An empty text is kept in the file's count but is not an article (the pipeline refuses it).
  text: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  source: z.string().optional(),
  url: z.string().optional(),
});
const GoldSchema = z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}/), text: z.string() }));
export type GoldTimeline = z.infer<typeof GoldSchema>;

export interface TimelineScore {
  date_f1: number;
  date_precision: number;
  date_recall: number;
  rouge1_f: number;
}

export interface TopicTimelineEval {
  topic: string;
  timeline: string;
  /** The gold timeline's distinct days, the number of points asked for. */
  points: number;
  articles: number;
  originals: number;
  storyline: TimelineScore;
  baseline_busiest_days: TimelineScore;
  seconds: number;
}

export interface TimelinesEval {
  topics: number;
  timelines: number;
  mean: { storyline: TimelineScore; baseline_busiest_days: TimelineScore };
  per_timeline: TopicTimelineEval[];
}

/** A topic's articles, stored by the real pipeline (copies linked to their originals) and read back. */
export interface IngestedTopic {
  topic: string;
  articles: StoredArticle[];
  golds: Array<{ name: string; gold: GoldTimeline }>;
  seconds: number;
}

export function topicDirs(dir: string): string[] {
  if (!existsSync(dir)) throw new InputError(dir, 'no such folder');
  const topics = readdirSync(dir)
    .filter((t) => statSync(join(dir, t)).isDirectory() && existsSync(join(dir, t, 'articles.jsonl')))
    .sort();
  if (!topics.length) throw new InputError(dir, 'holds no <topic>/articles.jsonl');
  return topics.map((t) => join(dir, t));
}

export async function ingestTopic(topicDir: string): Promise<IngestedTopic> {
  const started = process.hrtime.bigint();
  const file = join(topicDir, 'articles.jsonl');
  const items = readJsonl(file, ArticleSchema, 'an article').sort((a, b) => a.date.localeCompare(b.date));
  const dir = mkdtempSync(join(tmpdir(), 'storyline-eval-timelines-'));
  const store = new SqliteStoryStore(join(dir, 'eval.db'));
  const batch = new BatchedWrites(store);
  const summary = emptySummary();
  let articles: StoredArticle[];
  try {
    for (const item of items) {
      const doc: RawDocument = {
        origin: `${file}:${item.id}`,
        format: 'text',
        body: item.text,
        ...(item.url ? { url: item.url } : {}),
        hints: { id: item.id, ...(item.title ? { title: item.title } : {}), published: item.date, language: item.lang, ...(item.source ? { source: item.source } : {}) },
      };
      let enriched;
      try {
        enriched = analyzeDocument(doc);
      } catch {
        continue; // not an article
      }
      await batch.next();
      await storeAnalyzed(doc, enriched, store, summary);
    }
    await batch.commit();
    articles = await store.listArticles();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const timelinesDir = join(topicDir, 'timelines');
  const golds = existsSync(timelinesDir)
    ? readdirSync(timelinesDir)
        .filter((f) => f.endsWith('.timeline.json'))
        .sort()
        .map((name) => ({ name, gold: parseGold(join(timelinesDir, name)) }))
    : [];
  return { topic: topicDir.split(/[\\/]/).pop()!, articles, golds, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function parseGold(file: string): GoldTimeline {
  const parsed = GoldSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new InputError(file, 'is not a timeline: [{date, text}] expected');
  return parsed.data;
}

/** Date-F1 of a set of days against the gold days, and ROUGE-1 F of the texts against the gold texts. */
export function scoreTimeline(days: string[], texts: string[], gold: GoldTimeline): TimelineScore {
  const goldDays = new Set(gold.map((g) => g.date.slice(0, 10)));
  const found = new Set(days);
  let hit = 0;
  for (const d of found) if (goldDays.has(d)) hit++;
  const precision = found.size ? hit / found.size : 0;
  const recall = goldDays.size ? hit / goldDays.size : 0;
  return {
    date_f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    date_precision: precision,
    date_recall: recall,
    rouge1_f: rouge1(texts.join('\n'), gold.map((g) => g.text).join('\n')).f1,
  };
}

/** Distinct days of a gold timeline: the number of points asked for. */
export function goldPointCount(gold: GoldTimeline): number {
  return new Set(gold.map((g) => g.date.slice(0, 10))).size;
}

/** Storyline's timeline of N points for the evidence, scored. */
export function scoreEvidence(evidence: TopicEvidence, gold: GoldTimeline, model: DateImportanceModel = dateImportanceModel()): TimelineScore {
  const timeline = timelineFromEvidence(evidence, model, { points: goldPointCount(gold) });
  return scoreTimeline(
    timeline.points.map((p) => p.start),
    timeline.points.map((p) => p.text),
    gold,
  );
}

/** The baseline: the N days on which most originals were published, each told by its first report's headline and lead. */
export function busiestDays(evidence: TopicEvidence, n: number): Array<{ day: string; text: string }> {
  const byDay = new Map<string, StoredArticle[]>();
  for (const a of evidence.originals) if (a.published?.precision === 'day') byDay.set(a.published.start, [...(byDay.get(a.published.start) ?? []), a]);
  return [...byDay]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([day, list]) => ({ day, text: `${list[0]!.title} ${/^.+?[.!?](?=\s|$)/su.exec(list[0]!.text)?.[0] ?? ''}`.trim() }));
}

export async function evalTimelines(dir: string): Promise<TimelinesEval> {
  const rows: TopicTimelineEval[] = [];
  const topics = topicDirs(dir);
  for (const topicDir of topics) {
    const topic = await ingestTopic(topicDir);
    for (const { name, gold } of topic.golds) {
      const started = process.hrtime.bigint();
      const evidence = collectTopicEvidence(topic.articles);
      const storyline = scoreEvidence(evidence, gold);
      const seconds = topic.seconds + Number(process.hrtime.bigint() - started) / 1e9;
      const base = busiestDays(evidence, goldPointCount(gold));
      rows.push({
        topic: topic.topic,
        timeline: name,
        points: goldPointCount(gold),
        articles: topic.articles.length,
        originals: evidence.originals.length,
        storyline,
        baseline_busiest_days: scoreTimeline(base.map((b) => b.day), base.map((b) => b.text), gold),
        seconds,
      });
    }
  }
  return { topics: topics.length, timelines: rows.length, mean: { storyline: meanScore(rows.map((r) => r.storyline)), baseline_busiest_days: meanScore(rows.map((r) => r.baseline_busiest_days)) }, per_timeline: rows };
}

export function meanScore(scores: TimelineScore[]): TimelineScore {
  const mean = (f: (s: TimelineScore) => number) => (scores.length ? scores.reduce((s, x) => s + f(x), 0) / scores.length : 0);
  return { date_f1: mean((s) => s.date_f1), date_precision: mean((s) => s.date_precision), date_recall: mean((s) => s.date_recall), rouge1_f: mean((s) => s.rouge1_f) };
}
