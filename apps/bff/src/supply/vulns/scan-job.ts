import { z } from 'zod';
import type { JobKind, JobRegistry } from '../../jobs/index.js';
import { stageIndexes } from '../hosted-releases.js';
import type { VulnScanner } from './vuln-scan.js';
import type { VulnStore } from './vuln-store.js';

export const VULN_SCAN_KIND = 'vulnerability-scan';

const paramsSchema = z.object({
  /** `user/index` names; all stage indexes when absent. */
  indexes: z.array(z.string().min(3).max(1000)).max(10_000).optional(),
});
type ScanParams = z.infer<typeof paramsSchema>;

/**
 * The scan as a job: the plan lists the stage indexes (the preview), each item scans one and
 * replaces its findings, so an item run twice after a crash only writes the same answer again.
 * A dump placed in DATA_DIR since the last import is imported before the first item scans.
 */
export function vulnScanKind(scanner: VulnScanner, vulns: VulnStore): JobKind<ScanParams> {
  return {
    name: VULN_SCAN_KIND,
    description: 'Match the releases hosted on stage indexes, and the requirements they declare, against the OSV database.',
    params: paramsSchema,
    title: (params) => (params.indexes === undefined ? 'Vulnerability scan of every stage index' : `Vulnerability scan of ${params.indexes.join(', ')}`),
    async plan(ctx, params) {
      const stages = await stageIndexes(ctx.devpi);
      const chosen = params.indexes === undefined ? stages : stages.filter((name) => params.indexes?.includes(name));
      const last = await vulns.lastImport();
      return {
        items: chosen.map((index) => ({ key: index, label: `Scan ${index}`, bytes: 0, spec: { index } })),
        summary: {
          indexes: chosen.length,
          databaseEntries: last?.kept ?? 0,
          pendingDump: await scanner.pendingDump(),
          online: scanner.online,
        },
      };
    },
    async runItem(ctx, item) {
      const index = String(item.spec['index']);
      await scanner.prepare(ctx.creator);
      const result = await scanner.scanIndex(ctx.devpi, index, ctx.jobId);
      if (result === undefined) return { state: 'skipped', message: `${index} is no longer a stage index.` };
      return { state: 'done', message: `${result.releases} releases scanned, ${result.findings} findings` };
    },
    async verify(ctx, params) {
      // A full scan also forgets indexes deleted since the last one, so the report lists none of them.
      if (params.indexes === undefined) await vulns.forgetIndexesExcept(await stageIndexes(ctx.devpi));
      return [];
    },
  };
}

/** Adds the supply-chain job kinds to a registry (server.ts's runner and createApp's routes share one). */
export function registerSupplyKinds(registry: JobRegistry, scanner: VulnScanner, vulns: VulnStore): JobRegistry {
  return registry.register(vulnScanKind(scanner, vulns));
}
