import { isFullStatus } from '@devpi-dashboard/devpi-client';
import { useQuery, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge } from '../../components/ui/badge';
import { ButtonLink } from '../../components/ui/button';
import { Card, PageHeader } from '../../components/ui/page-header';
import { indexParts, paths } from '../../config/paths';
import { sessionQueryOptions } from '../../features/auth/api/session';
import { indexListQueryOptions } from '../../features/indexes/api/indexes';
import { statusQueryOptions } from '../../features/status/api/status';
import { guardQueryOptions } from '../../features/supply/api/guard';
import { SupplyWarnings } from '../../features/supply/components/supply-warnings';
import { userListQueryOptions } from '../../features/users/api/users';
import { queryClient } from '../../lib/query-client';

/**
 * The landing page's queries, all started together: the index list, which the page cannot show
 * without, and the figures and warnings that may arrive after it (prefetches never reject).
 */
export function landingData(client: QueryClient): { required: Promise<unknown>; rest: Promise<unknown>[] } {
  const rest = [
    client.prefetchQuery(userListQueryOptions({ limit: 1 })),
    client.prefetchQuery(statusQueryOptions()),
    client.prefetchQuery(guardQueryOptions()),
  ];
  return { required: client.ensureQueryData(indexListQueryOptions()), rest };
}

export async function loader() {
  // Only the index list is waited for; the rest fills in as it arrives.
  await landingData(queryClient).required;
  return null;
}

const WITHHELD = 'devpi shows this to signed-in users only';

export function Component() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const { data: list } = useSuspenseQuery(indexListQueryOptions());
  const users = useQuery(userListQueryOptions({ limit: 1 }));
  const status = useQuery({ ...statusQueryOptions(), refetchInterval: false });
  // health only where devpi-admin withholds the rest from anonymous callers
  const full = status.data === undefined ? undefined : isFullStatus(status.data) ? status.data : null;
  const indexes = list.owners.flatMap((group) => group.indexes);
  const flagged = indexes.filter((index) => index.warnings.length > 0);
  return (
    <>
      <PageHeader
        title={session.user ? `Welcome, ${session.user}` : 'devpi overview'}
        description="Users, indexes and upload permissions of this devpi server."
        actions={
          <>
            <ButtonLink to={paths.users.create.to()}>Create user</ButtonLink>
            <ButtonLink to={paths.indexes.create.to()} variant="primary">Create index</ButtonLink>
          </>
        }
      />
      <div className="status-grid">
        <Link className="stat stat-link" to={paths.indexes.list.to()}>
          <span className="stat-label">Indexes</span><span className="stat-value">{list.total}</span>
        </Link>
        <Link className="stat stat-link" to={paths.users.list.to()}>
          <span className="stat-label">Users</span><span className="stat-value">{users.data?.total ?? '…'}</span>
        </Link>
        <Link className="stat stat-link" to={paths.status.to()}>
          <span className="stat-label">Serial</span><span className="stat-value" title={full === null ? WITHHELD : undefined}>{full === null ? '—' : (full?.serial ?? '…')}</span>
        </Link>
        <Link className="stat stat-link" to={paths.status.to()}>
          <span className="stat-label">Role</span><span className="stat-value stat-small" title={full === null ? WITHHELD : undefined}>{full === null ? '—' : (full?.role ?? '…')}</span>
        </Link>
      </div>
      <SupplyWarnings />
      <Card title="Indexes that need attention">
        {flagged.length === 0 ? (
          <p className="muted">No index has a world-writable or empty upload list.</p>
        ) : (
          <ul className="index-links">
            {flagged.map((index) => (
              <li key={index.name}>
                <Link className="mono" to={paths.indexes.permissions.to(...indexParts(index.name))}>{index.name}</Link>{' '}
                {index.warnings.map((warning) => (
                  <Badge key={warning.code} tone={warning.code === 'anonymous_upload' ? 'danger' : 'warning'}>{warning.message}</Badge>
                ))}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
