// Seeded randomness for property tests and benchmarks: a failing case, or a generated input, can be replayed.

/** mulberry32: a small seeded generator, so that a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random bytes, sometimes behind a prefix that makes them look like the start of something. */
export function randomBytes(random: () => number, maxLength: number, prefixes: string[] = []): Uint8Array {
  const n = Math.floor(random() * maxLength);
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = Math.floor(random() * 256);
  if (prefixes.length && random() < 0.5) {
    const prefix = Buffer.from(prefixes[Math.floor(random() * prefixes.length)]!, 'utf8');
    return Buffer.concat([prefix, bytes]);
  }
  return bytes;
}

/** A copy of `bytes` cut at a random point, with a few bytes flipped some of the time. */
export function damaged(random: () => number, bytes: Uint8Array): Uint8Array {
  const cut = bytes.slice(0, Math.floor(random() * bytes.length));
  if (random() < 0.3) {
    const flips = 1 + Math.floor(random() * 4);
    for (let i = 0; i < flips && cut.length; i++) cut[Math.floor(random() * cut.length)] = Math.floor(random() * 256);
  }
  return cut;
}
