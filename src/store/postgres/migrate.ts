// Applying the PostgreSQL migrations at start, safely when several processes (API servers, workers)
// start at once against one database.
import type pg from 'pg';
import { POSTGRES_MIGRATIONS } from './migrations.js';

/**
 * The advisory lock key that serialises migrations (any constant; "Storylin" in ASCII). It is held per
 * database, so stores in different schemas of one database migrate one after the other: harmless.
 */
const MIGRATION_LOCK = 0x53746f72796c696en;

/**
 * Applies the pending migrations and returns the schema version reached. Everything happens in one
 * transaction holding a transaction-level advisory lock: a second process waits at the lock, then reads
 * the versions the first committed and finds nothing left to do. The lock is released by COMMIT or
 * ROLLBACK, so a process that dies mid-migration leaves neither a lock nor half a schema (PostgreSQL's
 * DDL is transactional). A future migration that cannot run in a transaction (CREATE INDEX
 * CONCURRENTLY) will need its own path.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    // Created under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide.
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      applied.add(migration.version);
    }
    await client.query('COMMIT');
    return Math.max(0, ...applied);
  } catch (err) {
    // A connection that cannot even roll back is not given back to the pool.
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
