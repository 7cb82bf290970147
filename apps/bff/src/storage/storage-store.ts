import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { normalizeProjectName } from '@devpi-dashboard/devpi-client';
import type { StorageIndex, StorageIndexDetail, StorageProject, StorageRelease, StorageSummary } from '@devpi-dashboard/dashboard-api';
import type { Store } from '../store/index.js';
import type { StorageTables } from './storage-tables.js';
import type { IndexScan } from './scan-index.js';

/** PostgreSQL returns bigint and sums as strings, SQLite as numbers. */
const num = (value: string | number | bigint | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));

const releaseKey = (index: string, projectKey: string, version: string): string =>
  createHash('sha256').update(JSON.stringify([index, projectKey, version])).digest('hex');

/** Rows per INSERT: well under SQLite's 32,766 bound parameters with 8 columns a row. */
const INSERT_CHUNK = 500;

/** The storage report's one door to the database. */
export class StorageStore {
  private readonly db: Kysely<StorageTables>;

  constructor(store: Store) {
    this.db = store.db.withTables<StorageTables>();
  }

  /** Replaces everything known about one index with a new scan, in one transaction. */
  async saveScan(scan: IndexScan, at: Date, by: string | null): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('storage_release').where('index_name', '=', scan.index).execute();
      await tx.deleteFrom('storage_index').where('index_name', '=', scan.index).execute();
      const rows = scan.releases.map((r) => {
        const projectKey = normalizeProjectName(r.project);
        return {
          release_key: releaseKey(scan.index, projectKey, r.version),
          index_name: scan.index,
          project_key: projectKey,
          project: r.project,
          version: r.version,
          files: r.files,
          bytes: r.bytes,
          unknown_files: r.unknownFiles,
        };
      });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx.insertInto('storage_release').values(rows.slice(i, i + INSERT_CHUNK)).execute();
      }
      await tx.insertInto('storage_index').values({
        index_name: scan.index,
        index_type: scan.type,
        projects: new Set(rows.map((r) => r.project_key)).size,
        releases: rows.length,
        files: rows.reduce((sum, r) => sum + r.files, 0),
        bytes: rows.reduce((sum, r) => sum + r.bytes, 0),
        unknown_files: rows.reduce((sum, r) => sum + r.unknown_files, 0),
        scanned_at: at.getTime(),
        scanned_by: by,
      }).execute();
    });
  }

  /** An index devpi no longer has leaves the report. */
  async forgetIndex(index: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('storage_release').where('index_name', '=', index).execute();
      await tx.deleteFrom('storage_index').where('index_name', '=', index).execute();
    });
  }

  async knownIndexes(): Promise<string[]> {
    const rows = await this.db.selectFrom('storage_index').select('index_name').orderBy('index_name').execute();
    return rows.map((r) => r.index_name);
  }

  async indexes(): Promise<StorageIndex[]> {
    const rows = await this.db.selectFrom('storage_index').selectAll().execute();
    return rows
      .map((r) => ({
        index: r.index_name,
        type: r.index_type,
        projects: r.projects,
        releases: r.releases,
        files: r.files,
        bytes: num(r.bytes),
        unknownFiles: r.unknown_files,
        scannedAt: new Date(num(r.scanned_at)).toISOString(),
        scannedBy: r.scanned_by,
      }))
      .sort((a, b) => b.bytes - a.bytes || a.index.localeCompare(b.index));
  }

  /** Projects by size, largest first; one index's or all. */
  async projects(options: { index?: string; limit: number }): Promise<StorageProject[]> {
    let query = this.db
      .selectFrom('storage_release')
      .select((eb) => [
        'index_name',
        'project_key',
        eb.fn.max('project').as('project'),
        eb.fn.countAll().as('releases'),
        eb.fn.sum('files').as('files'),
        eb.fn.sum('bytes').as('bytes'),
      ])
      .groupBy(['index_name', 'project_key']);
    if (options.index !== undefined) query = query.where('index_name', '=', options.index);
    const rows = await query.orderBy('bytes', 'desc').orderBy('index_name').orderBy('project_key').limit(options.limit).execute();
    return rows.map((r) => ({ index: r.index_name, project: r.project, releases: num(r.releases), files: num(r.files), bytes: num(r.bytes) }));
  }

  async largestReleases(limit: number): Promise<StorageRelease[]> {
    const rows = await this.db
      .selectFrom('storage_release')
      .select(['index_name', 'project', 'version', 'files', 'bytes'])
      .orderBy('bytes', 'desc')
      .orderBy('release_key')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ index: r.index_name, project: r.project, version: r.version, files: r.files, bytes: num(r.bytes) }));
  }

  async summary(limit: number): Promise<StorageSummary> {
    const [indexes, largestProjects, largestReleases] = await Promise.all([this.indexes(), this.projects({ limit }), this.largestReleases(limit)]);
    const totals = indexes.reduce(
      (sum, i) => ({ files: sum.files + i.files, bytes: sum.bytes + i.bytes, unknownFiles: sum.unknownFiles + i.unknownFiles }),
      { files: 0, bytes: 0, unknownFiles: 0 },
    );
    return { indexes, totals, largestProjects, largestReleases };
  }

  async indexDetail(index: string, limit: number): Promise<StorageIndexDetail> {
    const [all, projects] = await Promise.all([this.indexes(), this.projects({ index, limit })]);
    return { index: all.find((i) => i.index === index) ?? null, projects };
  }
}
