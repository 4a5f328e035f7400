// Sustained throughput: what a long ingest sees. After a warm-up pass, passes over the sample repeat
// until enough items have gone through, and the rate is items over the whole time, garbage
// collection included. No collection is forced between passes: a forced full collection flushes
// compiled regular expressions and bytecode, a cost a long run never pays per few dozen items,
// which made the earlier per-pass figures two to three times too low for extraction.
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
