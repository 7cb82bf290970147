import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Card, PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { sessionQueryOptions } from '../../../features/auth/api/session';
import { baseGraph } from '../../../features/indexes/api/base-graph';
import { indexListQueryOptions } from '../../../features/indexes/api/indexes';
import { CreateIndexForm } from '../../../features/indexes/components/create-index-form';
import { queryClient } from '../../../lib/query-client';
import { userSuggestionsQuery } from './index-context';

export async function loader() {
  await Promise.all([queryClient.ensureQueryData(indexListQueryOptions()), queryClient.ensureQueryData(userSuggestionsQuery())]);
  return null;
}

export function Component() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const { data: list } = useSuspenseQuery(indexListQueryOptions());
  const { data: users } = useSuspenseQuery(userSuggestionsQuery());
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Create index"
        breadcrumbs={<Link to={paths.indexes.list.to()}>Indexes</Link>}
        description="The same as devpi index -c, with every option."
      />
      {!session.user ? (
        <Alert tone="warning" title="Sign in first">devpi lets only signed-in users create indexes. <Link to={paths.login.to(paths.indexes.create.to())}>Sign in</Link></Alert>
      ) : (
        <Card>
          <CreateIndexForm
            currentUser={session.user}
            isRoot={session.isRoot}
            initialOwner={params.get('owner') ?? session.user}
            graph={baseGraph(list)}
            userNames={users.items.map((entry) => entry.username)}
            cancelTo={paths.indexes.list.to()}
            onCreated={(owner, index) => navigate(paths.indexes.detail.to(owner, index))}
          />
        </Card>
      )}
    </>
  );
}
