import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredArticle } from '../domain/index.js';
import { matchAlerts, type ResolvedAlert } from './match-alerts.js';

function article(id: string, fields: Partial<StoredArticle>): StoredArticle {
  return { id, storyId: 's1', title: '', text: '', entities: [], ...fields } as StoredArticle;
}

const putinVisit = article('a1', {
  title: 'Putin arrives in Pyongyang',
  text: 'The Russian president landed in the North Korean capital for talks with Kim Jong Un.',
  entities: [{ name: 'Vladimir Putin', type: 'person', aliases: ['Putin', 'Путин'], mentions: 2 }],
});
const vietnamese = article('a2', { storyId: 's2', title: 'Tổng thống Nga thăm Việt Nam', text: 'Chuyến thăm Hà Nội diễn ra sau khi rời Bình Nhưỡng.' });
const chinese = article('a3', { storyId: 's3', title: '普京抵达平壤', text: '俄罗斯总统普京抵达平壤进行国事访问。' });

test('a query alert needs every word, as a word or the start of one, case and accents ignored', () => {
  const alerts: ResolvedAlert[] = [
    { id: 'q1', target: { kind: 'query', query: 'putin pyongyang' } },
    { id: 'q2', target: { kind: 'query', query: 'Korea talks' } },
    { id: 'q3', target: { kind: 'query', query: 'putin seoul' } },
    { id: 'q4', target: { kind: 'query', query: 'viet nam ha noi' } },
    { id: 'q5', target: { kind: 'query', query: 'alks' } },
  ];
  const ids = matchAlerts(alerts, [putinVisit, vietnamese], 'T').map((m) => `${m.alertId}:${m.articleId}`);
  assert.deepEqual(ids.sort(), ['q1:a1', 'q2:a1', 'q4:a2']);
});

test('a query in a script written without spaces matches inside the text', () => {
  const matches = matchAlerts([{ id: 'zh', target: { kind: 'query', query: '平壤' } }], [putinVisit, chinese], 'T');
  assert.deepEqual(matches, [{ alertId: 'zh', articleId: 'a3', storyId: 's3', matchedAt: 'T' }]);
});

test('an entity alert matches canonical names the store knows, or the name among aliases', () => {
  const byCanonical = matchAlerts([{ id: 'e1', target: { kind: 'entity', entity: 'Putin' }, entityNames: ['Vladimir Putin'] }], [putinVisit, vietnamese], 'T');
  assert.deepEqual(byCanonical.map((m) => m.articleId), ['a1']);
  const byAlias = matchAlerts([{ id: 'e2', target: { kind: 'entity', entity: 'путин' }, entityNames: [] }], [putinVisit], 'T');
  assert.equal(byAlias.length, 1);
  assert.equal(matchAlerts([{ id: 'e3', target: { kind: 'entity', entity: 'Kim' }, entityNames: [] }], [putinVisit], 'T').length, 0);
});

test("a story alert follows the story's current id", () => {
  const alert: ResolvedAlert = { id: 's', target: { kind: 'story', storyId: 'old' }, currentStoryId: 's2' };
  assert.deepEqual(matchAlerts([alert], [putinVisit, vietnamese], 'T').map((m) => m.articleId), ['a2']);
  assert.equal(matchAlerts([{ ...alert, currentStoryId: null }], [vietnamese], 'T').length, 0);
});
