import type { Kysely, Migration } from 'kysely';

/**
 * Logged-out session ids (shared by every replica) and the login limiter's counters. The limiter
 * tables use exactly the columns rate-limiter-flexible's SQLite and PostgreSQL stores expect; they
 * are created here (not by the library at first use) so concurrent replicas never race on DDL.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('session_revocation')
      .addColumn('sid', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('expires_at_s', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('session_revocation_expires').on('session_revocation').column('expires_at_s').execute();
    for (const table of ['login_limit_ip', 'login_limit_account']) {
      await db.schema
        .createTable(table)
        .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('expire', 'bigint')
        .execute();
    }
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['login_limit_account', 'login_limit_ip', 'session_revocation']) await db.schema.dropTable(table).execute();
  },
};
