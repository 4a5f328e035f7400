// ROUGE-1 F, plainly: lower-cased word tokens (letters and digits), clipped unigram overlap between a
// candidate and a reference text (Lin 2004, without stemming or stop-word removal).

const WORD = /[\p{L}\p{N}]+/gu;

export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function rouge1(candidate: string, reference: string): { precision: number; recall: number; f1: number } {
  const cand = counts(wordTokens(candidate));
  const ref = counts(wordTokens(reference));
  let overlap = 0;
  for (const [w, c] of cand) overlap += Math.min(c, ref.get(w) ?? 0);
  const candTotal = total(cand);
  const refTotal = total(ref);
  const precision = candTotal ? overlap / candTotal : 0;
  const recall = refTotal ? overlap / refTotal : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function counts(tokens: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const c of m.values()) n += c;
  return n;
}
