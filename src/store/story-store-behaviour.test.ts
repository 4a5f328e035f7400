// The StoryStore contract on every backend: SQLite always, PostgreSQL when a test server is configured
// (STORYLINE_TEST_PG_URL; skipped with the reason otherwise).
import { postgresSkipReason, testSchema } from '../../test/helpers/postgres.js';
import { PostgresStoryStore } from './postgres/index.js';
import { SqliteStoryStore } from './sqlite/sqlite-story-store.js';
import { storyStoreBehaviour } from './story-store-behaviour.js';

storyStoreBehaviour('SQLite', async () => new SqliteStoryStore(':memory:'));
storyStoreBehaviour('PostgreSQL', async (t) => PostgresStoryStore.onPool((await testSchema(t)).open()), await postgresSkipReason());
