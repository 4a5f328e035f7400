// Issue 15, input: a dataset export (news-please field names) and one-line CJK news flashes, ingested
// through the CLI's main(argv) in this process, with what was stored read back through `articles --json`.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../src/cli/main.js';
import { tempDb, tempDir } from './helpers/cli.js';

/** Runs the CLI in this process, capturing what it writes. */
async function runMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  // The CLI writes strings; the test runner's own reports (bytes) go through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (typeof chunk === 'string' ? (out.push(chunk), true) : writeOut(chunk, ...rest))) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (typeof chunk === 'string' ? (err.push(chunk), true) : writeErr(chunk, ...rest))) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

const HARBOUR = 'The port authority of Northport reopened the harbour on Tuesday after a storm had kept all vessels in dock for three days. Ferry services to the islands will resume on Wednesday morning, the authority said.';
const FESTIVAL = 'Der Stadtrat von Südheim hat am Montag das Budget für das Musikfestival im Sommer genehmigt. Die Veranstalter erwarten mehr als zwanzigtausend Besucher an drei Tagen.';

test('a dataset-style JSONL (date_publish, language, maintext) is stored with its date, language and text; unused fields warned once', async () => {
  const dir = tempDir();
  const file = join(dir, 'news-please.jsonl');
  const records = [
    { url: 'https://northport.example/harbour', title: 'Harbour reopens after storm', maintext: HARBOUR, date_publish: '2024-06-18 09:30:00', language: 'en', source_domain: 'northport.example', authors: ['Kim Lee'], date_download: '2024-06-19 00:00:00' },
    { url: 'https://suedheim.example/festival', title: 'Festival-Budget genehmigt', maintext: FESTIVAL, date_publish: '2024-05-06', language: 'de', source_domain: 'suedheim.example', authors: [], image_url: 'https://suedheim.example/f.jpg' },
  ];
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const db = tempDb();
  const ingest = await runMain(['ingest', file, '--db', db, '--quiet']);
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.equal(ingest.stdout.trim(), 'added 2, skipped 0 already stored, failed 0');
  const warnings = ingest.stderr.split('\n').filter((l) => l.startsWith('warning:'));
  assert.deepEqual(warnings, [`warning: ${file}: fields not used: authors, date_download, image_url`]);

  const listed = await runMain(['articles', '--json', '--db', db]);
  const articles = JSON.parse(listed.stdout) as Array<{ url: string; published: string; datePublishedSource: string; language: string; text: string; source: string }>;
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  const harbour = byUrl.get('https://northport.example/harbour')!;
  assert.equal(harbour.published, '2024-06-18');
  assert.equal(harbour.datePublishedSource, 'supplied');
  assert.equal(harbour.language, 'en');
  assert.equal(harbour.text, HARBOUR);
  assert.equal(harbour.source, 'northport.example');
  const festival = byUrl.get('https://suedheim.example/festival')!;
  assert.equal(festival.published, '2024-05-06');
  assert.equal(festival.language, 'de');
  assert.equal(festival.text, FESTIVAL);
});

test('one-sentence Chinese and Japanese news flashes are articles; a menu in those scripts is not', async () => {
  const dir = tempDir();
  const flashes = join(dir, 'flashes.jsonl');
  writeFileSync(
    flashes,
    [
      { text: '四川省宜宾市今日凌晨发生里氏5.2级地震，暂无人员伤亡报告。', lang: 'zh', date: '2024-06-18' },
      { text: '東京都内で震度4の地震、津波の心配なし。', lang: 'ja', date: '2024-06-18' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const db = tempDb();
  const ingest = await runMain(['ingest', flashes, '--db', db, '--quiet']);
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.equal(ingest.stdout.trim(), 'added 2, skipped 0 already stored, failed 0');
  const articles = JSON.parse((await runMain(['articles', '--json', '--db', db])).stdout) as Array<{ language: string; text: string }>;
  assert.deepEqual(articles.map((a) => a.language).sort(), ['ja', 'zh']);

  const menu = join(dir, 'menu.txt');
  writeFileSync(menu, '首页 新闻 体育 财经 娱乐 科技 汽车 房产\n');
  const refused = await runMain(['ingest', menu, '--db', db, '--quiet']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /menu\.txt: no article text found/);
});

test('a JSONL file over 64 MB (the old whole-file limit) is read as a stream, not refused', async () => {
  const dir = tempDir();
  const file = join(dir, 'dump.jsonl');
  // Three articles, each carrying a 22 MB field the reader does not use: 66 MB in all.
  const padding = 'x'.repeat(22 * 1024 * 1024);
  const lines = [HARBOUR, FESTIVAL, 'Residents of Eastvale voted on Sunday to keep the old library open for another ten years. The town council will fund repairs to its roof and heating this autumn.'].map((text) => JSON.stringify({ text, raw_warc_record: padding }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  const db = tempDb();
  const ingest = await runMain(['ingest', file, '--db', db, '--quiet']);
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.equal(ingest.stdout.trim(), 'added 3, skipped 0 already stored, failed 0');
  assert.match(ingest.stderr, /fields not used: raw_warc_record/);
});
