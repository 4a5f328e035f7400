// Clustering scores over items with a gold and a found cluster: pairwise precision/recall/F1 (a pair
// counts when both items share a cluster) and B-cubed precision/recall/F1 (per item, averaged).
export interface ClusterScores {
  articles: number;
  clusters_gold: number;
  clusters_found: number;
  pairwise_precision: number;
  pairwise_recall: number;
  pairwise_f1: number;
  bcubed_precision: number;
  bcubed_recall: number;
  bcubed_f1: number;
}

export interface Labelled {
  gold: string;
  found: string;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

export function scoreClusters(items: Labelled[]): ClusterScores {
  const pairs = pairCounts(items, () => true);
  const bcubed = bCubed(items);
  return {
    articles: items.length,
    clusters_gold: new Set(items.map((i) => i.gold)).size,
    clusters_found: new Set(items.map((i) => i.found)).size,
    pairwise_precision: pairs.precision,
    pairwise_recall: pairs.recall,
    pairwise_f1: pairs.f1,
    bcubed_precision: bcubed.precision,
    bcubed_recall: bcubed.recall,
    bcubed_f1: f1(bcubed.precision, bcubed.recall),
  };
}

/** Pairwise scores over the pairs `include` accepts (e.g. only pairs in two different languages). */
export function pairCounts<T extends Labelled>(items: T[], include: (a: T, b: T) => boolean): { precision: number; recall: number; f1: number; pairs_gold: number } {
  let both = 0;
  let gold = 0;
  let found = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (!include(a, b)) continue;
      const g = a.gold === b.gold;
      const f = a.found === b.found;
      if (g) gold++;
      if (f) found++;
      if (g && f) both++;
    }
  }
  // No pair found (or none to find) is perfect precision (recall): nothing wrong was claimed.
  const precision = found ? both / found : 1;
  const recall = gold ? both / gold : 1;
  return { precision, recall, f1: f1(precision, recall), pairs_gold: gold };
}

function bCubed(items: Labelled[]): { precision: number; recall: number } {
  const byGold = countBy(items, (i) => i.gold);
  const byFound = countBy(items, (i) => i.found);
  const byBoth = countBy(items, (i) => `${i.gold}\u0000${i.found}`);
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const shared = byBoth.get(`${item.gold}\u0000${item.found}`)!;
    precision += shared / byFound.get(item.found)!;
    recall += shared / byGold.get(item.gold)!;
  }
  return { precision: items.length ? precision / items.length : 1, recall: items.length ? recall / items.length : 1 };
}

function countBy<T>(items: T[], key: (x: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of items) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
}
