import type { Kysely, Migration } from 'kysely';

/**
 * The storage report, and the passwords a users import keeps until they are fetched.
 * The storage report holds what the last scan of each index found. devpi has no size API, so a job
 * asks every stored file for its length and writes one row per release; projects and indexes are
 * sums over them. Bytes are bigint (an index passes 2 GiB easily); times are epoch milliseconds.
 * A release's key is the sha256 of its index, project and version: 300-character unicode names
 * would overflow PostgreSQL's btree entry limit as a three-column key.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('storage_index')
      .addColumn('index_name', 'text', (c) => c.primaryKey())
      .addColumn('index_type', 'varchar(64)', (c) => c.notNull())
      .addColumn('projects', 'integer', (c) => c.notNull())
      .addColumn('releases', 'integer', (c) => c.notNull())
      .addColumn('files', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'bigint', (c) => c.notNull())
      .addColumn('unknown_files', 'integer', (c) => c.notNull())
      .addColumn('scanned_at', 'bigint', (c) => c.notNull())
      .addColumn('scanned_by', 'text')
      .execute();
    await db.schema
      .createTable('storage_release')
      .addColumn('release_key', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('index_name', 'text', (c) => c.notNull())
      .addColumn('project_key', 'text', (c) => c.notNull())
      .addColumn('project', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('files', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'bigint', (c) => c.notNull())
      .addColumn('unknown_files', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('storage_release_index').on('storage_release').column('index_name').execute();
    await db.schema.createIndex('storage_release_bytes').on('storage_release').column('bytes').execute();
    // Passwords a users-from-CSV run generated, sealed, until their one download or the run's end.
    await db.schema
      .createTable('generated_password')
      .addColumn('run_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('generated_password_pk', ['run_id', 'username'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('generated_password').execute();
    await db.schema.dropTable('storage_release').execute();
    await db.schema.dropTable('storage_index').execute();
  },
};
