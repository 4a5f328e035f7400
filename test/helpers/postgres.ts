// PostgreSQL in tests: the server named by STORYLINE_TEST_PG_URL (`.ci/postgres.sh start` prints one).
// Without it, or when it does not answer, the PostgreSQL tests are skipped with the reason, never failed:
//
//   const skip = await postgresSkipReason();
//   test('...', { skip }, async (t) => { const schema = await testSchema(t); ... });
//
// Each test works in a schema of its own, dropped when it ends, so tests never see each other's rows.
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { openPostgres } from '../../src/store/postgres/index.js';

const url = process.env.STORYLINE_TEST_PG_URL;

let checked: Promise<string | false> | undefined;

/** Why the PostgreSQL tests cannot run here, or false when they can (a value for test()'s `skip`). */
export function postgresSkipReason(): Promise<string | false> {
  checked ??= check();
  return checked;
}

async function check(): Promise<string | false> {
  if (!url) return 'STORYLINE_TEST_PG_URL is not set (start a test server with .ci/postgres.sh start)';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return false;
  } catch (err) {
    return `PostgreSQL at STORYLINE_TEST_PG_URL (${redacted(url)}) is unreachable: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

function redacted(u: string): string {
  try {
    const parsed = new URL(u);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

export interface TestSchema {
  name: string;
  /** A pool whose connections work in this schema; ended when the test ends. */
  open(): pg.Pool;
}

/** A fresh schema for test `t`, dropped (with every pool opened on it ended) when the test ends. */
export async function testSchema(t: TestContext): Promise<TestSchema> {
  if (!url) throw new Error('testSchema needs STORYLINE_TEST_PG_URL: guard the test with postgresSkipReason()');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const pools: pg.Pool[] = [];
  const open = () => {
    const pool = openPostgres(url, { searchPath: name });
    pools.push(pool);
    return pool;
  };
  const admin = openPostgres(url, { max: 1 });
  await admin.query(`CREATE SCHEMA ${name}`);
  t.after(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await admin.query(`DROP SCHEMA ${name} CASCADE`);
    await admin.end();
  });
  return { name, open };
}
