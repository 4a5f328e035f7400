// The hardening audit, rerunnable (`node --import tsx bench/hardening-audit.ts`; not part of the tests):
// 1. kills: `storyline ingest` of the real-article sample killed with SIGKILL three times, 5, 8 and 10 s after each run starts (each
//    next run goes on from what the previous stored), re-run after each kill, then compared with one uninterrupted run (articles, stories as
//    groups of content hashes, integrity);
// 2. odd inputs: generated hostile and malformed files (mutated JSONL, HTML and text; deep nesting,
//    unclosed tags, huge paragraphs, binary, odd encodings) ingested in one process: each must end
//    stored or refused with a one-line reason, never a crash, a stack trace or a hang.
// `kills` or `inputs` as argument runs one part. Prints JSON and writes bench/results/hardening-audit.json.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../src/domain/index.js';
import { ingestPaths } from '../src/pipeline/index.js';
import { SqliteStoryStore } from '../src/store/index.js';
import { writeDistractorJsonl } from '../test/helpers/distractors.js';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'storyline-audit-'));
const { path: sample, count } = writeDistractorJsonl(10_000);

function runIngest(db: string, path: string, killAfterMs?: number): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'storyline.mjs'), 'ingest', path, '--db', db, '--quiet'], { stdio: 'ignore', env: { ...process.env, CI: '1' } });
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ code, signal });
    });
  });
}

/** Articles, integrity, and the stories as sorted groups of content hashes (ids differ between runs). */
function snapshot(db: string) {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = conn.prepare('SELECT story_id AS story, content_hash AS hash FROM articles').all() as Array<{ story: string; hash: string }>;
    const groups = new Map<string, string[]>();
    for (const r of rows) groups.set(r.story, [...(groups.get(r.story) ?? []), r.hash]);
    return {
      integrity: conn.pragma('integrity_check', { simple: true }) as string,
      articles: rows.length,
      distinctHashes: new Set(rows.map((r) => r.hash)).size,
      orphans: conn.prepare('SELECT COUNT(*) FROM articles WHERE story_id IS NULL OR story_id NOT IN (SELECT id FROM stories)').pluck().get() as number,
      stories: [...groups.values()].map((g) => g.sort().join(',')).sort(),
    };
  } finally {
    conn.close();
  }
}

async function killAudit() {
  const whole = join(dir, 'whole.db');
  await runIngest(whole, sample);
  const reference = snapshot(whole);
  const killed = join(dir, 'killed.db');
  const kills = [];
  for (const afterMs of [5000, 8000, 10000]) {
    const run = await runIngest(killed, sample, afterMs);
    const state = snapshot(killed);
    kills.push({ after_ms: afterMs, signal: run.signal, articles_then: state.articles, integrity: state.integrity, orphans: state.orphans, duplicates: state.articles - state.distinctHashes });
  }
  const final = await runIngest(killed, sample);
  const after = snapshot(killed);
  return {
    articles_in_sample: count,
    kills,
    rerun_exit_code: final.code,
    uninterrupted_articles: reference.articles,
    after_kills_articles: after.articles,
    duplicates: after.articles - after.distinctHashes,
    integrity: after.integrity,
    same_stories_as_uninterrupted: JSON.stringify(after.stories) === JSON.stringify(reference.stories),
  };
}

