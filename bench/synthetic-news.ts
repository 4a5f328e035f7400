// Synthetic news for benchmarks at scale: the SemEval-2022 sample's articles replayed. Each article is a
// "topic" source's sentences, a random subset of them, with one sentence of another source of its
// language, dated by a clock that moves a day every 200 articles, so that reports of one topic form
// stories in several languages. Seeded: the same set on every run.
import { readPairs } from '../src/eval/index.js';
import type { RawDocument } from '../src/domain/index.js';

const PER_DAY = 200;
/** Topics reported on at once: each article picks one of them. */
const ACTIVE_TOPICS = 60;
const SENTENCE_END = /(?<=[.!?。！？])\s+|(?<=[。！？])/u;

interface Source {
  lang: string;
  title: string;
  sentences: string[];
}

function sources(pairsFile: string): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  const add = (lang: string, title: string, text: string) => {
    if (seen.has(text) || text.length < 400) return;
    seen.add(text);
    const sentences = text.split(SENTENCE_END).map((x) => x.trim()).filter(Boolean);
    if (sentences.length >= 5) out.push({ lang, title, sentences });
  };
  for (const p of readPairs(pairsFile)) {
    add(p.lang1, p.title1, p.text1);
    add(p.lang2, p.title2, p.text2);
  }
  return out;
}

/** `count` documents from the sample at `pairsFile` (semeval2022-task8-pairs-dev/pairs.jsonl). */
export function* syntheticNews(pairsFile: string, count: number): Generator<RawDocument> {
  let seed = 0x5eed;
  const random = (bound: number) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % bound;
  };
  const all = sources(pairsFile);
  const byLang = new Map<string, Source[]>();
  for (const s of all) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s]);
  const start = Date.parse('2024-01-01');
  for (let i = 0; i < count; i++) {
    // The window of active topics slides through the sample as days pass.
    const topic = all[(Math.floor(i / PER_DAY) * 7 + random(ACTIVE_TOPICS)) % all.length]!;
    const peers = byLang.get(topic.lang)!;
    const kept = topic.sentences.filter(() => random(10) < 6);
    const other = peers[random(peers.length)]!.sentences;
    kept.splice(random(kept.length + 1), 0, other[random(other.length)]!);
    const day = new Date(start + Math.floor(i / PER_DAY) * 86_400_000).toISOString().slice(0, 10);
    yield { origin: `synthetic-${i}`, format: 'text', body: `${kept.join(' ')} (${i})`, hints: { id: `syn-${i}`, title: `${topic.title} (${i % 97})`, published: day, language: topic.lang } };
  }
}
