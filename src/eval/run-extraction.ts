// `storyline eval extraction DIR`: the article-extraction benchmark layout (html/<id>.html.gz + ground-truth.json).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../domain/index.js';
import { extractArticle } from '../extract/index.js';
import { decodeText } from '../ingest/index.js';
import { scoreCorpus, scorePage, type CorpusScore, type PageScore } from './extraction-score.js';

interface GroundTruth {
  [id: string]: { articleBody: string; url?: string };
}

export interface ExtractionEval extends CorpusScore {
  pages_per_second: number;
}

export function readGroundTruth(dir: string): GroundTruth {
  const file = join(dir, 'ground-truth.json');
  if (!existsSync(file)) throw new InputError(dir, 'not an extraction benchmark folder (no ground-truth.json)');
  return JSON.parse(readFileSync(file, 'utf8')) as GroundTruth;
}

/** The body Storyline extracts from one page, without the headline (the gold leaves it out). */
export function extractBody(bytes: Uint8Array, origin: string, url?: string): string {
  const decoded = decodeText(bytes, { html: true });
  if (!decoded.ok) return '';
  try {
    const article = extractArticle({ origin, format: 'html', body: decoded.text, hints: {}, ...(url ? { url } : {}) });
    return withoutHeadline(article.text, article.title);
  } catch (err) {
    if (err instanceof InputError) return '';
    throw err;
  }
}

function withoutHeadline(text: string, title: string): string {
  const [first, ...rest] = text.split('\n\n');
  return first !== undefined && title && first.trim() === title.trim() ? rest.join('\n\n') : text;
}

export function evalExtraction(dir: string): ExtractionEval & { perPage: Record<string, PageScore> } {
  const truth = readGroundTruth(dir);
  const perPage: Record<string, PageScore> = {};
  const started = process.hrtime.bigint();
  for (const [id, gold] of Object.entries(truth)) {
    const file = join(dir, 'html', `${id}.html.gz`);
    const bytes = existsSync(file) ? gunzipSync(readFileSync(file)) : new Uint8Array();
    perPage[id] = scorePage(extractBody(bytes, file, gold.url), gold.articleBody);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const score = scoreCorpus(Object.values(perPage));
  return { ...score, pages_per_second: score.pages / Math.max(seconds, 1e-9), perPage };
}

/** Other tools' published outputs in `tool-outputs/<tool>.json`, scored by the same code. */
export function evalToolOutputs(dir: string): Record<string, CorpusScore> {
  const truth = readGroundTruth(dir);
  const toolsDir = join(dir, 'tool-outputs');
  if (!existsSync(toolsDir)) return {};
  const out: Record<string, CorpusScore> = {};
  for (const file of readdirSync(toolsDir).filter((f) => f.endsWith('.json')).sort()) {
    const { output } = JSON.parse(readFileSync(join(toolsDir, file), 'utf8')) as { output: Record<string, { articleBody?: string }> };
    out[file.replace(/\.json$/, '')] = scoreCorpus(Object.entries(truth).map(([id, gold]) => scorePage(output[id]?.articleBody ?? '', gold.articleBody)));
  }
  return out;
}
