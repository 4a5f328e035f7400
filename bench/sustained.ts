// Sustained throughput: what a long ingest sees. After a warm-up pass, passes over the sample repeat
// until enough items have gone through, and the rate is items over the whole time, garbage
// collection included. No collection is forced between passes: with a full collection forced before
// each pass the process never reached its steady state (measured: extraction stayed at 65-85 pages/s
// per pass, with or without --no-flush-bytecode or --no-regexp-tier-up, against 200-400 without it),
// a cost a long run never pays every few dozen items.
export interface Sustained {
  items_per_second: number;
  passes: number;
}

export function sustainedRate<T>(items: T[], run: (item: T, index: number) => unknown, minItems: number): Sustained {
  items.forEach(run);
  let passes = 0;
  const started = process.hrtime.bigint();
  do {
    items.forEach(run);
    passes++;
  } while (passes * items.length < minItems);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { items_per_second: Math.round(((passes * items.length) / seconds) * 100) / 100, passes };
}
