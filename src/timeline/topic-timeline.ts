// A topic's timeline from its whole coverage, the DATEWISE way: first decide which days matter (how
// many independent articles report or refer to a day, and how soon after it), then tell each chosen
// day with the most central acceptable sentence of the articles that report it. Pure: articles in,
// timeline out. The weights are data (data/timeline/date-importance.json, fitted by bench/fit-timeline.ts).
import { z } from 'zod';
import type { DatePrecision, StoredArticle } from '../domain/index.js';
import { loadDataFile } from '../lib/data-files.js';
import { stopWords } from '../lib/stop-words.js';
import { splitSentences } from '../lang/index.js';
import { foldedWords, sentenceFlaw } from './point-text.js';
import { formatPublished } from './story-view.js';

export interface TopicTimelinePoint {
  date: string;
  start: string;
  end?: string;
  precision: DatePrecision;
  text: string;
  language: string;
  articles: string[];
  sources: string[];
  otherLanguages: string[];
  importance: number;
}

export interface TopicTimeline {
  points: TopicTimelinePoint[];
  background: Array<TopicTimelinePoint & { reason: string }>;
  summary: string;
  language: string;
  articleCount: number;
}

export interface TopicTimelineOptions {
  points?: number;
  language?: string;
  from?: string;
  to?: string;
}

const DateImportanceSchema = z.object({
  $note: z.string(),
  /** Days over which a later reference to a day halves in weight. */
  lagHalfLifeDays: z.number().positive(),
  /** A reference in one of an article's first this-many sentences is a lead reference. */
  leadSentences: z.number().int().min(0),
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
});
export type DateImportanceModel = Omit<z.infer<typeof DateImportanceSchema>, '$note'>;

export function dateImportanceModel(): DateImportanceModel {
  const { $note: _note, ...model } = loadDataFile('timeline/date-importance.json', DateImportanceSchema);
  if (model.features.length !== model.weights.length || model.features.some((f, i) => f !== DAY_FEATURES[i])) {
    throw new Error('data/timeline/date-importance.json: features must be, in order: ' + DAY_FEATURES.join(', '));
  }
  return model;
}

/**
 * What a day's importance is judged by, per day, from distinct originals (copies count once). Counts
 * come as log(1 + n) and as a share of the topic's largest, so that a small and a large topic compare.
 */
export const DAY_FEATURES = [
  'log_published',
  'log_referred_later',
  'log_same_day_mentions',
  'log_lead_mentions',
  'log_decayed_later',
  'centrality',
  'before_first_report',
  'published_share_of_max',
  'referred_later_share_of_max',
  'decayed_later_share_of_max',
  'lead_mentions_share_of_max',
] as const;

/** Days this long before the first report are background; this far from the reporting they are implausible. */
const BACKGROUND_DAYS = 180;
const IMPLAUSIBLE_DAYS = 3650;
const MAX_BACKGROUND = 10;
const MAX_POINT_TEXT = 400;
/** A point tells its day in one sentence, or two that add up to at most this many words (a short summary). */
const MAX_POINT_WORDS = 60;
const SUMMARY_SENTENCES = { min: 2, max: 4 };
const SUMMARY_ARTICLES = 5;
const LEAD_CANDIDATES = 3;
/** Two sentences sharing this share of their content words tell the same fact. */
const SAME_FACT_OVERLAP = 0.5;

/** A reference to a day by one original article: the evidence the day's importance is made of. */
export interface DayReport {
  article: number;
  /** Days from the day to the report's publication (negative for a forecast); null when undated. */
  lag: number | null;
  published: boolean;
  lead: boolean;
  sentence: string;
  /** Rank of the sentence in its article. */
  position: number;
  /** Announced ahead: a forecast or plan ("will visit on Tuesday"), not a report of what happened. */
  ahead: boolean;
  /** Closeness of the sentence to the whole coverage (cosine to the centroid of the originals, 0..1 over the topic). */
  centrality: number;
}

/** Everything the day choice and the point texts need, computed once from the articles. */
export interface TopicEvidence {
  originals: StoredArticle[];
  copiesOf: Map<string, StoredArticle[]>;
  days: Map<string, DayReport[]>;
  language: string;
  /** First and last publication day of the originals. */
  firstReport: string | null;
  lastReport: string | null;
}