/** Generated odd inputs: each a file name and its bytes. */
function oddInputs(): Array<[string, Buffer]> {
  const lines = readFileSync(sample, 'utf8').trim().split('\n').slice(0, 60);
  const mutate = (s: string, i: number): string => {
    const at = (i * 7919) % Math.max(1, s.length);
    switch (i % 6) {
      case 0: return s.slice(0, at);
      case 1: return s.slice(0, at) + '\u0000\uFFFD\u202E' + s.slice(at);
      case 2: return s.replace(/"/g, (q, k: number) => (k % 5 === i % 5 ? '' : q));
      case 3: return s.slice(0, at) + '{"'.repeat(50) + s.slice(at);
      case 4: return s.replace('"text"', '"text":null,"x"');
      default: return `${s}${s}`;
    }
  };
  const files: Array<[string, Buffer]> = [];
  lines.forEach((l, i) => {
    for (let k = 0; k < 6; k++) files.push([`mutated-${i}-${k}.jsonl`, Buffer.from(mutate(l, i * 6 + k))]);
  });
  const sentence = 'The council met again on Monday and the minister said the plan would go ahead. ';
  const generated: Record<string, Buffer> = {
    'million-tags.html': Buffer.from(`<p>${sentence}</p>${'<b>'.repeat(1_000_000)}`),
    'nested-25k.html': Buffer.from(`${'<div>'.repeat(25_000)}${sentence}${'</div>'.repeat(25_000)}`),
    'nested-400k.html': Buffer.from(`${'<div>'.repeat(400_000)}${sentence}`),
    'huge-paragraph.txt': Buffer.from(sentence.repeat(22_500)),
    'one-long-word.txt': Buffer.from('x'.repeat(2_000_000)),
    'utf16le-no-bom.txt': Buffer.from(sentence.repeat(20), 'utf16le'),
    'random-high-bytes.txt': Buffer.from(randomBytes(3000).map((b) => 0x80 | b)),
    'random-bytes.html': randomBytes(5000),
    'empty.txt': Buffer.alloc(0),
    'only-markup.html': Buffer.from('<html><head><script>x()</script></head><body><nav><a href="/">Home</a></nav></body></html>'),
    'bad-lang.jsonl': Buffer.from(`${JSON.stringify({ text: sentence.repeat(5), language: 'en"><script>alert(1)</script>' })}\n`),
    'old-and-far-dates.jsonl': Buffer.from(`${JSON.stringify({ text: sentence.repeat(5), published: '1066-10-14' })}\n${JSON.stringify({ text: `${sentence}Again.`.repeat(5), published: '2999-01-01' })}\n`),
  };
  return [...files, ...Object.entries(generated)];
}

async function oddInputAudit() {
  const inputs = oddInputs();
  const folder = mkdtempSync(join(dir, 'odd-'));
  for (const [name, bytes] of inputs) writeFileSync(join(folder, name), bytes);
  // Files that are not regular: a FIFO in the folder, a link to an endless device named on its own.
  execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
  const zero = join(dir, 'zero.txt');
  symlinkSync('/dev/zero', zero);
  const store = new SqliteStoryStore(join(dir, 'odd.db'));
  let crashed: string | null = null;
  const started = performance.now();
  let slowest = { file: '', ms: 0 };
  let last = performance.now();
  let summary;
  try {
    summary = await ingestPaths([folder, zero], store, {
      progress: {
        // Called as each file is done: the gap since the previous one is (about) that file's cost.
        onFile: (file) => {
          const now = performance.now();
          if (now - last > slowest.ms) slowest = { file: file.slice(folder.length + 1), ms: Math.round(now - last) };
          last = now;
        },
      },
    });
  } catch (err) {
    crashed = (err as Error).stack ?? String(err);
  } finally {
    await store.close();
  }
  const failed = summary?.failed ?? [];
  return {
    inputs: inputs.length + 2,
    crashed,
    stored: summary?.added ?? 0,
    refused: failed.length,
    refusals_not_input_errors: failed.filter((f) => !(f instanceof InputError)).length,
    refusals_with_stack_traces: failed.filter((f) => /\n\s+at /.test(f.message)).length,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    slowest_item: slowest,
    refusal_reasons: [...new Set(failed.map((f) => f.reason.replace(/\d[\d.,]*/g, 'N')))].slice(0, 40),
  };
}

const part = process.argv[2];
const result = { date: new Date().toISOString(), ...(part !== 'inputs' ? { kills: await killAudit() } : {}), ...(part !== 'kills' ? { odd_inputs: await oddInputAudit() } : {}) };
rmSync(dir, { recursive: true, force: true });
writeFileSync(join(ROOT, 'bench', 'results', `hardening-audit${part ? `-${part}` : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
