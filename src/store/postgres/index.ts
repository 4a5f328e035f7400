export { openPostgres, type PostgresOptions } from './connection.js';
export { migratePostgres } from './migrate.js';
export { POSTGRES_MIGRATIONS } from './migrations.js';