export function buildTopicTimeline(articles: readonly StoredArticle[], options: TopicTimelineOptions = {}): TopicTimeline {
  const evidence = collectTopicEvidence(articles, options.language);
  return timelineFromEvidence(evidence, dateImportanceModel(), options);
}

/** The story summary alone (2-4 sentences in the main language), without ranking days: for the story page. */
export function summarizeTopic(articles: readonly StoredArticle[], language?: string): string {
  const ids = new Set(articles.map((a) => a.id));
  const originals = articles.filter((a) => !a.duplicateOf || !ids.has(a.duplicateOf));
  const evidence: TopicEvidence = { originals, copiesOf: new Map(), days: new Map(), language: language ?? mainLanguage(originals), firstReport: null, lastReport: null };
  return storySummary(evidence, inverseDocumentFrequency(originals));
}

/** The timeline from collected evidence under a date-importance model (the fit varies the model). */
export function timelineFromEvidence(evidence: TopicEvidence, model: DateImportanceModel, options: TopicTimelineOptions = {}): TopicTimeline {
  const { chosen, background } = chooseDays(evidence, model, options);
  const idf = inverseDocumentFrequency(evidence.originals);
  const point = (d: ScoredDay) => toPoint(d, evidence, idf);
  return {
    points: chosen.map(point).sort((a, b) => a.start.localeCompare(b.start)),
    background: background.slice(0, MAX_BACKGROUND).map(({ day, reason }) => ({ ...point(day), reason })).sort((a, b) => a.start.localeCompare(b.start)),
    summary: storySummary(evidence, idf),
    language: evidence.language,
    articleCount: evidence.originals.length,
  };
}

/** The most important days within the window (most important first), the background days with their reason, and the top score. */
export function chooseDays(evidence: TopicEvidence, model: DateImportanceModel, options: TopicTimelineOptions = {}): { chosen: ScoredDay[]; background: Array<{ day: ScoredDay; reason: string }> } {
  const scored = scoreDays(evidence, model);
  const { inWindow, background } = placeDays(scored, evidence, options);
  const count = options.points ?? defaultPointCount(inWindow.length);
  return { chosen: inWindow.slice(0, count), background };
}

/**
 * A size that fits the selection: twice the square root of the number of distinct reported days
 * (9 reported days give 6 points, 100 give 20), at least 3, at most 40, never more than there are.
 */
export function defaultPointCount(reportedDays: number): number {
  return Math.min(reportedDays, Math.max(3, Math.min(40, Math.round(2 * Math.sqrt(reportedDays)))));
}

export function collectTopicEvidence(articles: readonly StoredArticle[], language?: string): TopicEvidence {
  const ids = new Set(articles.map((a) => a.id));
  // A copy whose original is not among the articles stands for it.
  const originals = articles.filter((a) => !a.duplicateOf || !ids.has(a.duplicateOf));
  const copiesOf = new Map<string, StoredArticle[]>();
  for (const a of articles) if (a.duplicateOf && ids.has(a.duplicateOf)) copiesOf.set(a.duplicateOf, [...(copiesOf.get(a.duplicateOf) ?? []), a]);
  const days = new Map<string, DayReport[]>();
  const idf = inverseDocumentFrequency(originals);
  const centroid = coverageCentroid(originals, idf);
  let maxCentrality = 0;
  const add = (day: string, report: Omit<DayReport, 'centrality'>) => {
    const a = originals[report.article]!;
    const centrality = report.sentence ? dot(sentenceVector(report.sentence, a.language, idf), centroid) : 0;
    maxCentrality = Math.max(maxCentrality, centrality);
    days.set(day, [...(days.get(day) ?? []), { ...report, centrality }]);
  };
  originals.forEach((a, i) => {
    const published = a.published?.precision === 'day' && a.publishedSource !== 'inferred' && a.publishedSource !== 'story' ? a.published.start : null;
    const sentences = splitSentences(a.text, a.language);
    const rankOf = (offset: number) => {
      const r = sentences.findIndex((s) => s.offset <= offset && offset < s.offset + s.text.length);
      return r < 0 ? sentences.length : r;
    };
    if (published) {
      const lead = leadSentence(a, sentences);
      add(published, { article: i, lag: 0, published: true, lead: true, sentence: lead, position: 0, ahead: false });
    }
    for (const m of a.dates) {
      // A point of reference ("since June 1") reports nothing that happened on the day.
      if (m.precision !== 'day' || m.reference) continue;
      const position = rankOf(m.offset);
      const lag = published ? dayNumber(published) - dayNumber(m.start) : null;
      // A forecast: dated after its report, or in the future tense in an undated report. A future-tense
      // clause about a day the report has reached ("will arrive on Tuesday", published that Tuesday) is not.
      const ahead = lag === null ? m.tense === 'future' : lag < 0;
      add(m.start, { article: i, lag, published: false, lead: false, sentence: m.sentence, position, ahead });
    }
  });
  for (const reports of days.values()) for (const r of reports) r.centrality = maxCentrality ? r.centrality / maxCentrality : 0;
  const publishedDays = originals.flatMap((a) => (a.published?.precision === 'day' ? [a.published.start] : [])).sort();
  return {
    originals,
    copiesOf,
    days,
    language: language ?? mainLanguage(originals),
    firstReport: publishedDays[0] ?? null,
    lastReport: publishedDays[publishedDays.length - 1] ?? null,
  };
}

