// A real multi-language corpus for story-list tests, from the shared development samples: Timeline17
// articles (English; BBC, the Guardian and Reuters, the outlets their folders name), the crisis topics
// (Spanish, French, Italian; Global Voices, as their ids say) and SemEval 2022 pair articles in German,
// Turkish and Arabic (no outlet or date given). Written as one JSONL file for `storyline ingest`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DATA, tempDir } from './cli.js';

interface Line {
  id: string;
  title?: string;
  text: string;
  language: string;
  published?: string;
  source?: string;
}

const T17 = ['H1N1_bbc', 'H1N1_guardian', 'H1N1_reuters', 'MJ_bbc'];
const OUTLET: Record<string, string> = { bbc: 'BBC', guardian: 'The Guardian', reuters: 'Reuters' };

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

/** The corpus as JSONL lines; `perSource` caps the articles of each Timeline17 folder and of each other language (all by default). */
export function triageCorpusLines(perSource = Infinity): Line[] {
  const lines: Line[] = [];
  for (const folder of T17) {
    const outlet = OUTLET[folder.split('_')[1]!]!;
    const rows = jsonl<{ id: string; lang: string; text: string; date: string }>(join(SHARED_DATA, 'timelines', 't17-dev', folder, 'articles.jsonl'));
    for (const r of rows.slice(0, perSource)) lines.push({ id: r.id, text: r.text, language: r.lang, published: r.date, source: outlet });
  }
  const crisis = jsonl<{ id: string; lang: string; title: string; text: string; date: string }>(join(SHARED_DATA, 'clustering', 'ml-crisis-topics-dev', 'items.jsonl'));
  const perLanguage = new Map<string, number>();
  for (const r of crisis) {
    const n = perLanguage.get(r.lang) ?? 0;
    if (n >= perSource) continue;
    perLanguage.set(r.lang, n + 1);
    lines.push({ id: r.id, ...(r.title ? { title: r.title } : {}), text: r.text, language: r.lang, published: r.date, source: 'Global Voices' });
  }
  const pairs = jsonl<Record<string, string>>(join(SHARED_DATA, 'clustering', 'semeval2022-task8-pairs-dev', 'pairs.jsonl'));
  const seen = new Set<string>();
  for (const p of pairs) {
    for (const side of ['1', '2']) {
      const language = p[`lang${side}`]!;
      const text = p[`text${side}`]!;
      if (!['de', 'tr', 'ar'].includes(language) || seen.has(text) || (perLanguage.get(language) ?? 0) >= perSource) continue;
      seen.add(text);
      perLanguage.set(language, (perLanguage.get(language) ?? 0) + 1);
      lines.push({ id: `${p.pair_id}-${side}`, title: p[`title${side}`]!, text, language });
    }
  }
  return lines;
}

/** Writes the corpus to a temporary JSONL file and returns its path. */
export function writeTriageCorpus(perSource = Infinity): string {
  const file = join(tempDir('storyline-triage-'), 'corpus.jsonl');
  writeFileSync(file, triageCorpusLines(perSource).map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}
