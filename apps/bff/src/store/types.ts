import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';

export type StoreDialect = 'sqlite' | 'postgres';

/**
 * Each feature declares its own tables in its own small interface (see README.md); the store
 * itself only knows the tables it owns. `Kysely<object>` lets a feature narrow the one
 * connection to its own interface with `store.db.withTables<...>()`, never to another's.
 */
export interface Store<Tables extends object = object> {
  readonly db: Kysely<Tables>;
  readonly dialect: StoreDialect;
  /**
   * The driver under Kysely, only for libraries that bring their own SQL for their own tables
   * (rate-limiter-flexible). Feature code queries through `db`.
   */
  readonly driver: StoreDriver;
  /** Resolves when the database answers a trivial query; rejects otherwise (readiness). */
  ping(): Promise<void>;
  /** Closes the pool / file handle; the store is unusable afterwards. */
  close(): Promise<void>;
}

export type StoreDriver = { dialect: 'sqlite'; database: BetterSqlite3.Database } | { dialect: 'postgres'; pool: pg.Pool };

export interface StoreConfig {
  /** postgres://… selects PostgreSQL; undefined selects the embedded SQLite file. */
  databaseUrl: string | undefined;
  /** Folder of the SQLite file; created when missing. */
  dataDir: string;
}