export interface ScoredDay {
  day: string;
  score: number;
  reports: DayReport[];
}

/** Each day's features (DAY_FEATURES, in order), from the reports of distinct originals. */
export function dayFeatures(evidence: TopicEvidence, model: Pick<DateImportanceModel, 'lagHalfLifeDays' | 'leadSentences'>): Array<{ day: string; reports: DayReport[]; features: number[] }> {
  const first = evidence.firstReport ? dayNumber(evidence.firstReport) : null;
  const raw = [...evidence.days].map(([day, reports]) => {
    const distinct = (keep: (r: DayReport) => boolean) => new Set(reports.filter(keep).map((r) => r.article)).size;
    // What happened on the day: mentions by dated reports, forecasts left out.
    const mention = (r: DayReport) => !r.published && !r.ahead && r.lag !== null;
    const decayed = new Map<number, number>();
    for (const r of reports) if (mention(r) && r.lag! >= 1) decayed.set(r.article, Math.max(decayed.get(r.article) ?? 0, 0.5 ** (r.lag! / model.lagHalfLifeDays)));
    let decayedSum = 0;
    for (const w of decayed.values()) decayedSum += w;
    return {
      day,
      reports,
      published: distinct((r) => r.published),
      later: distinct((r) => mention(r) && r.lag! >= 1),
      sameDay: distinct((r) => mention(r) && r.lag === 0),
      lead: distinct((r) => mention(r) && r.lag! >= 0 && r.position < model.leadSentences),
      decayed: decayedSum,
      centrality: Math.max(0, ...reports.filter((r) => !r.published && !r.ahead).map((r) => r.centrality)),
      before: first !== null && dayNumber(day) < first ? 1 : 0,
    };
  });
  const max = (f: (x: (typeof raw)[number]) => number) => Math.max(1e-9, ...raw.map(f));
  const maxPublished = max((x) => x.published);
  const maxLater = max((x) => x.later);
  const maxDecayed = max((x) => x.decayed);
  const maxLead = max((x) => x.lead);
  return raw.map((x) => ({
    day: x.day,
    reports: x.reports,
    features: [
      Math.log1p(x.published),
      Math.log1p(x.later),
      Math.log1p(x.sameDay),
      Math.log1p(x.lead),
      Math.log1p(x.decayed),
      x.centrality,
      x.before,
      x.published / maxPublished,
      x.later / maxLater,
      x.decayed / maxDecayed,
      x.lead / maxLead,
    ],
  }));
}

/** Each day's importance: the fitted model's probability that an editor would date a point on it. */
export function scoreDays(evidence: TopicEvidence, model: DateImportanceModel): ScoredDay[] {
  return dayFeatures(evidence, model)
    .map(({ day, reports, features }) => {
      let z = model.bias;
      features.forEach((x, i) => (z += x * model.weights[i]!));
      return { day, reports, score: 1 / (1 + Math.exp(-z)) };
    })
    .sort((a, b) => b.score - a.score || a.day.localeCompare(b.day));
}

