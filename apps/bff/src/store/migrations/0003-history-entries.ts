import type { Kysely, Migration } from 'kysely';

/** Filters the History screen offers; each index ends in `at` so a filtered page is read in order. */
const FILTER_INDEXES: ReadonlyArray<[name: string, columns: string[]]> = [
  ['history_at', ['at']],
  ['history_actor_at', ['actor', 'at']],
  ['history_action_at', ['action', 'at']],
  ['history_index_at', ['target_index', 'at']],
  ['history_owner_at', ['index_owner', 'at']],
  ['history_user_at', ['target_user', 'at']],
  ['history_project_at', ['project_key', 'at']],
  ['history_outcome_at', ['outcome', 'at']],
  ['history_request', ['request_id', 'seq']],
  ['history_serial', ['serial']],
];

/**
 * The history. Times are ISO-8601 UTC text (fixed width from toISOString) rather than epoch
 * bigint: they compare and sort the same on both dialects, read as they are in a SQL shell and
 * come back from pg as strings either way.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('history_entries')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('request_id', 'varchar(128)', (col) => col.notNull())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('at', 'varchar(32)', (col) => col.notNull())
    .addColumn('actor', 'text')
    .addColumn('client_address', 'text')
    .addColumn('replica', 'text')
    .addColumn('action', 'varchar(64)', (col) => col.notNull())
    .addColumn('target_user', 'text')
    .addColumn('target_index', 'text')
    .addColumn('index_owner', 'text')
    .addColumn('target_project', 'text')
    .addColumn('project_key', 'text')
    .addColumn('target_version', 'text')
    .addColumn('target_file', 'text')
    .addColumn('changes', 'text', (col) => col.notNull())
    .addColumn('outcome', 'varchar(16)', (col) => col.notNull())
    .addColumn('status', 'integer')
    .addColumn('message', 'text')
    .addColumn('serial', 'integer')
    .addColumn('source', 'varchar(16)', (col) => col.notNull())
    .addColumn('outcome_at', 'varchar(32)')
    .addColumn('reconciled_at', 'varchar(32)')
    .execute();
  for (const [name, columns] of FILTER_INDEXES) {
    await db.schema.createIndex(name).on('history_entries').columns(columns).execute();
  }
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('history_entries').execute();
}

export const migration: Migration = { up, down };
