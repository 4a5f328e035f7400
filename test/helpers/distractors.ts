// Unrelated news from the shared development samples, as a JSONL file, for clustering tests.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DATA, tempDir } from './cli.js';

export const PAIRS_FILE = join(SHARED_DATA, 'clustering', 'semeval2022-task8-pairs-dev', 'pairs.jsonl');
export const DATES_PAGES = join(SHARED_DATA, 'dates-dev', 'pages');

interface Pair {
  lang1: string;
  lang2: string;
  title1: string;
  text1: string;
  title2: string;
  text2: string;
}

/** Writes up to `limit` distinct articles of the SemEval pair sample as Storyline JSONL; returns the path. */
export function writeDistractorJsonl(limit: number): { path: string; count: number } {
  if (!existsSync(PAIRS_FILE)) throw new Error(`shared sample missing: ${PAIRS_FILE} (tests expect ../shared beside the checkout)`);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const line of readFileSync(PAIRS_FILE, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const pair = JSON.parse(line) as Pair;
    for (const [lang, title, text] of [
      [pair.lang1, pair.title1, pair.text1],
      [pair.lang2, pair.title2, pair.text2],
    ] as const) {
      const key = text.slice(0, 300);
      if (seen.has(key) || text.trim().split(/\s+/).length < 30) continue;
      seen.add(key);
      lines.push(JSON.stringify({ title, text, language: lang }));
      if (lines.length >= limit) break;
    }
    if (lines.length >= limit) break;
  }
  const path = join(tempDir('storyline-distractors-'), 'distractors.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, count: lines.length };
}
