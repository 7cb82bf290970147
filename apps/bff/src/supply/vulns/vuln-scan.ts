import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import { hostedVersions } from '../hosted-releases.js';
import { OsvDatabase, type OsvLookup, type OsvMatchable } from './osv-database.js';
import { readOsvDump, type DumpSummary } from './osv-dump.js';
import { OsvApi } from './osv-online.js';
import type { OsvRecord } from './osv-entry.js';
import { parseRequirement } from './requirement.js';
import { scanReleases, type HostedRelease } from './scanner.js';
import { VulnStore } from './vuln-store.js';
import type { Config } from '../../config.js';
import type { Store } from '../../store/index.js';

export interface VulnScanDeps {
  vulns: VulnStore;
  /** Where an admin places OSV's `PyPI/all.zip` (DATA_DIR/osv/PyPI/all.zip by default). */
  dumpPath: string;
  /** Set when OSV_ONLINE is on. */
  online: OsvApi | undefined;
  now: () => number;
  logger: Logger;
}

/** Entries the API returned in this process, so a scan of ten indexes fetches each entry once. */
const ONLINE_CACHE_LIMIT = 50_000;

/**
 * The scan's moving parts, without the job around them: importing a dump into the store,
 * holding the imported database in memory (rebuilt when another replica imports a newer one),
 * and scanning one stage index into its findings.
 */
export class VulnScanner {
  private cached: { importId: string; database: OsvDatabase } | undefined;
  private readonly onlineEntries = new Map<string, OsvRecord | null>();

  private preparing: Promise<void> | undefined;

  constructor(private readonly deps: VulnScanDeps) {}

  get online(): boolean {
    return this.deps.online !== undefined;
  }

  /** Replaces the imported database with a dump's PyPI entries; a broken zip leaves it as it was. */
  async importDump(path: string, source: string, actor: string | null): Promise<DumpSummary & { importedAt: number }> {
    const records: OsvRecord[] = [];
    const summary = await readOsvDump(path, (record) => records.push(record));
    const importedAt = this.deps.now();
    await this.deps.vulns.replaceEntries(records, { id: randomUUID(), importedAt, source, kept: summary.kept, skipped: summary.skipped, actor });
    this.deps.logger.info({ ...summary, source }, 'OSV dump imported');
    return { ...summary, importedAt };
  }

  /** A dump in DATA_DIR that is newer than the last import. */
  async pendingDump(): Promise<boolean> {
    const file = await stat(this.deps.dumpPath).catch(() => undefined);
    if (file === undefined || !file.isFile()) return false;
    const last = await this.deps.vulns.lastImport();
    return last === undefined || file.mtimeMs > last.importedAt;
  }

  /** Before a scan: a dump placed in DATA_DIR since the last import is imported first. */
  async prepare(actor: string | null): Promise<void> {
    // Items of one scan run side by side: they share one import instead of racing to make two.
    this.preparing ??= (async () => {
      if (await this.pendingDump()) await this.importDump(this.deps.dumpPath, `file ${this.deps.dumpPath}`, actor);
    })().finally(() => {
      this.preparing = undefined;
    });
    await this.preparing;
  }

  private async offline(): Promise<{ database: OsvDatabase; label: string }> {
    const last = await this.deps.vulns.lastImport();
    if (last === undefined) return { database: new OsvDatabase(), label: 'no OSV dump imported' };
    if (this.cached?.importId !== last.id) {
      const database = new OsvDatabase();
      for await (const record of this.deps.vulns.entries()) database.add(record);
      this.cached = { importId: last.id, database };
    }
    return { database: this.cached.database, label: `OSV dump of ${new Date(last.importedAt).toISOString()} (${last.kept} entries)` };
  }

  private async onlineDatabase(names: readonly string[]): Promise<OsvDatabase> {
    const api = this.deps.online;
    const database = new OsvDatabase();
    if (api === undefined) return database;
    for (const id of await api.idsFor(names)) {
      let record = this.onlineEntries.get(id);
      if (record === undefined) {
        record = (await api.entry(id)) ?? null;
        if (this.onlineEntries.size < ONLINE_CACHE_LIMIT) this.onlineEntries.set(id, record);
      }
      if (record !== null) database.add(record);
    }
    return database;
  }

  /** Scans one stage index's hosted releases and stores its findings; undefined when it is gone. */
  async scanIndex(devpi: DevpiClient, index: string, scanId: string): Promise<{ releases: number; findings: number } | undefined> {
    const hosted = await hostedVersions(devpi, index);
    if (hosted === undefined) return undefined;
    const releases: HostedRelease[] = hosted.map(({ project, version, data }) => ({ index, project, version, requiresDist: data.requires_dist ?? [] }));
    const { database: offline, label } = await this.offline();
    let database: OsvLookup = offline;
    let described = label;
    if (this.deps.online !== undefined) {
      const names = new Set(releases.flatMap((r) => [r.project, ...r.requiresDist.flatMap((line) => parseRequirement(line)?.name ?? [])]));
      const online = await this.onlineDatabase([...names]);
      database = combined(offline, online);
      described = `${label} + OSV API`;
    }
    const findings = scanReleases(database, releases);
    await this.deps.vulns.replaceIndexFindings(
      { index, scanId, scannedAt: this.deps.now(), database: described, releases: releases.length, findings: findings.length },
      findings,
    );
    return { releases: releases.length, findings: findings.length };
  }
}

/** The scanner a BFF process uses, from its configuration. */
export function createVulnScanner(options: { store: Store; config: Config; logger: Logger; now: () => number }): { scanner: VulnScanner; vulns: VulnStore } {
  const { config } = options;
  const vulns = new VulnStore(options.store);
  const online = config.osv.online ? new OsvApi(config.osv.apiUrl, config.devpiTimeoutMs) : undefined;
  return { vulns, scanner: new VulnScanner({ vulns, dumpPath: config.osv.dumpPath, online, now: options.now, logger: options.logger }) };
}

/** Both databases' entries for a package, an id the API and the dump share counted once. */
function combined(a: OsvDatabase, b: OsvDatabase): OsvLookup {
  return {
    forPackage(key: string): readonly OsvMatchable[] {
      const first = a.forPackage(key);
      const seen = new Set(first.map((match) => match.record.id));
      return [...first, ...b.forPackage(key).filter((match) => !seen.has(match.record.id))];
    },
  };
}
