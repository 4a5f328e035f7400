export { openPostgres, type PostgresOptions } from './connection.js';
export { migratePostgres } from './migrate.js';
export { POSTGRES_MIGRATIONS } from './migrations.js';
export { PostgresStoryStore } from './postgres-story-store.js';
export { JobQueue, type Job, type JobQueueOptions, type JobResult, type RunCounts } from './job-queue.js';
