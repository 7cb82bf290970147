import type { Kysely, Migration } from 'kysely';

/**
 * Known vulnerabilities: the OSV entries an admin imported (one row each, the scanner's compact
 * form as JSON), the imports themselves, the findings of the last scan of each stage index and
 * when that scan ran. Times are epoch milliseconds.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('osv_imports')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('imported_at', 'bigint', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('actor', 'text')
    .addColumn('kept', 'integer', (col) => col.notNull())
    .addColumn('skipped', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('osv_entries')
    .addColumn('id', 'varchar(200)', (col) => col.primaryKey())
    .addColumn('modified', 'varchar(40)')
    .addColumn('record', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('vuln_index_scans')
    .addColumn('index_name', 'varchar(400)', (col) => col.primaryKey())
    .addColumn('scan_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('scanned_at', 'bigint', (col) => col.notNull())
    .addColumn('database', 'text', (col) => col.notNull())
    .addColumn('releases', 'integer', (col) => col.notNull())
    .addColumn('findings', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('vuln_findings')
    .addColumn('id', 'varchar(100)', (col) => col.primaryKey())
    .addColumn('index_name', 'varchar(400)', (col) => col.notNull())
    .addColumn('project', 'text', (col) => col.notNull())
    .addColumn('project_key', 'varchar(400)', (col) => col.notNull())
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('requirement', 'text')
    .addColumn('package', 'text', (col) => col.notNull())
    .addColumn('vuln_id', 'varchar(200)', (col) => col.notNull())
    .addColumn('aliases', 'text', (col) => col.notNull())
    .addColumn('summary', 'text')
    .addColumn('severity', 'varchar(16)', (col) => col.notNull())
    .addColumn('cvss_vector', 'text')
    .addColumn('cvss_score', 'double precision')
    .addColumn('affected', 'text', (col) => col.notNull())
    .addColumn('fixed', 'text', (col) => col.notNull())
    .addColumn('admitted', 'text', (col) => col.notNull())
    .addColumn('link', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('vuln_findings_release').on('vuln_findings').columns(['index_name', 'project_key']).execute();
  await db.schema.createIndex('vuln_findings_severity').on('vuln_findings').columns(['severity']).execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['vuln_findings', 'vuln_index_scans', 'osv_entries', 'osv_imports']) await db.schema.dropTable(table).execute();
}

export const migration: Migration = { up, down };
