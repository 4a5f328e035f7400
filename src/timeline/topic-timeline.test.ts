import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { DateMention, StoredArticle } from '../domain/index.js';
import { dateMention, storedArticle } from '../../test/helpers/articles.js';
import { buildTopicTimeline, defaultPointCount, sentenceFlaw } from './index.js';

const FLOOD = 'The river burst its banks and flooded the lower town after three days of heavy rain on Monday.';
const BRIDGE = 'Engineers closed the old stone bridge to all traffic after cracks appeared in its central arch.';
const REOPEN = 'The regional council reopened the main road to the valley after crews cleared the fallen trees.';

function report(id: string, published: string, text: string, dates: DateMention[], extra: Partial<StoredArticle> = {}): StoredArticle {
  return storedArticle(id, { title: `Report ${id}`, text, published: { start: published, precision: 'day' }, dates, textHash: `t-${id}`, ...extra });
}

test('a sentence opening with a dangling pronoun, a caption, a credit line or a link never tells a point', () => {
  assert.equal(sentenceFlaw('He said the water had risen faster than anyone expected that night.', 'en'), 'dangling-opener');
  assert.equal(sentenceFlaw('However, the council said the damage would take months to repair.', 'en'), 'dangling-opener');
  assert.equal(sentenceFlaw('Sin embargo, el consejo dijo que los daños tardarían meses en repararse.', 'es'), 'dangling-opener');
  assert.equal(sentenceFlaw('Photo: residents wade through the flooded main street of the town centre.', 'en'), 'caption-or-credit');
  assert.equal(sentenceFlaw('Read more about the floods and the clean-up at www.example.org/floods today.', 'en'), 'link');
  assert.equal(sentenceFlaw('Follow us for all the latest updates on the storm and the floods in the region.', 'en'), 'boilerplate');
  assert.equal(sentenceFlaw(FLOOD, 'en'), null);
});

test('the point for a day is told by an acceptable sentence, never a dangling opener, caption or link', () => {
  const articles = [
    report('a', '2024-03-11', `Photo: the flooded lower town seen from the hill above the river.\nHe said the river burst its banks on Monday after days of rain.\n${FLOOD}`, [
      dateMention('2024-03-11', 'Photo: the flooded lower town seen from the hill above the river on Monday.'),
      dateMention('2024-03-11', 'He said the river burst its banks on Monday after days of rain.'),
      dateMention('2024-03-11', FLOOD),
    ]),
    report('b', '2024-03-12', `More at www.example.org/flood-pictures on the floods of Monday.\n${FLOOD}`, [
      dateMention('2024-03-11', 'More at www.example.org/flood-pictures on the floods of Monday in the town.'),
      dateMention('2024-03-11', FLOOD),
    ]),
  ];
  const timeline = buildTopicTimeline(articles, { points: 1 });
  assert.equal(timeline.points.length, 1);
  assert.equal(timeline.points[0]!.start, '2024-03-11');
  assert.equal(timeline.points[0]!.text, FLOOD);
  assert.deepEqual(timeline.points[0]!.articles, ['a', 'b']);
  assert.equal(timeline.articleCount, 2);
  assert.equal(timeline.language, 'en');
});

test('copies count once: a day reported by one original and its copies loses to a day reported by two originals', () => {
  const original = report('o', '2024-03-20', BRIDGE, [dateMention('2024-03-18', BRIDGE)]);
  const copies = ['c1', 'c2', 'c3'].map((id) => report(id, '2024-03-20', BRIDGE, [dateMention('2024-03-18', BRIDGE)], { duplicateOf: 'o', source: `Copy ${id}` }));
  const others = [report('x', '2024-03-21', REOPEN, [dateMention('2024-03-19', REOPEN)]), report('y', '2024-03-21', REOPEN, [dateMention('2024-03-19', REOPEN)], { source: 'Other' })];
  const timeline = buildTopicTimeline([original, ...copies, ...others], { points: 1 });
  assert.equal(timeline.articleCount, 3, 'copies are not originals');
  assert.equal(timeline.points[0]!.start, '2024-03-21', 'two originals published on the 21st outweigh one original and three copies');
  const all = buildTopicTimeline([original, ...copies, ...others], { points: 4 });
  const bridgeDay = all.points.find((p) => p.start === '2024-03-18')!;
  assert.deepEqual(bridgeDay.articles, ['o', 'c1', 'c2', 'c3'], 'the original first, its copies after');
  assert.ok(bridgeDay.sources.includes('Copy c1'));
});

