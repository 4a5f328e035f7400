import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { storedArticle, testIndex } from '../../test/helpers/articles.js';
import { SqliteStoryStore, type StoryStore } from '../store/index.js';
import { storyTitle } from '../timeline/index.js';
import { decideStoryTitles, TITLE_REGROWTH } from './story-titles.js';

/** The store, counting how often a whole story is read. */
function counting(store: StoryStore): { store: StoryStore; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'storyArticles') reads++;
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, reads: () => reads };
}

test('a growing story is read whole again only once it has grown by a tenth; its title stands meanwhile', async () => {
  const sqlite = new SqliteStoryStore(':memory:');
  const { store, reads } = counting(sqlite);
  const add = (i: number) =>
    sqlite.addArticle(storedArticle(`a${i}`, { contentHash: `h${i}`, storyId: 's1', title: `Ferry strike day ${i}` }), { newStory: i === 0, dateUpdates: [], index: testIndex() });
  for (let i = 0; i < 20; i++) await add(i);
  await decideStoryTitles(store);
  assert.equal(reads(), 1);
  const title = (await sqlite.listStorySummaries())[0]!.title;
  assert.equal(title, storyTitle(await sqlite.storyArticles('s1')));
  // 21 articles: under a tenth more, the title is set again without reading the story.
  await add(20);
  assert.equal((await sqlite.listStorySummaries())[0]!.title, null, 'a write leaves the title undecided');
  await decideStoryTitles(store);
  assert.equal(reads(), 1);
  assert.equal((await sqlite.listStorySummaries())[0]!.title, title);
  // 22 = 20 × (1 + 0.1): read whole and decided again.
  assert.equal(Math.ceil(20 * (1 + TITLE_REGROWTH)), 22);
  await add(21);
  await decideStoryTitles(store);
  assert.equal(reads(), 2);
  await sqlite.close();
});
