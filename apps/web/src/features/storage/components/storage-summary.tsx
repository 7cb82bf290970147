import type { StorageSummary } from '@devpi-dashboard/dashboard-api';
import { Card } from '../../../components/ui/page-header';
import { formatBytes } from '../lib/format-bytes';
import { StorageIndexTable, StorageProjectTable, StorageReleaseTable } from './storage-tables';

/** Totals, every index by size and the largest projects and releases: Artifactory's storage summary. */
export function StorageSummaryView({ summary }: { summary: StorageSummary }) {
  const oldest = summary.indexes.reduce<string | null>((min, i) => (min === null || i.scannedAt < min ? i.scannedAt : min), null);
  return (
    <div className="stack">
      <Card>
        <dl className="storage-totals">
          <div><dt>Stored</dt><dd>{formatBytes(summary.totals.bytes)}</dd></div>
          <div><dt>Files</dt><dd>{summary.totals.files.toLocaleString()}</dd></div>
          <div><dt>Indexes measured</dt><dd>{summary.indexes.length.toLocaleString()}</dd></div>
        </dl>
        {oldest !== null && <p className="muted">Oldest measurement: {new Date(oldest).toLocaleString()}. Mirrors are not counted.</p>}
        {summary.totals.unknownFiles > 0 && <p className="muted">{summary.totals.unknownFiles} files had no length from devpi and are not in the totals.</p>}
      </Card>
      <Card title="Indexes"><StorageIndexTable indexes={summary.indexes} /></Card>
      <Card title="Largest projects"><StorageProjectTable projects={summary.largestProjects} caption="Largest projects" /></Card>
      <Card title="Largest releases"><StorageReleaseTable releases={summary.largestReleases} /></Card>
    </div>
  );
}
