// Connections to PostgreSQL (issue 17): one pool per process, shared by the store and its migrations.
import pg from 'pg';

export interface PostgresOptions {
  /** Schema(s) the connections use, first for new tables (`search_path`): one database can hold several Storyline stores, and each test its own. */
  searchPath?: string;
  /** Most connections the pool opens; pg's default is 10. */
  max?: number;
}

/**
 * BIGINT (int8) values as numbers, in this pool only: pg reads them as strings, since they can pass
 * 2^53, but Storyline's (article seq, COUNT(*)) stay far below it. A value beyond that fails loudly
 * rather than being rounded.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: (id, format) =>
    id === pg.types.builtins.INT8 && format !== 'binary' ? parseBigint : pg.types.getTypeParser(id, format),
};

function parseBigint(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`BIGINT ${value} is beyond JavaScript's safe integers`);
  return n;
}

/** A value in libpq's `options`: spaces separate options there, so a backslash escapes them (and itself). */
function escapeOption(value: string): string {
  return value.replace(/[\\ ]/g, (c) => `\\${c}`);
}

/** A pool on the database at `url` (postgres://user:password@host:port/database); nothing connects until the first query. */
export function openPostgres(url: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: 'storyline',
    types,
    ...(options.max !== undefined && { max: options.max }),
    ...(options.searchPath !== undefined && { options: `-c search_path=${escapeOption(options.searchPath)}` }),
  });
  // An idle connection the server drops (restart, idle timeout) is reported on the pool; without a
  // listener that event would end the process. The pool discards the connection and opens another on
  // the next query, which then reports any lasting failure where it can be handled.
  pool.on('error', (err) => {
    process.stderr.write(`storyline: an idle PostgreSQL connection failed: ${err.message}\n`);
  });
  return pool;
}
