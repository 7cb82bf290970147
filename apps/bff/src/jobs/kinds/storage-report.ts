import { z } from 'zod';
import { formatBytes } from '../../storage/format-bytes.js';
import { scanIndex } from '../../storage/scan-index.js';
import type { StorageStore } from '../../storage/storage-store.js';
import type { JobKind } from '../job-kind.js';

export const storageReportParamsSchema = z.object({
  /** `user/index` names to scan; empty or absent: every index devpi lists. */
  indexes: z.array(z.string().min(3).max(700)).max(2000).optional(),
});
export type StorageReportParams = z.infer<typeof storageReportParamsSchema>;

/** File lengths asked of devpi at once per item; the runner's own limit caps items in flight. */
const HEADS_IN_FLIGHT = 2;

/**
 * Refreshes the storage report, one item per index: each reads that index's files' lengths now
 * (devpi has no size API) and replaces what the store held for it; an index devpi no longer has
 * leaves the report. It only reads devpi, so an item run twice after a crash does no harm.
 */
export function storageReportKind(storage: StorageStore): JobKind<StorageReportParams> {
  return {
    name: 'storage-report',
    description: 'Count the files and bytes of every index, project and release.',
    params: storageReportParamsSchema,
    title: (p) => (p.indexes?.length ? `Storage report of ${p.indexes.join(', ').slice(0, 200)}` : 'Storage report of every index'),
    async plan(ctx, params) {
      const listing = await ctx.devpi.listRoot();
      const onDevpi = Object.entries(listing).flatMap(([user, config]) =>
        Object.entries(config.indexes ?? {}).map(([index, ix]) => ({ name: `${user}/${index}`, type: ix.type })),
      );
      const wanted = params.indexes?.length ? new Set(params.indexes) : undefined;
      const known = await storage.knownIndexes();
      const present = new Set(onDevpi.map((i) => i.name));
      const gone = known.filter((name) => !present.has(name) && (wanted === undefined || wanted.has(name)));
      const chosen = onDevpi.filter((i) => wanted === undefined || wanted.has(i.name));
      const items = [
        ...chosen.map((i) => ({ key: i.name, label: i.type === 'mirror' ? `${i.name} (mirror: not scanned)` : i.name, bytes: 0, spec: { index: i.name, type: i.type } })),
        ...gone.map((name) => ({ key: name, label: `${name} (no longer on devpi: leaves the report)`, bytes: 0, spec: { index: name, type: 'gone' } })),
      ];
      return { items, summary: { indexes: chosen.length, mirrors: chosen.filter((i) => i.type === 'mirror').length, gone: gone.length } };
    },
    async runItem(ctx, item) {
      const index = typeof item.spec['index'] === 'string' ? item.spec['index'] : item.key;
      const result = await scanIndex(ctx.devpi, index, { concurrency: HEADS_IN_FLIGHT, sizes: ctx.sizes });
      if (result.kind === 'gone') {
        await storage.forgetIndex(index);
        return { state: 'done', message: `${index} is no longer on devpi; it left the report.` };
      }
      if (result.kind === 'mirror') return { state: 'skipped', message: 'Mirrors are not scanned: their files are upstream copies devpi fetches on demand.' };
      await storage.saveScan(result.scan, new Date(ctx.now()), ctx.creator);
      const files = result.scan.releases.reduce((n, r) => n + r.files, 0);
      const bytes = result.scan.releases.reduce((n, r) => n + r.bytes, 0);
      const unknown = result.scan.releases.reduce((n, r) => n + r.unknownFiles, 0);
      return { state: 'done', bytes, message: `${files} files, ${formatBytes(bytes)}${unknown > 0 ? `; ${unknown} without a length` : ''}.` };
    },
  };
}
