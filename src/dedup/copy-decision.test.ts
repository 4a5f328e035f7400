import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { findSameLanguageCopy, findTranslatedCopy, type NearMatch, type ScoredCandidate, type TextMatch } from './copy-decision.js';
import { MINHASH_SIZE } from './minhash.js';
import type { TranslationInput } from './translation.js';

/** A signature that agrees with `base` on its first `same` rows: estimated Jaccard same / 128. */
const base = new Uint32Array(MINHASH_SIZE).map((_, k) => k);
const agreeing = (same: number) => base.map((v, k) => (k < same ? v : v + 1000));

const textMatch = (id: string, storyId: string | null, duplicateOf: string | null = null): TextMatch => ({ id, storyId, eventId: storyId && `e-${id}`, duplicateOf });
const nearMatch = (id: string, same: number, storyId: string | null = `s-${id}`): NearMatch => ({ id, storyId, eventId: `e-${id}`, minhash: agreeing(same) });

test('the same text is an exact copy, of the first original when it matches a copy', async () => {
  assert.deepEqual((await findSameLanguageCopy([textMatch('a1', 's1')], base, () => [])), { id: 'a1', storyId: 's1', eventId: 'e-a1', method: 'exact', similarity: 1 });
  assert.equal((await findSameLanguageCopy([textMatch('a2', 's1', 'a1')], base, () => []))!.id, 'a1');
  // The light edits are not looked up for an exact copy.
  const notRead = () => assert.fail('near duplicates read for an exact copy');
  assert.equal((await findSameLanguageCopy([textMatch('a1', 's1')], base, notRead))!.method, 'exact');
});

test('an exact copy wins over a light edit; a same-text row in no story is passed over', async () => {
  assert.equal((await findSameLanguageCopy([textMatch('a1', 's1')], base, () => [nearMatch('a2', MINHASH_SIZE)]))!.method, 'exact');
  assert.deepEqual((await findSameLanguageCopy([textMatch('a1', null)], base, () => [nearMatch('a2', 100)])), { id: 'a2', storyId: 's-a2', eventId: 'e-a2', method: 'near', similarity: 100 / MINHASH_SIZE });
});

test('a light edit is a copy from an estimated Jaccard of 0.5, not below', async () => {
  assert.equal((await findSameLanguageCopy([], base, () => [nearMatch('a1', 64)]))?.similarity, 0.5);
  assert.equal((await findSameLanguageCopy([], base, () => [nearMatch('a1', 63)])), null);
});

test('of several light edits the closest is the original; one in no story is passed over', async () => {
  assert.equal((await findSameLanguageCopy([], base, () => [nearMatch('a1', 80), nearMatch('a2', 110), nearMatch('a3', 90)]))!.id, 'a2');
  assert.equal((await findSameLanguageCopy([], base, () => [nearMatch('a1', 80), nearMatch('a2', 110, null)]))!.id, 'a1');
});

const report = (language: string, textLength = 2000): TranslationInput => ({
  language,
  textLength,
  entities: ['Kim Jong Un', 'Vladimir Putin', 'Pyongyang', 'North Korea'].map((name) => ({ name, type: 'person' as const, mentions: 1 })),
  facts: ['n:2', 'n:24', 'd:2024-06-18'],
});
const scored = (id: string, features: TranslationInput, score: number, gapDays: number | null): ScoredCandidate => ({
  candidate: { id, storyId: `s-${id}`, eventId: `e-${id}`, features },
  similarity: { score, gapDays },
});

test('a report in another language with the same content within 3 days is a translation', async () => {
  assert.deepEqual(findTranslatedCopy(report('en'), [scored('a1', report('de'), 0.7, 3)]), { id: 'a1', storyId: 's-a1', eventId: 'e-a1', method: 'translation', similarity: 1 });
  // Without both dates the gap is not held against it.
  assert.equal(findTranslatedCopy(report('en'), [scored('a1', report('de'), 0.7, null)])?.id, 'a1');
});

test('no translation more than 3 days apart, with a score of 0, in the same language or of a different length', async () => {
  assert.equal(findTranslatedCopy(report('en'), [scored('a1', report('de'), 0.7, 4)]), null);
  assert.equal(findTranslatedCopy(report('en'), [scored('a1', report('de'), 0, 1)]), null);
  assert.equal(findTranslatedCopy(report('en'), [scored('a1', report('en'), 0.9, 1)]), null);
  assert.equal(findTranslatedCopy(report('en', 1000), [scored('a1', report('de', 4000), 0.7, 1)]), null);
});

test('the best-scored translation is the original; passed-over candidates do not stop the search', async () => {
  const list = [scored('far', report('de'), 0.9, 10), scored('a1', report('fr'), 0.8, 1), scored('a2', report('es'), 0.7, 1)];
  assert.equal(findTranslatedCopy(report('en'), list)?.id, 'a1');
});

test('nothing matched is no copy', async () => {
  assert.equal((await findSameLanguageCopy([], base, () => [])), null);
  assert.equal(findTranslatedCopy(report('en'), []), null);
});
