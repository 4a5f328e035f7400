// The StoryStore and LiveStore contracts on every backend: SQLite always, PostgreSQL when a test server is configured
// (STORYLINE_TEST_PG_URL; skipped with the reason otherwise).
import type { TestContext } from 'node:test';
import { postgresSkipReason, testSchema } from '../../test/helpers/postgres.js';
import { PostgresStoryStore } from './postgres/index.js';
import { SqliteStoryStore } from './sqlite/sqlite-story-store.js';
import { liveStoreBehaviour } from './live-store-behaviour.js';
import { storyStoreBehaviour } from './story-store-behaviour.js';

const sqlite = async () => new SqliteStoryStore(':memory:');
const postgres = async (t: TestContext) => PostgresStoryStore.onPool((await testSchema(t)).open());
const skip = await postgresSkipReason();

storyStoreBehaviour('SQLite', sqlite);
storyStoreBehaviour('PostgreSQL', postgres, skip);
liveStoreBehaviour('SQLite', sqlite);
liveStoreBehaviour('PostgreSQL', postgres, skip);
