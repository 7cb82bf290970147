import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { VulnerabilityStatus } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { describeError } from '../../../lib/errors';
import { useStartScan, useUploadDump } from '../api/supply';

const when = (iso: string | null) => (iso === null ? 'never' : new Date(iso).toLocaleString());

/** The database in use, the last scan, the Scan button (a job) and, for root, the dump upload. */
export function ScanPanel({ status, isRoot }: { status: VulnerabilityStatus; isRoot: boolean }) {
  const navigate = useNavigate();
  const scan = useStartScan();
  const upload = useUploadDump();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const tooLarge = file !== null && file.size > status.database.uploadLimitBytes;
  const { database } = status;
  return (
    <Card title="OSV database and scans">
      <dl className="vuln-status">
        <dt>Database</dt>
        <dd>
          {database.entries > 0 ? `${database.entries} PyPI entries, imported ${when(database.importedAt)} (${database.source ?? ''})` : 'No OSV dump imported yet.'}
          {database.online && ' Scans also ask the OSV API.'}
          {database.pendingDump && ' A newer dump in DATA_DIR is imported at the next scan.'}
        </dd>
        <dt>Last scan</dt>
        <dd>{when(status.lastScanAt)}</dd>
      </dl>
      <div className="form-actions">
        <Button
          variant="primary"
          busy={scan.isPending}
          onClick={() => scan.mutate(undefined, { onSuccess: (job) => void navigate(paths.jobs.detail.to(job.id)) })}
        >
          Scan now
        </Button>
      </div>
      {scan.error && <Alert tone="error" title="Could not start the scan">{describeError(scan.error)}</Alert>}
      {isRoot && (
        <form
          className="vuln-upload"
          aria-label="Upload an OSV dump"
          onSubmit={(event) => {
            event.preventDefault();
            if (file !== null && !tooLarge) upload.mutate(file, { onSuccess: () => { setFile(null); if (fileInput.current) fileInput.current.value = ''; } });
          }}
        >
          <div className="field">
            <label htmlFor="osv-dump">OSV dump (PyPI/all.zip)</label>
            <input id="osv-dump" ref={fileInput} type="file" accept=".zip,application/zip" onChange={(event) => { upload.reset(); setFile(event.target.files?.[0] ?? null); }} />
            <p className="field-hint">
              Download all.zip from OSV&apos;s PyPI folder on a machine with internet access. It replaces the whole database.
              Up to {Math.round(database.uploadLimitBytes / 1024 / 1024)} MiB.
            </p>
            {tooLarge && <p className="field-error">This file is larger than the {Math.round(database.uploadLimitBytes / 1024 / 1024)} MiB the dashboard accepts.</p>}
          </div>
          <Button type="submit" busy={upload.isPending} disabled={file === null || tooLarge}>Upload dump</Button>
          {upload.error && <Alert tone="error" title="The dump was not imported">{describeError(upload.error)}</Alert>}
          {upload.data && <Alert tone="success">Imported {upload.data.kept} PyPI entries ({upload.data.skipped} skipped: withdrawn, other ecosystems or unreadable). Scan to apply them.</Alert>}
        </form>
      )}
    </Card>
  );
}
