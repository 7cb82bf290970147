import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { setTimeout as delay } from 'node:timers/promises';
import type { StoreDialect } from './types.js';
import { migrations } from './migrations/index.js';

/** Any constant; every replica of the dashboard takes the same PostgreSQL advisory lock. */
const MIGRATION_LOCK_KEY = 7_311_945_812;

class StaticProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(this.list);
  }
}

export class MigrationError extends Error {
  constructor(readonly migration: string | undefined, cause: unknown) {
    super(`store migration ${migration ?? '(setup)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/** How long a starting replica waits for another one's migration before giving up. */
const SQLITE_LOCK_WAIT_MS = 30_000;

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED');
}

/**
 * Kysely's SQLite adapter takes no migration lock (it assumes one connection), so two processes
 * on one file would both run a migration. The whole run sits in one BEGIN IMMEDIATE transaction
 * (SQLite DDL is transactional). better-sqlite3 blocks the event loop while it waits on a lock,
 * so the wait is an async retry with the busy timeout off, not the driver's own busy wait.
 */
async function withSqliteWriteLock(conn: Kysely<object>, body: () => Promise<void>): Promise<void> {
  const [previous] = await sql<{ timeout: number }>`pragma busy_timeout`.execute(conn).then((r) => r.rows);
  await sql`pragma busy_timeout = 0`.execute(conn);
  try {
    const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
    for (;;) {
      try {
        await sql`begin immediate`.execute(conn);
        break;
      } catch (error) {
        if (!isBusy(error) || Date.now() > deadline) throw error;
        await delay(25);
      }
    }
    try {
      await body();
      await sql`commit`.execute(conn);
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  } finally {
    await sql.raw(`pragma busy_timeout = ${String(previous?.timeout ?? 0)}`).execute(conn);
  }
}

/**
 * Brings the schema to the newest version, safely when several replicas start at once.
 * PostgreSQL: Kysely's Migrator locks its own table, but two replicas can race to create that
 * table itself, so the whole run sits inside a session-level advisory lock. SQLite: one write
 * transaction around the run (see withSqliteWriteLock).
 */
export async function migrateToLatest(db: Kysely<object>, dialect: StoreDialect, list: Record<string, Migration> = migrations): Promise<void> {
  const run = async (conn: Kysely<object>) => {
    const { error, results } = await new Migrator({ db: conn, provider: new StaticProvider(list) }).migrateToLatest();
    if (error !== undefined) throw new MigrationError(results?.find((r) => r.status === 'Error')?.migrationName, error);
  };
  await db.connection().execute(async (conn) => {
    if (dialect === 'sqlite') return withSqliteWriteLock(conn, () => run(conn));
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await run(conn);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
