// The article-extraction benchmark's scoring (scrapinghub/article-extraction-benchmark), reimplemented:
// word 4-gram shingles as multisets, page P/R, corpus P/R as means over pages, F1 from them.

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function benchmarkTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Word n-grams as a multiset; 1..n-1 tokens make one shingle of all of them; none, no shingles. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = benchmarkTokens(text);
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  if (tokens.length < n) {
    out.set(tokens.join('\u0001'), 1);
    return out;
  }
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  exact: boolean;
  empty: boolean;
}

export function scorePage(predicted: string, gold: string, n = 4): PageScore {
  const pred = shingles(predicted, n);
  const want = shingles(gold, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...pred.keys(), ...want.keys()])) {
    const p = pred.get(key) ?? 0;
    const g = want.get(key) ?? 0;
    tp += Math.min(p, g);
    fp += Math.max(0, p - g);
    fn += Math.max(0, g - p);
  }
  const precision = fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  const predTokens = benchmarkTokens(predicted);
  const goldTokens = benchmarkTokens(gold);
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    exact: predTokens.length === goldTokens.length && predTokens.every((t, i) => t === goldTokens[i]),
    empty: predTokens.length === 0,
  };
}

export interface CorpusScore {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  empty: number;
}

/** Corpus P over pages with tp+fp > 0, R over pages with tp+fn > 0; F1 from the two. */
export function scoreCorpus(pages: PageScore[]): CorpusScore {
  const forPrecision = pages.filter((p) => p.tp + p.fp > 0);
  const forRecall = pages.filter((p) => p.tp + p.fn > 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(forPrecision.map((p) => p.precision));
  const recall = mean(forRecall.map((p) => p.recall));
  return {
    pages: pages.length,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    accuracy: pages.length ? pages.filter((p) => p.exact).length / pages.length : 0,
    empty: pages.filter((p) => p.empty).length,
  };
}
