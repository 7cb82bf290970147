import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/ui/page-header';
import { statusQueryOptions } from '../../features/status/api/status';
import { StatusView } from '../../features/status/components/status-view';
import { queryClient } from '../../lib/query-client';

export async function loader() {
  await queryClient.ensureQueryData(statusQueryOptions());
  return null;
}

export function Component() {
  const { data: status } = useSuspenseQuery(statusQueryOptions());
  return (
    <>
      <PageHeader title="Server status" description="devpi's own +status, refreshed every ten seconds." />
      <StatusView status={status} />
    </>
  );
}
