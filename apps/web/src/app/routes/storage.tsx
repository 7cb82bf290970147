import { useSuspenseQuery } from '@tanstack/react-query';
import { ButtonLink } from '../../components/ui/button';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { queryClient } from '../../lib/query-client';
import { storageSummaryQueryOptions } from '../../features/storage/api/storage';
import { StorageSummaryView } from '../../features/storage/components/storage-summary';

export async function loader() {
  await queryClient.ensureQueryData(storageSummaryQueryOptions());
  return null;
}

export function Component() {
  const { data } = useSuspenseQuery(storageSummaryQueryOptions());
  return (
    <>
      <PageHeader
        title="Storage"
        description="Files and bytes per index, project and release, as the last storage report measured them. devpi has no size API, so a job asks each stored file for its length."
        actions={<ButtonLink to={paths.jobs.create.to('storage-report')} variant="primary">Refresh the storage report</ButtonLink>}
      />
      {data.indexes.length === 0 ? (
        <p className="empty">Nothing measured yet. Refresh the storage report to count every index.</p>
      ) : (
        <StorageSummaryView summary={data} />
      )}
    </>
  );
}
