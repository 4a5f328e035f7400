// Database errors are told apart from bad input, and contention from failures someone must fix.
import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { StoreError } from '../domain/index.js';
import { storeErrorOf } from './store-error.js';

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'storyline-store-error-')), 'x.db');
}

/** What a statement throws, or null. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (err) {
    return err;
  }
}

test('a write refused by a read-only SQLite connection is a store error that waiting will not fix', () => {
  const db = new Database(tempFile());
  db.exec('CREATE TABLE t (x)');
  db.pragma('query_only = ON');
  const error = storeErrorOf(thrownBy(() => db.exec('INSERT INTO t VALUES (1)')));
  assert.ok(error instanceof StoreError);
  assert.equal(error.retryable, false);
  assert.match(error.message, /SQLITE_READONLY/);
  db.close();
});

test('a SQLite lock held by another connection is a retryable store error', () => {
  const file = tempFile();
  const holder = new Database(file);
  holder.exec('CREATE TABLE t (x)');
  holder.exec('BEGIN EXCLUSIVE');
  const writer = new Database(file);
  writer.pragma('busy_timeout = 0');
  const error = storeErrorOf(thrownBy(() => writer.exec('INSERT INTO t VALUES (1)')));
  assert.ok(error instanceof StoreError);
  assert.equal(error.retryable, true);
  holder.exec('ROLLBACK');
  holder.close();
  writer.close();
});

test('PostgreSQL errors by SQLSTATE: deadlocks and lost connections retry, a full disk does not', () => {
  // The shape of node-postgres's DatabaseError: a five-character SQLSTATE and a severity.
  const pg = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code, severity: 'ERROR' });
  assert.equal(storeErrorOf(pg('40P01'))?.retryable, true);
  assert.equal(storeErrorOf(pg('08006'))?.retryable, true);
  assert.equal(storeErrorOf(pg('53100'))?.retryable, false);
  assert.match(storeErrorOf(pg('53100'))!.message, /SQLSTATE 53100/);
});

test('errors that are not the database\'s stay what they are', () => {
  assert.equal(storeErrorOf(new Error('no article text found')), null);
  assert.equal(storeErrorOf(Object.assign(new Error('file'), { code: 'ENOENT' })), null);
  assert.equal(storeErrorOf('a string'), null);
  assert.equal(storeErrorOf(null), null);
});
