import type { Kysely } from 'kysely';
import { normalizeProjectName } from '@devpi-dashboard/devpi-client';
import type { SeverityLevel, VulnerabilityFilter, VulnerabilityFinding } from '@devpi-dashboard/dashboard-api';
import type { Store } from '../../store/index.js';
import type { OsvRecord } from './osv-entry.js';
import type { Finding } from './scanner.js';

type OsvImportTable = { id: string; imported_at: number | string; source: string; actor: string | null; kept: number; skipped: number };
type OsvEntryTable = { id: string; modified: string | null; record: string };
type IndexScanTable = { index_name: string; scan_id: string; scanned_at: number | string; database: string; releases: number; findings: number };
type FindingTable = {
  id: string;
  index_name: string;
  project: string;
  project_key: string;
  version: string;
  kind: string;
  requirement: string | null;
  package: string;
  vuln_id: string;
  aliases: string;
  summary: string | null;
  severity: string;
  cvss_vector: string | null;
  cvss_score: number | null;
  affected: string;
  fixed: string;
  admitted: string;
  link: string;
};
export type VulnTables = {
  osv_imports: OsvImportTable;
  osv_entries: OsvEntryTable;
  vuln_index_scans: IndexScanTable;
  vuln_findings: FindingTable;
};

export interface OsvImport {
  id: string;
  importedAt: number;
  source: string;
  kept: number;
  skipped: number;
}

export interface IndexScan {
  index: string;
  scanId: string;
  scannedAt: number;
  database: string;
  releases: number;
  findings: number;
}

/** Rows per INSERT: well under SQLite's 32,766 bound parameters for the widest table. */
const BATCH = 400;

const stringList = (text: string): string[] => {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};

function toFinding(row: FindingTable): VulnerabilityFinding {
  return {
    index: row.index_name,
    project: row.project,
    version: row.version,
    kind: row.kind === 'dependency' ? 'dependency' : 'release',
    requirement: row.requirement,
    package: row.package,
    id: row.vuln_id,
    aliases: stringList(row.aliases),
    summary: row.summary,
    severity: { level: row.severity as SeverityLevel, vector: row.cvss_vector, score: row.cvss_score === null ? null : Number(row.cvss_score) },
    affected: stringList(row.affected),
    fixed: stringList(row.fixed),
    admitted: stringList(row.admitted),
    link: row.link,
  };
}

/** Most severe first, then by index, project and version. */
const SEVERITY_RANK: Record<SeverityLevel, number> = { critical: 0, high: 1, medium: 2, low: 3, none: 4, unknown: 5 };

/** The vulnerability feature's one door to the database. */
export class VulnStore {
  private readonly db: Kysely<VulnTables>;

  constructor(store: Store) {
    this.db = store.db.withTables<VulnTables>();
  }