/** Days within the options' window and the story's span, and the rest as background with the reason. */
function placeDays(scored: ScoredDay[], evidence: TopicEvidence, options: TopicTimelineOptions): { inWindow: ScoredDay[]; background: Array<{ day: ScoredDay; reason: string }> } {
  const inWindow: ScoredDay[] = [];
  const background: Array<{ day: ScoredDay; reason: string }> = [];
  const first = evidence.firstReport ? dayNumber(evidence.firstReport) : null;
  const last = evidence.lastReport ? dayNumber(evidence.lastReport) : null;
  for (const d of scored) {
    if ((options.from && d.day < options.from) || (options.to && d.day > options.to)) continue;
    const n = dayNumber(d.day);
    if (first !== null && n < first - IMPLAUSIBLE_DAYS) continue;
    if (last !== null && n > last + IMPLAUSIBLE_DAYS) continue;
    if (first !== null && n < first - BACKGROUND_DAYS) background.push({ day: d, reason: `${first - n} days before the first report: background` });
    else if (last !== null && n > last) background.push({ day: d, reason: `${n - last} ${n - last === 1 ? 'day' : 'days'} after the latest report: not yet reported as done` });
    else inWindow.push(d);
  }
  return { inWindow, background };
}

type Idf = Map<string, number>;

/** Document frequencies of content words over the originals, for weighing sentence words. */
function inverseDocumentFrequency(originals: StoredArticle[]): Idf {
  const df = new Map<string, number>();
  for (const a of originals) for (const w of new Set(contentWords(`${a.title}\n${a.text}`, a.language))) df.set(w, (df.get(w) ?? 0) + 1);
  const n = originals.length;
  const idf: Idf = new Map();
  for (const [w, c] of df) idf.set(w, Math.log((n + 1) / c));
  return idf;
}

const stopSets = new Map<string, Set<string>>();
function contentWords(text: string, language: string): string[] {
  let stop = stopSets.get(language);
  if (!stop) stopSets.set(language, (stop = new Set(stopWords(language))));
  return foldedWords(text).filter((w) => w.length > 2 && !stop!.has(w) && !/^\d+$/.test(w));
}

type Vector = Map<string, number>;

function sentenceVector(text: string, language: string, idf: Idf): Vector {
  const v: Vector = new Map();
  for (const w of contentWords(text, language)) v.set(w, (v.get(w) ?? 0) + (idf.get(w) ?? 0));
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [w, x] of v) v.set(w, x / norm);
  return v;
}

/** The originals' mean unit vector: what the coverage as a whole is about. */
function coverageCentroid(originals: StoredArticle[], idf: Idf): Vector {
  const centroid: Vector = new Map();
  for (const a of originals) for (const [w, x] of sentenceVector(`${a.title}\n${a.text}`, a.language, idf)) centroid.set(w, (centroid.get(w) ?? 0) + x / originals.length);
  return centroid;
}

function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (const [w, x] of a) s += x * (b.get(w) ?? 0);
  return s;
}

/**
 * The point for a chosen day: among the acceptable sentences that report it (in the main language when
 * any is), the one closest to the others (the day's centroid), earlier sentences of an article first.
 */
function toPoint(d: ScoredDay, evidence: TopicEvidence, idf: Idf): TopicTimelinePoint {
  const { originals, copiesOf, language } = evidence;
  const articleIdx = [...new Set(d.reports.map((r) => r.article))];
  const candidates = d.reports
    .map((r) => ({ r, a: originals[r.article]!, text: r.sentence }))
    .filter((c) => c.text && !sentenceFlaw(c.text, c.a.language));
  // What happened rather than what was announced, when any report tells it.
  const told = candidates.filter((c) => !c.r.ahead);
  if (told.length) candidates.splice(0, candidates.length, ...told);
  const inMain = candidates.filter((c) => c.a.language === language);
  const pool = inMain.length ? inMain : candidates;
  let text = '';
  let textLanguage = language;
  if (pool.length) {
    const vectors = pool.map((c) => sentenceVector(c.text, c.a.language, idf));
    const centroid: Vector = new Map();
    for (const v of vectors) for (const [w, x] of v) centroid.set(w, (centroid.get(w) ?? 0) + x);
    // Closeness to the others (its own weight taken out), a little for being early in its article.
    const ranked = pool
      .map((c, i) => ({ c, score: dot(vectors[i]!, centroid) - 1 + 0.5 / (1 + c.r.position) }))
      .sort((x, y) => y.score - x.score);
    const first = ranked[0]!.c;
    [text, textLanguage] = [first.text, first.a.language];
    // A short summary: a second sentence in the same language when one adds a fact and the two stay short.
    const second = ranked.find(({ c }) => c.a.language === first.a.language && c.text !== first.text && !sameFact(c.text, first.text, c.a.language));
    if (second && foldedWords(first.text).length + foldedWords(second.c.text).length <= MAX_POINT_WORDS) text = `${first.text} ${second.c.text}`;
  } else {
    const fallback = d.reports.map((r) => ({ text: r.sentence, a: originals[r.article]! })).find((c) => c.text);
    text = fallback?.text ?? originals[d.reports[0]!.article]!.title;
    textLanguage = fallback?.a.language ?? language;
  }
  const reporting = articleIdx.map((i) => originals[i]!);
  const languages = [...new Set(reporting.map((a) => a.language))];
  return {
    date: formatPublished(d.day, 'day'),
    start: d.day,
    precision: 'day',
    text: truncate(text),
    language: textLanguage,
    articles: [...reporting.map((a) => a.id), ...reporting.flatMap((a) => (copiesOf.get(a.id) ?? []).map((c) => c.id))],
    sources: [...new Set([...reporting, ...reporting.flatMap((a) => copiesOf.get(a.id) ?? [])].map((a) => a.source).filter((s): s is string => !!s))],
    otherLanguages: languages.filter((l) => l !== textLanguage).sort(),
    importance: Math.round(d.score * 1000) / 1000,
  };
}

