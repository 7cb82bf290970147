import type { Kysely, Migration } from 'kysely';

/**
 * Jobs and their items. Times are epoch milliseconds (bigint). `token_sealed` holds the creator's
 * devpi token encrypted (AES-256-GCM) while the job lives and is null once it ends. The lease is
 * `lease_owner` + `lease_expires`, taken and renewed by conditional UPDATEs.
 * history_entries gains `job_id` so the changes a job made can be told apart and listed.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('kind', 'varchar(64)', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('creator', 'text', (col) => col.notNull())
    .addColumn('state', 'varchar(32)', (col) => col.notNull())
    .addColumn('pause_reason', 'varchar(32)')
    .addColumn('reason', 'text')
    .addColumn('params', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('confirm_text', 'text')
    .addColumn('token_sealed', 'text')
    .addColumn('token_expires', 'bigint')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires', 'bigint')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema.createIndex('jobs_state').on('jobs').columns(['state', 'lease_expires']).execute();
  await db.schema.createIndex('jobs_creator_created').on('jobs').columns(['creator', 'created_at']).execute();
  await db.schema
    .createTable('job_items')
    .addColumn('job_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('item_key', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('state', 'varchar(16)', (col) => col.notNull())
    .addColumn('bytes', 'bigint', (col) => col.notNull())
    .addColumn('spec', 'text', (col) => col.notNull())
    .addColumn('message', 'text')
    .addColumn('finished_at', 'bigint')
    .addPrimaryKeyConstraint('job_items_pk', ['job_id', 'seq'])
    .execute();
  await db.schema.createIndex('job_items_state').on('job_items').columns(['job_id', 'state', 'seq']).execute();
  await db.schema.createIndex('job_items_finished').on('job_items').columns(['job_id', 'finished_at']).execute();
  await db.schema.alterTable('history_entries').addColumn('job_id', 'varchar(64)').execute();
  await db.schema.createIndex('history_job_at').on('history_entries').columns(['job_id', 'at']).execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('history_job_at').execute();
  await db.schema.alterTable('history_entries').dropColumn('job_id').execute();
  await db.schema.dropTable('job_items').execute();
  await db.schema.dropTable('jobs').execute();
}

export const migration: Migration = { up, down };
