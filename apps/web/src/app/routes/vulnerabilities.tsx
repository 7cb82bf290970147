import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { severityLevels, type VulnerabilityFilter } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Loading } from '../../components/ui/loading';
import { PageHeader } from '../../components/ui/page-header';
import { sessionQueryOptions } from '../../features/auth/api/session';
import { findingsCsvUrl, findingsQueryOptions, vulnerabilityStatusQueryOptions } from '../../features/supply/api/supply';
import { ScanPanel } from '../../features/supply/components/scan-panel';
import { VulnerabilityFilters } from '../../features/supply/components/vulnerability-filters';
import { VulnerabilityTable } from '../../features/supply/components/vulnerability-table';
import '../../features/supply/components/supply.css';
import { describeError } from '../../lib/errors';
import { queryClient } from '../../lib/query-client';

const PAGE = 50;

export async function loader() {
  await Promise.all([queryClient.ensureQueryData(vulnerabilityStatusQueryOptions()), queryClient.ensureQueryData(sessionQueryOptions())]);
  return null;
}

export function Component() {
  const [params, setParams] = useSearchParams();
  const filter: VulnerabilityFilter = {
    index: params.get('index') || undefined,
    severity: severityLevels.find((level) => level === params.get('severity')),
  };
  const offset = Number(params.get('offset') ?? '0') || 0;
  const { data: status } = useSuspenseQuery(vulnerabilityStatusQueryOptions());
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const { data, error, isPending, isPlaceholderData } = useQuery(findingsQueryOptions({ ...filter, offset, limit: PAGE }));
  const apply = (next: VulnerabilityFilter & { offset?: number }) =>
    setParams(Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => entry[1] !== undefined).map(([k, v]) => [k, String(v)])));
  const last = data === undefined ? 0 : Math.min(data.offset + data.items.length, data.total);
  return (
    <>
      <PageHeader
        title="Vulnerabilities"
        description="Releases hosted on stage indexes, and the requirements they declare, matched against the OSV database (ecosystem PyPI) by the last scan."
      />
      <div className="stack">
        <ScanPanel status={status} isRoot={session.isRoot} />
        <VulnerabilityFilters filter={filter} indexes={status.indexes.map((scan) => scan.index)} onChange={(next) => apply(next)} />
        {isPending && <Loading label="Loading the findings" />}
        {error && <Alert tone="error" title="Could not load the findings">{describeError(error)}</Alert>}
        {data && (
          <>
            <div className="vuln-exports">
              <span className="muted">{data.total === 1 ? '1 finding' : `${data.total} findings`}</span>
              <a className="btn btn-secondary btn-sm" href={findingsCsvUrl(filter)} download>Export CSV</a>
            </div>
            <div className="table-wrap" aria-busy={isPlaceholderData || undefined}>
              {data.items.length > 0 && <VulnerabilityTable items={data.items} />}
              {data.items.length === 0 && (
                <p className="empty">{status.lastScanAt === null ? 'No scan has run yet. Import an OSV dump, then scan.' : 'The last scan found nothing that matches.'}</p>
              )}
            </div>
            {data.total > PAGE && (
              <nav className="pager" aria-label="Pages of findings">
                <span className="muted">{data.offset + 1}–{last} of {data.total}</span>
                <Button size="sm" disabled={data.offset === 0} onClick={() => apply({ ...filter, offset: Math.max(0, data.offset - PAGE) })}>Previous</Button>
                <Button size="sm" disabled={last >= data.total} onClick={() => apply({ ...filter, offset: data.offset + PAGE })}>Next</Button>
              </nav>
            )}
          </>
        )}
      </div>
    </>
  );
}