/**
 * 2-4 sentences in the main language from the most central reports: their opening sentences, the
 * most central first, none repeating a fact already told, none flawed; told in publication order.
 */
function storySummary(evidence: TopicEvidence, idf: Idf): string {
  const pool = evidence.originals.filter((a) => a.language === evidence.language);
  if (!pool.length) return '';
  const vectors = pool.map((a) => sentenceVector(`${a.title}\n${a.text}`, a.language, idf));
  const centroid: Vector = new Map();
  for (const v of vectors) for (const [w, x] of v) centroid.set(w, (centroid.get(w) ?? 0) + x / pool.length);
  const central = pool
    .map((a, i) => ({ a, score: dot(vectors[i]!, centroid) }))
    .sort((x, y) => y.score - x.score)
    .slice(0, SUMMARY_ARTICLES);
  const candidates = central.flatMap(({ a }, rank) =>
    splitSentences(a.text, a.language)
      .slice(0, LEAD_CANDIDATES * 2)
      .filter((s) => !sentenceFlaw(s.text, a.language))
      .slice(0, LEAD_CANDIDATES)
      .map((s, position) => ({ a, text: s.text, v: sentenceVector(s.text, a.language, idf), position, rank })),
  );
  const scored = candidates
    .map((c) => ({ ...c, score: dot(c.v, centroid) / Math.sqrt(dot(centroid, centroid) || 1) + 0.2 / (1 + c.position) }))
    .sort((x, y) => y.score - x.score);
  const picked: typeof scored = [];
  for (const c of scored) {
    if (picked.length >= SUMMARY_SENTENCES.max) break;
    if (picked.some((p) => sameFact(p.text, c.text, c.a.language))) continue;
    picked.push(c);
  }
  if (picked.length < SUMMARY_SENTENCES.min) {
    for (const a of pool) {
      const lead = leadSentence(a, splitSentences(a.text, a.language));
      if (lead && !picked.some((p) => p.text === lead)) picked.push({ a, text: lead, v: new Map(), position: 0, rank: 0, score: 0 });
      if (picked.length >= SUMMARY_SENTENCES.min) break;
    }
  }
  return picked
    .sort((x, y) => (x.a.published?.start ?? '').localeCompare(y.a.published?.start ?? '') || x.position - y.position)
    .map((p) => truncate(p.text))
    .join(' ');
}

function sameFact(a: string, b: string, language: string): boolean {
  const x = new Set(contentWords(a, language));
  const y = new Set(contentWords(b, language));
  if (!x.size || !y.size) return a === b;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.min(x.size, y.size) >= SAME_FACT_OVERLAP;
}

/** An article's own news on its publication day: its first acceptable sentence, else its headline. */
function leadSentence(a: StoredArticle, sentences: Array<{ text: string }>): string {
  const first = sentences.slice(0, LEAD_CANDIDATES * 2).find((s) => !sentenceFlaw(s.text, a.language));
  return first?.text ?? a.title;
}

function mainLanguage(articles: StoredArticle[]): string {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.language, (counts.get(a.language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'und';
}

function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

function truncate(s: string): string {
  return s.length <= MAX_POINT_TEXT ? s : `${s.slice(0, MAX_POINT_TEXT - 1).trimEnd()}…`;
}
