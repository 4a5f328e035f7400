import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { dateMention, storedArticle } from '../../test/helpers/articles.js';
import { buildTopicTimeline } from './topic-timeline.js';

const day = (start: string) => ({ start, precision: 'day' as const });
const articles = [
  storedArticle('a1', { published: day('2024-06-10'), title: 'Summit announced', source: 'Alpha', dates: [dateMention('2024-06-18', 'The summit opens on June 18.')] }),
  storedArticle('a2', { published: day('2024-06-12'), title: 'Summit agenda', source: 'Beta', dates: [dateMention('2024-06-18', 'Leaders meet on June 18.')] }),
  storedArticle('a3', { published: day('2024-06-19'), title: 'Summit ends', source: 'Gamma', dates: [dateMention('2024-06-18', 'They met on Tuesday.')] }),
  // A copy of a3 on another outlet: one more source, not one more report.
  storedArticle('c3', { published: day('2024-06-19'), title: 'Summit ends', source: 'Delta', duplicateOf: 'a3', dates: [dateMention('2024-06-18', 'They met on Tuesday.')] }),
];

test('topic timeline: the most reported days in date order, told by the earliest report, copies counted once', () => {
  const timeline = buildTopicTimeline(articles);
  assert.equal(timeline.articleCount, 3);
  assert.deepEqual(timeline.points.map((p) => p.date), ['2024-06-10', '2024-06-12', '2024-06-18', '2024-06-19']);
  const summit = timeline.points.find((p) => p.date === '2024-06-18')!;
  assert.equal(summit.text, 'The summit opens on June 18.');
  assert.deepEqual(summit.articles, ['a1', 'a2', 'a3']);
  assert.deepEqual(summit.sources, ['Alpha', 'Beta', 'Delta', 'Gamma']);
  assert.equal(summit.importance, 1);
  assert.equal(timeline.points.find((p) => p.date === '2024-06-19')!.importance, 0.333, 'a3 and its copy are one report');
});

test('topic timeline: points N keeps the N most important; from/to and language narrow it', () => {
  assert.deepEqual(buildTopicTimeline(articles, { points: 1 }).points.map((p) => p.date), ['2024-06-18']);
  assert.deepEqual(buildTopicTimeline(articles, { from: '2024-06-11', to: '2024-06-18' }).points.map((p) => p.date), ['2024-06-12', '2024-06-18']);
  const vi = storedArticle('v1', { language: 'vi', published: day('2024-06-20'), title: 'Hội nghị kết thúc' });
  assert.deepEqual(buildTopicTimeline([...articles, vi], { language: 'vi' }).points.map((p) => [p.date, p.language]), [['2024-06-20', 'vi']]);
  assert.deepEqual(buildTopicTimeline([]).points, []);
});
