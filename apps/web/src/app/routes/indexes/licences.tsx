import { useQuery } from '@tanstack/react-query';
import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { licenceReportQueryOptions, licencesCsvUrl } from '../../../features/supply/api/supply';
import { LicenceTable } from '../../../features/supply/components/licence-table';
import '../../../features/supply/components/supply.css';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { useParam } from '../../../lib/route-params';
import { IndexHeader } from './index-header';

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const { data, error, isPending } = useQuery(licenceReportQueryOptions(user, index));
  const noStage = error instanceof ApiError && error.code === errorCodes.notFound;
  return (
    <>
      <IndexHeader
        user={user}
        index={index}
        title={<>Licences on <span className="mono">{user}/{index}</span></>}
        description="What the releases hosted here declare: License-Expression, the License field and licence classifiers from their metadata."
      />
      {isPending && <Loading label="Reading the releases' metadata" />}
      {noStage && <Alert tone="info">This index hosts no releases of its own (a mirror, or no longer there), so there are no licences to list.</Alert>}
      {error && !noStage && <Alert tone="error" title="Could not read the licences">{describeError(error)}</Alert>}
      {data && (
        <>
          <div className="vuln-exports">
            <span className="muted">{data.releases === 1 ? '1 release' : `${data.releases} releases`}, {data.groups.length} {data.groups.length === 1 ? 'group' : 'groups'}</span>
            <a className="btn btn-secondary btn-sm" href={licencesCsvUrl(user, index)} download>Export CSV</a>
          </div>
          <div className="table-wrap">
            {data.groups.length > 0 ? <LicenceTable report={data} user={user} index={index} /> : <p className="empty">This index hosts no releases yet.</p>}
          </div>
        </>
      )}
    </>
  );
}
