// Where a story's sources differ, derived from what each article reports:
// - developments only one outlet reports, when the story has several outlets (an article whose outlet
//   is unknown is no outlet: it neither adds to the outlets nor makes a development single-source);
// - the same development (near-identical sentences in two articles) given dates that do not overlap.
import { isEventMention, type DatePrecision, type StoredArticle, type StoryView } from '../domain/index.js';
import { contentTerms } from '../enrich/index.js';
import { endOf, formatPublished, isOriginal } from './story-view.js';

/** Sentences this similar (Jaccard over content terms) tell the same development. */
const SAME_DEVELOPMENT_SIMILARITY = 0.5;
/** A term in more sentences than this is too common to pair sentences by. */
const MAX_TERM_POSTINGS = 60;
const MIN_SHARED_TERMS = 3;
const MAX_CONFLICTS = 50;

export interface SingleSourcePoint {
  date: string;
  text: string;
  source: string;
  articles: string[];
}

export interface DateReport {
  article: string;
  source: string | null;
  date: string;
  sentence: string;
}

export interface DateConflict {
  similarity: number;
  reports: [DateReport, DateReport];
}

export interface SourceDifferences {
  /** The distinct known outlets. */
  outlets: string[];
  /** Articles whose outlet is unknown: listed as such, never counted as an outlet. */
  unknownOutletArticles: number;
  singleSource: SingleSourcePoint[];
  dateConflicts: DateConflict[];
}

export function findSourceDifferences(view: StoryView, articles: StoredArticle[]): SourceDifferences {
  const outletOf = new Map(articles.map((a) => [a.id, a.source]));
  const outlets = [...new Set(articles.map((a) => a.source).filter((s): s is string => s !== null))].sort();
  return {
    outlets,
    unknownOutletArticles: articles.filter((a) => a.source === null).length,
    singleSource: outlets.length > 1 ? singleSourcePoints(view, outletOf) : [],
    dateConflicts: dateConflicts(articles.filter(isOriginal)),
  };
}

/** Points every article of which comes from one known outlet: an unknown outlet may be another one. */
function singleSourcePoints(view: StoryView, outletOf: Map<string, string | null>): SingleSourcePoint[] {
  const out: SingleSourcePoint[] = [];
  for (const p of view.timeline) {
    const sources = new Set(p.articles.map((id) => outletOf.get(id) ?? null));
    const [only] = sources;
    if (sources.size === 1 && only) out.push({ date: p.date, text: p.text, source: only, articles: p.articles });
  }
  return out;
}

interface Mention {
  article: StoredArticle;
  start: string;
  end: string;
  precision: DatePrecision;
  sentence: string;
  terms: Set<string>;
}

function dateConflicts(articles: StoredArticle[]): DateConflict[] {
  const mentions = datedSentences(articles);
  const postings = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    for (const t of m.terms) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  // Pairs of sentences from different articles that share enough uncommon terms.
  const shared = new Map<string, number>();
  for (const list of postings.values()) {
    if (list.length > MAX_TERM_POSTINGS) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = `${list[x]}|${list[y]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const conflicts: DateConflict[] = [];
  const seen = new Set<string>();
  for (const [key, count] of shared) {
    if (count < MIN_SHARED_TERMS) continue;
    const [i, j] = key.split('|').map(Number) as [number, number];
    const a = mentions[i]!;
    const b = mentions[j]!;
    if (a.article.id === b.article.id || overlaps(a, b)) continue;
    const similarity = count / (a.terms.size + b.terms.size - count);
    if (similarity < SAME_DEVELOPMENT_SIMILARITY) continue;
    const reports = [report(a), report(b)].sort((x, y) => x.date.localeCompare(y.date)) as [DateReport, DateReport];
    const id = `${reports[0].article}|${reports[0].date}|${reports[1].article}|${reports[1].date}`;
    if (seen.has(id)) continue;
    seen.add(id);
    conflicts.push({ similarity: Math.round(similarity * 100) / 100, reports });
  }
  return conflicts.sort((x, y) => y.similarity - x.similarity || x.reports[0].date.localeCompare(y.reports[0].date)).slice(0, MAX_CONFLICTS);
}

function datedSentences(articles: StoredArticle[]): Mention[] {
  const out: Mention[] = [];
  for (const article of articles) {
    for (const d of article.dates) {
      if (!isEventMention(d)) continue;
      const terms = new Set(contentTerms(d.sentence, article.language));
      if (terms.size < MIN_SHARED_TERMS) continue;
      out.push({ article, start: d.start, end: d.end ?? endOf(d.start, d.precision), precision: d.precision, sentence: d.sentence, terms });
    }
  }
  return out;
}

/** Coarse dates cover their whole month or year: "in June" and "on June 18" do not conflict. */
function overlaps(a: Mention, b: Mention): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function report(m: Mention): DateReport {
  return { article: m.article.id, source: m.article.source, date: formatPublished(m.start, m.precision), sentence: m.sentence };
}
