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

export const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

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
  const tally = pairTally(items, include);
  return { ...pairScores(tally), pairs_gold: tally.gold };
}

/** Pairs in one gold cluster, in one found cluster, and in both: what pairwise scores are made of, and add up over runs. */
export interface PairTally {
  both: number;
  gold: number;
  found: number;
}

export function pairTally<T extends Labelled>(items: T[], include: (a: T, b: T) => boolean): PairTally {
  const tally = { both: 0, gold: 0, found: 0 };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (!include(a, b)) continue;
      const g = a.gold === b.gold;
      const f = a.found === b.found;
      if (g) tally.gold++;
      if (f) tally.found++;
      if (g && f) tally.both++;
    }
  }
  return tally;
}

export function pairScores(t: PairTally): { precision: number; recall: number; f1: number } {
  // No pair found (or none to find) is perfect precision (recall): nothing wrong was claimed.
  const precision = t.found ? t.both / t.found : 1;
  const recall = t.gold ? t.both / t.gold : 1;
  return { precision, recall, f1: f1(precision, recall) };
}

/** B-cubed precision and recall summed over the items `which` accepts (each within the whole clustering), and how many: sums add up over runs. */
export function bCubedSums<T extends Labelled>(items: T[], which: (item: T) => boolean = () => true): { precision: number; recall: number; items: number } {
  const byGold = countBy(items, (i) => i.gold);
  const byFound = countBy(items, (i) => i.found);
  const byBoth = countBy(items, (i) => `${i.gold}\u0000${i.found}`);
  const sums = { precision: 0, recall: 0, items: 0 };
  for (const item of items) {
    if (!which(item)) continue;
    const shared = byBoth.get(`${item.gold}\u0000${item.found}`)!;
    sums.precision += shared / byFound.get(item.found)!;
    sums.recall += shared / byGold.get(item.gold)!;
    sums.items++;
  }
  return sums;
}

function bCubed(items: Labelled[]): { precision: number; recall: number } {
  const sums = bCubedSums(items);
  return { precision: sums.items ? sums.precision / sums.items : 1, recall: sums.items ? sums.recall / sums.items : 1 };
}

function countBy<T>(items: T[], key: (x: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of items) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
}
