// End-to-end ingest speed on one core (run by bench/run.ts in a fresh process pinned to one core):
// `storyline ingest` of real articles — the SemEval-2022 same-story sample's distinct texts in six
// languages, as a JSONL file — into a fresh SQLite file: reading, extraction, enrichment, copy
// detection, clustering and storage. The seed pages go first, and the one-time start (data files,
// gazetteer, language model) they pay is reported apart as startup_ms. Printed as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { writeDistractorJsonl } from '../test/helpers/distractors.js';

const ROOT = resolve(import.meta.dirname, '..');
const { path } = writeDistractorJsonl(2000);
const dir = mkdtempSync(join(tmpdir(), 'storyline-ingest-speed-'));
const store = new SqliteStoryStore(join(dir, 'ingest.db'));
const opened = process.hrtime.bigint();
await ingestPaths([join(ROOT, 'examples', 'seeds')], store);
const started = process.hrtime.bigint();
const summary = await ingestPaths([path], store);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    articles: summary.added,
    seconds: Math.round(seconds * 100) / 100,
    articles_per_second: Math.round((summary.added / seconds) * 10) / 10,
    startup_ms: Math.round(Number(started - opened) / 1e6),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
