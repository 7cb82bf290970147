import type { Kysely, Migration } from 'kysely';

/**
 * File lengths measured after the preview. A cleanup preview lists every release and file at once
 * with the lengths the store knows; `job_items.unsized` counts an item's files whose length is not
 * known yet, and `jobs.measuring` (0/1) marks a job awaiting confirmation whose sizes are still
 * being measured, so a replica that takes the lease over (after a crash or a restart) carries on.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('jobs').addColumn('measuring', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('job_items').addColumn('unsized', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('job_items').dropColumn('unsized').execute();
    await db.schema.alterTable('jobs').dropColumn('measuring').execute();
  },
};