  /** Replaces the whole imported database: a dump is the complete set, so entries it lacks are gone. */
  async replaceEntries(records: readonly OsvRecord[], meta: OsvImport & { actor: string | null }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('osv_entries').execute();
      for (let at = 0; at < records.length; at += BATCH) {
        const rows = records.slice(at, at + BATCH).map((record) => ({ id: record.id, modified: record.modified, record: JSON.stringify(record) }));
        await trx.insertInto('osv_entries').values(rows).execute();
      }
      await trx.deleteFrom('osv_imports').execute();
      await trx
        .insertInto('osv_imports')
        .values({ id: meta.id, imported_at: meta.importedAt, source: meta.source, actor: meta.actor, kept: meta.kept, skipped: meta.skipped })
        .execute();
    });
  }

  async lastImport(): Promise<OsvImport | undefined> {
    const row = await this.db.selectFrom('osv_imports').selectAll().orderBy('imported_at', 'desc').limit(1).executeTakeFirst();
    return row === undefined ? undefined : { id: row.id, importedAt: Number(row.imported_at), source: row.source, kept: row.kept, skipped: row.skipped };
  }

  async *entries(batch = 2_000): AsyncGenerator<OsvRecord> {
    let after = '';
    for (;;) {
      const rows = await this.db.selectFrom('osv_entries').select(['id', 'record']).where('id', '>', after).orderBy('id').limit(batch).execute();
      for (const row of rows) yield JSON.parse(row.record) as OsvRecord;
      const last = rows.at(-1);
      if (last === undefined || rows.length < batch) return;
      after = last.id;
    }
  }

  /** One index's findings replace its previous scan's, with the time of this scan, in one transaction. */
  async replaceIndexFindings(scan: IndexScan, findings: readonly Finding[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('vuln_findings').where('index_name', '=', scan.index).execute();
      const rows = findings.map((finding, n) => ({
        id: `${scan.scanId}:${scan.index}:${n}`.slice(-100),
        index_name: finding.index,
        project: finding.project,
        project_key: normalizeProjectName(finding.project),
        version: finding.version,
        kind: finding.kind,
        requirement: finding.requirement,
        package: finding.package,
        vuln_id: finding.vulnId,
        aliases: JSON.stringify(finding.aliases),
        summary: finding.summary,
        severity: finding.severity.level,
        cvss_vector: finding.severity.vector,
        cvss_score: finding.severity.score,
        affected: JSON.stringify(finding.affected),
        fixed: JSON.stringify(finding.fixed),
        admitted: JSON.stringify(finding.admitted),
        link: finding.link,
      }));
      for (let at = 0; at < rows.length; at += BATCH) await trx.insertInto('vuln_findings').values(rows.slice(at, at + BATCH)).execute();
      const values = {
        scan_id: scan.scanId, scanned_at: scan.scannedAt, database: scan.database, releases: scan.releases, findings: findings.length,
      };
      await trx
        .insertInto('vuln_index_scans')
        .values({ index_name: scan.index, ...values })
        .onConflict((oc) => oc.column('index_name').doUpdateSet(values))
        .execute();
    });
  }

  /** Drops what is known about indexes that no longer exist (or are no longer stages). */
  async forgetIndexesExcept(indexes: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const table of ['vuln_findings', 'vuln_index_scans'] as const) {
        let query = trx.deleteFrom(table);
        if (indexes.length > 0) query = query.where('index_name', 'not in', [...indexes]);
        await query.execute();
      }
    });
  }

  async indexScans(): Promise<IndexScan[]> {
    const rows = await this.db.selectFrom('vuln_index_scans').selectAll().orderBy('index_name').execute();
    return rows.map((row) => ({
      index: row.index_name, scanId: row.scan_id, scannedAt: Number(row.scanned_at), database: row.database, releases: row.releases, findings: row.findings,
    }));
  }

  /** A page of findings, most severe first; `readable` limits them to the indexes the viewer may read. */
  async findings(
    filter: VulnerabilityFilter & { readable?: readonly string[] },
    offset: number,
    limit: number,
  ): Promise<{ total: number; items: VulnerabilityFinding[] }> {
    if (filter.readable?.length === 0) return { total: 0, items: [] };
    let query = this.db.selectFrom('vuln_findings');
    if (filter.readable !== undefined) query = query.where('index_name', 'in', [...filter.readable]);
    if (filter.index !== undefined) query = query.where('index_name', '=', filter.index);
    if (filter.project !== undefined) query = query.where('project_key', '=', normalizeProjectName(filter.project));
    if (filter.version !== undefined) query = query.where('version', '=', filter.version);
    if (filter.severity !== undefined) query = query.where('severity', '=', filter.severity);
    const counted = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy((eb) =>
        eb.case('severity')
          .when('critical').then(SEVERITY_RANK.critical)
          .when('high').then(SEVERITY_RANK.high)
          .when('medium').then(SEVERITY_RANK.medium)
          .when('low').then(SEVERITY_RANK.low)
          .when('none').then(SEVERITY_RANK.none)
          .else(SEVERITY_RANK.unknown)
          .end(),
      )
      .orderBy('index_name')
      .orderBy('project_key')
      .orderBy('version')
      .orderBy('vuln_id')
      .offset(offset)
      .limit(limit)
      .execute();
    return { total: Number(counted.n), items: rows.map(toFinding) };
  }
}