test('points come in date order, the most important first to be chosen; old and implausible days are apart', () => {
  const articles = [
    report('a', '2024-05-02', REOPEN, [dateMention('2024-04-30', BRIDGE), dateMention('1998-06-01', FLOOD), dateMention('2023-01-10', FLOOD)]),
    report('b', '2024-05-01', FLOOD, [dateMention('2024-04-30', BRIDGE)]),
    report('c', '2024-04-29', BRIDGE, []),
  ];
  const timeline = buildTopicTimeline(articles, { points: 3 });
  const starts = timeline.points.map((p) => p.start);
  assert.deepEqual(starts, [...starts].sort());
  assert.ok(starts.includes('2024-04-30'));
  for (const p of timeline.points) assert.ok(p.importance > 0 && p.importance <= 1);
  assert.ok(!starts.includes('1998-06-01') && !starts.includes('2023-01-10'));
  const old = timeline.background.find((p) => p.start === '2023-01-10');
  assert.ok(old && /before the first report/.test(old.reason), 'a day long before the reporting is background, with the reason');
  assert.ok(!timeline.background.some((p) => p.start === '1998-06-01'), 'a day decades away is dropped');
});

test('the summary is 2-4 sentences of prose in the main language, without dangling openers', () => {
  const articles = [
    report('a', '2024-03-11', `${FLOOD}\nThey said more rain was expected.\n${BRIDGE}`, []),
    report('b', '2024-03-12', `${BRIDGE}\n${REOPEN}`, []),
    report('v', '2024-03-12', 'Nước sông dâng cao và làm ngập khu phố thấp của thị trấn sau ba ngày mưa lớn.', [], { language: 'vi' }),
  ];
  const { summary, language } = buildTopicTimeline(articles);
  assert.equal(language, 'en');
  const sentences = summary.match(/[^.!?]+[.!?]/g) ?? [];
  assert.ok(sentences.length >= 2 && sentences.length <= 4, summary);
  assert.ok(!/\bThey said\b/.test(summary));
  assert.ok(!/Nước/.test(summary));
});

test('live-blog stamps, widget units, fragments and teasers are not sentences, in any language', () => {
  assert.equal(sentenceFlaw('21.55 h: el presidente habló ante la nación en un mensaje televisado.', 'es'), 'not-a-sentence');
  assert.equal(sentenceFlaw('°C de mínima y °C de máxima en la capital durante el día.', 'es'), 'not-a-sentence');
  assert.equal(sentenceFlaw('dans la capitale, les manifestants se sont rassemblés devant le palais.', 'fr'), 'not-a-sentence');
  assert.equal(sentenceFlaw('Un uomo dei servizi segreti racconta la sua versione dei fatti…', 'it'), 'not-a-sentence');
  assert.equal(sentenceFlaw('Guarda il video su youtube v=mlUZgwLkE4s caricato da un utente.', 'it'), 'link');
  assert.equal(sentenceFlaw('Il presidente ha lasciato il palazzo dopo tre giorni di proteste in piazza.', 'it'), null);
});

test('without a number of points the timeline fits the selection; from/to keep points within the window', () => {
  assert.deepEqual([1, 4, 9, 25, 100, 1000].map(defaultPointCount), [1, 4, 6, 10, 20, 40]);
  const days = ['2024-04-01', '2024-04-03', '2024-04-05', '2024-04-07', '2024-04-09', '2024-04-11', '2024-04-13', '2024-04-15', '2024-04-17'];
  const articles = days.map((d, i) => report(`r${i}`, d, i % 2 ? BRIDGE : REOPEN, []));
  assert.equal(buildTopicTimeline(articles).points.length, defaultPointCount(days.length));
  const window = buildTopicTimeline(articles, { from: '2024-04-05', to: '2024-04-11' });
  assert.deepEqual(window.points.map((p) => p.start), ['2024-04-05', '2024-04-07', '2024-04-09', '2024-04-11']);
});
