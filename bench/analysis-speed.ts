// Analysis speed (enrichArticle: language, repair, entities, dates, quotes, terms) on one core,
// sustained over 2,000 analyses, printed as JSON (run by bench/run.ts in a fresh process pinned to one
// core). Two sets: real news articles of 3-8 KB, and ~5 KB articles built from the paragraphs of
// test/fixtures/analysis/multilingual.jsonl or the seeds, in a rotating order.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainArticle, type ExtractedArticle } from '../src/domain/index.js';
import { enrichArticle } from '../src/enrich/index.js';
import { readAnalysisFixtures } from '../src/eval/run-analysis.js';
import { sustainedRate } from './sustained.js';

export interface AnalysisSpeedFigure {
  articles: number;
  mean_kb: number;
  articles_per_second: number;
  passes: number;
}

const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'analysis', 'multilingual.jsonl');
const ARTICLES = 240;
const TARGET_BYTES = 5 * 1024;

interface Source {
  title: string;
  published: string;
  paragraphs: string[];
}

function sources(): Source[] {
  const byLanguage = new Map<string, Source>();
  for (const fx of readAnalysisFixtures(FIXTURES)) {
    const source = byLanguage.get(fx.lang) ?? { title: fx.title, published: fx.published, paragraphs: [] };
    source.paragraphs.push(`${fx.title}\n${fx.text}`);
    byLanguage.set(fx.lang, source);
  }
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(SEEDS, f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
  return [...byLanguage.values(), { title: 'Putin to visit North Korea', published: '2024-06-18', paragraphs: seeds }];
}

/** The i-th article: one source's paragraphs from a rotating start, repeated until 5 KB. */
function buildArticles(): ExtractedArticle[] {
  const all = sources();
  return Array.from({ length: ARTICLES }, (_, i) => {
    const source = all[i % all.length]!;
    const parts: string[] = [];
    let bytes = 0;
    for (let k = Math.floor(i / all.length); bytes < TARGET_BYTES; k++) {
      const p = source.paragraphs[k % source.paragraphs.length]!;
      parts.push(p);
      bytes += Buffer.byteLength(p) + 2;
    }
    return plainArticle({ origin: `bench-${i}`, title: source.title, text: parts.join('\n\n'), publishedDay: source.published });
  });
}

/** Analyses per measurement: enough for the heap and the JIT to settle. */
const MIN_ARTICLES = 2000;

function measure(set: ExtractedArticle[]): AnalysisSpeedFigure {
  const { items_per_second, passes } = sustainedRate(set, (a) => enrichArticle(a), MIN_ARTICLES);
  const kb = set.reduce((n, a) => n + Buffer.byteLength(`${a.title}\n${a.text}`), 0) / set.length / 1024;
  return { articles: set.length, mean_kb: Math.round(kb * 100) / 100, articles_per_second: items_per_second, passes };
}

/**
 * Real news articles of 3-8 KB (mean about 5 KB): the SemEval-2022 same-story sample's texts in six
 * languages, as published. Unlike the fixture-built set, whose every paragraph was chosen for its
 * dates, names and quotes, this is what a day's news looks like.
 */
function newsArticles(): ExtractedArticle[] {
  const file = resolve(ROOT, '..', 'shared', 'data', 'clustering', 'semeval2022-task8-pairs-dev', 'pairs.jsonl');
  const seen = new Set<string>();
  const out: ExtractedArticle[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const pair = JSON.parse(line) as Record<string, string>;
    for (const k of ['1', '2']) {
      const text = pair[`text${k}`] ?? '';
      const bytes = Buffer.byteLength(text);
      if (bytes < 3 * 1024 || bytes > 8 * 1024 || seen.has(text)) continue;
      seen.add(text);
      out.push(plainArticle({ origin: `news-${out.length}`, title: pair[`title${k}`] ?? '', text, publishedDay: '2020-06-15' }));
    }
  }
  return out;
}

process.stdout.write(JSON.stringify({ typical_5_kb: measure(newsArticles()), fixture_built_5_kb: measure(buildArticles()) }));
