import type { Kysely, Migration } from 'kysely';

/**
 * File lengths by sha256. devpi has no size API, so a length costs one HEAD; a file's length never
 * changes for a given sha256, so every length a job or the storage report learned is kept and a
 * later preview or scan asks devpi only about files it has not seen. Bytes are bigint.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('file_size')
      .addColumn('sha256', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('bytes', 'bigint', (c) => c.notNull())
      .addColumn('seen_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('file_size').execute();
  },
};
