// `storyline eval timelines DIR` through the CLI's main(argv), on a tiny topic written for the test
// (test/fixtures/timelines/tiny: seven reports of a river flood, one a copy, and a three-day gold timeline).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../src/cli/main.js';
import { REPO_ROOT } from './helpers/cli.js';

/** The JSON the command prints; everything else (the test runner's own reports) passes through. */
async function captureStdout(run: () => Promise<number>): Promise<{ code: number; stdout: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk === 'string' && chunk.startsWith('{')) {
      chunks.push(chunk);
      return true;
    }
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    const code = await run();
    return { code, stdout: chunks.join('') };
  } finally {
    process.stdout.write = write;
  }
}

test('eval timelines prints Date-F1 and ROUGE-1 per timeline, beside the busiest days', async () => {
  const { code, stdout } = await captureStdout(() => main(['eval', 'timelines', join(REPO_ROOT, 'test', 'fixtures', 'timelines', 'tiny')]));
  assert.equal(code, 0);
  const result = JSON.parse(stdout);
  assert.equal(result.topics, 1);
  assert.equal(result.timelines, 1);
  const row = result.per_timeline[0];
  assert.equal(row.topic, 'river-flood');
  assert.equal(row.points, 3);
  assert.equal(row.articles, 7);
  assert.equal(row.originals, 6, 'the re-posted report is a copy');
  assert.equal(row.storyline.date_f1, 1, 'the flood, the bridge closure and the reopening');
  assert.ok(row.storyline.rouge1_f > 0.2 && row.storyline.rouge1_f <= 1);
  assert.ok(row.baseline_busiest_days.date_f1 >= 0 && row.baseline_busiest_days.date_f1 <= 1);
  assert.deepEqual(Object.keys(result.mean).sort(), ['baseline_busiest_days', 'storyline']);
});

test('eval timelines on a folder without topics is bad input (exit 1)', async () => {
  const { code } = await captureStdout(() => main(['eval', 'timelines', join(REPO_ROOT, 'test', 'fixtures', 'timelines')]));
  assert.equal(code, 1);
});
