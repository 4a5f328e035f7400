import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import { storedArticle, testIndex } from '../../../test/helpers/articles.js';
import { tempDir } from '../../../test/helpers/cli.js';
import { SqliteStoryStore } from './sqlite-story-store.js';

test('listEntities: prefix match, most reported first, LIKE wildcards taken literally', async () => {
  const store = new SqliteStoryStore(join(tempDir(), 'e.db'));
  const putin = { name: 'Vladimir Putin', type: 'person' as const, aliases: [], mentions: 2 };
  const vietnam = { name: 'Vietnam', type: 'place' as const, aliases: [], mentions: 1 };
  const odd = { name: 'V%_Corp', type: 'organization' as const, aliases: [], mentions: 9 };
  await store.addArticle(storedArticle('a1', { contentHash: 'h1', entities: [putin, vietnam] }), { newStory: true, dateUpdates: [], index: testIndex() });
  await store.addArticle(storedArticle('a2', { contentHash: 'h2', entities: [putin, odd] }), { newStory: false, dateUpdates: [], index: testIndex() });
  assert.deepEqual((await store.listEntities('v', 10)), [
    { name: 'Vladimir Putin', type: 'person', articles: 2, mentions: 4 },
    { name: 'V%_Corp', type: 'organization', articles: 1, mentions: 9 },
    { name: 'Vietnam', type: 'place', articles: 1, mentions: 1 },
  ]);
  assert.deepEqual((await store.listEntities('V%', 10)).map((e) => e.name), ['V%_Corp']);
  assert.deepEqual((await store.listEntities('', 1)).map((e) => e.name), ['Vladimir Putin']);
  assert.deepEqual((await store.listEntities('Moscow', 10)), []);
  await store.close();
});
