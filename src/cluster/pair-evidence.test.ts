import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { consonantSkeleton, skeletonKey } from './pair-evidence.js';
import { modelInputs, sameStoryProbability } from './same-story-model.js';

test('cognates across Romance and Germanic languages share a consonant skeleton', () => {
  const key = (w: string) => consonantSkeleton(w.slice(0, 6));
  // gobierno, governo, gouvernement, government
  assert.equal(key('gobierno'), key('governo'));
  assert.equal(key('gouvernement'), key('government'));
  assert.equal(key('governo'), key('government'));
  // manifestantes, manifestants, manifestanti
  assert.equal(key('manifestantes'), key('manifestanti'));
  assert.notEqual(key('gobierno'), key('manifestantes'));
});

test('short words, other scripts and glued syllables have no skeleton', () => {
  assert.equal(skeletonKey('paz'), null);
  assert.equal(skeletonKey('путин'), null);
  assert.equal(skeletonKey('binh_nhuong'), null);
  assert.match(skeletonKey('presid')!, /^~/);
});

test('the model turns evidence into a probability that rises with each weighted input', () => {
  const none = { body: 0, title: 0, entities: 0, distinctive: 0, namedActor: 0, facts: 0, skeleton: 0, months: 0, gap: 0.5 };
  const model = { bias: -3, weights: { sqrt_body: 6, title_and_body: 2 } };
  const low = sameStoryProbability(model, none);
  const high = sameStoryProbability(model, { ...none, body: 0.5, title: 0.5 });
  assert.ok(Math.abs(low - 1 / (1 + Math.exp(3))) < 1e-12);
  assert.ok(high > 0.5 && high < 1);
  assert.equal(modelInputs({ ...none, title: 0.25, body: 1 }).title_and_body, 0.5);
});
