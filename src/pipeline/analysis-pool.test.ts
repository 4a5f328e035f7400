import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { InputError, type EnrichedArticle, type RawDocument } from '../domain/index.js';
import { AnalysisPool, PoolBusyError } from './analysis-pool.js';
import { analyzeDocument } from './ingest.js';

const NOW = new Date('2024-06-20T12:00:00Z');
const doc = (origin: string, body: string): RawDocument => ({ origin, format: 'text', body, hints: {} });
const ARTICLE = doc('visit', 'Russian President Vladimir Putin arrived in Pyongyang on Tuesday for talks with Kim Jong Un. The two leaders signed a partnership treaty on Wednesday, state media said.');
/** About 1 MB of sentences: moving it to a thread and analysing it takes far more than a millisecond. */
const LARGE = doc('large', 'The council met again on Monday and the minister said the plan would go ahead. '.repeat(13_000));

test('a pool analyses documents on its threads exactly as in place, in the order given, with refusals as InputErrors', async () => {
  const pool = new AnalysisPool({ workers: 2, maxRequests: 4, timeoutMs: 60_000, now: () => NOW });
  try {
    const [first, empty, again] = await pool.analyzeAll([ARTICLE, doc('empty', '   '), { ...ARTICLE, origin: 'again' }]);
    assert.deepEqual(first, analyzeDocument(ARTICLE, { now: () => NOW }));
    assert.ok(empty instanceof InputError);
    assert.equal(empty.origin, 'empty');
    assert.match(empty.reason, /no article text/);
    assert.equal((again as EnrichedArticle).title, (first as EnrichedArticle).title);
    assert.equal(pool.restarts, 0);
  } finally {
    await pool.close();
  }
});

test('a document over its time budget is refused with that reason, its thread replaced, and the pool goes on', async () => {
  const pool = new AnalysisPool({ workers: 1, maxRequests: 4, timeoutMs: 1, now: () => NOW });
  try {
    const [refused] = await pool.analyzeAll([LARGE]);
    assert.ok(refused instanceof InputError);
    assert.equal(refused.origin, 'large');
    assert.match(refused.reason, /longer than 0\.001 s: refused/);
    assert.equal(pool.restarts, 1);
    // The replacement thread answers the next request (here too with the 1 ms budget's refusal).
    const [next] = await pool.analyzeAll([LARGE]);
    assert.ok(next instanceof InputError);
    assert.equal(pool.restarts, 2);
  } finally {
    await pool.close();
  }
});

test('a pool with every request slot taken refuses more at once, before any work, and admits again when one ends', async () => {
  const pool = new AnalysisPool({ workers: 1, maxRequests: 1, timeoutMs: 60_000, now: () => NOW });
  try {
    const running = pool.analyzeAll([ARTICLE]);
    await assert.rejects(pool.analyzeAll([ARTICLE]), (err: unknown) => err instanceof PoolBusyError && err.retryAfterSeconds >= 1);
    await running;
    const [after] = await pool.analyzeAll([ARTICLE]);
    assert.equal((after as EnrichedArticle).language, 'en');
  } finally {
    await pool.close();
  }
});

test('closing a pool refuses what waits instead of leaving it pending', async () => {
  const pool = new AnalysisPool({ workers: 1, maxRequests: 4, timeoutMs: 60_000, now: () => NOW });
  const pending = pool.analyzeAll([LARGE, ARTICLE]);
  await pool.close();
  const results = await pending;
  assert.ok(results.every((r) => r instanceof InputError && /server is stopping/.test(r.reason)));
  await assert.rejects(pool.analyzeAll([ARTICLE]), /closed/);
});
