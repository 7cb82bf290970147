import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { StoreConfig, StoreDialect, StoreDriver } from './types.js';

export const SQLITE_FILE = 'dashboard.sqlite';
/**
 * PostgreSQL connections kept open however quiet the dashboard is: a mutation pays the session
 * check and the history's intent on the way to devpi, and a fresh connection (TCP, startup, auth)
 * costs several times one query's round trip. pg's pool closes idle ones after 10 s otherwise.
 */
export const POSTGRES_WARM_CONNECTIONS = 2;
/** Long enough for a replica to wait out another's migration, short enough to fail visibly. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export interface Connection {
  db: Kysely<object>;
  dialect: StoreDialect;
  driver: StoreDriver;
}

export function connect(config: StoreConfig): Connection {
  if (config.databaseUrl !== undefined) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10, min: POSTGRES_WARM_CONNECTIONS, connectionTimeoutMillis: 5_000 });
    // An idle client that loses its server emits 'error'; unhandled, that would kill the process.
    pool.on('error', () => undefined);
    return { db: new Kysely<object>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', driver: { dialect: 'postgres', pool } };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const database = new BetterSqlite3(join(config.dataDir, SQLITE_FILE), { timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL lets readers go on while one writer writes; several processes may share the file.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  return { db: new Kysely<object>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite', driver: { dialect: 'sqlite', database } };
}
