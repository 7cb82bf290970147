import type { ProjectScope } from '@devpi-dashboard/dashboard-api';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { IndexTabs } from '../../../components/layout/index-tabs';
import { Badge } from '../../../components/ui/badge';
import { ButtonLink } from '../../../components/ui/button';
import { Card, PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { queryClient } from '../../../lib/query-client';
import { indexOverviewQueryOptions, projectPageQueryOptions } from '../../../features/packages/api/packages';
import { InstallCommand } from '../../../features/packages/components/install-command';
import { PROJECTS_PAGE_SIZE, ProjectTable, type ProjectTableState } from '../../../features/packages/components/project-table';
import { ResolutionChain } from '../../../features/packages/components/resolution-chain';
import { UploadDropzone } from '../../../features/packages/components/upload-dropzone';
import { param, useParam } from '../../../lib/route-params';
import { IndexSize } from '../../../features/storage/components/index-size';

const scopeOf = (value: string | null): ProjectScope => (value === 'all' ? 'all' : 'own');

const tableState = (params: URLSearchParams): ProjectTableState => ({
  q: params.get('q') ?? '',
  offset: Number(params.get('offset') ?? '0') || 0,
  scope: scopeOf(params.get('scope')),
});

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = param(params, 'user');
  const index = param(params, 'index');
  // The first page of names is asked for together with the header, not after it has rendered.
  const page = { ...tableState(new URL(request.url).searchParams), limit: PROJECTS_PAGE_SIZE };
  void queryClient.prefetchQuery(projectPageQueryOptions(user, index, page));
  await queryClient.ensureQueryData(indexOverviewQueryOptions(user, index));
  return null;
}

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const { data: overview } = useSuspenseQuery(indexOverviewQueryOptions(user, index));
  const [params, setParams] = useSearchParams();
  const state = tableState(params);
  const onChange = (next: ProjectTableState) => {
    const search: Record<string, string> = {};
    if (next.q) search.q = next.q;
    if (next.offset) search.offset = String(next.offset);
    if (next.scope === 'all') search.scope = 'all';
    setParams(search, { replace: next.q !== state.q });
  };
  return (
    <>
      <PageHeader
        breadcrumbs={<><Link to={paths.indexes.list.to()}>Indexes</Link> / <Link to={paths.users.detail.to(user)}>{user}</Link></>}
        title={<span className="mono">{overview.name}</span>}
        description={overview.title ?? (overview.type === 'mirror' ? `Mirror of ${overview.mirrorUrl ?? 'an upstream index'}` : overview.type === 'stage' ? 'Private stage index' : `Index of type ${overview.type}, from a devpi plugin`)}
        actions={<ButtonLink to={paths.indexes.detail.to(user, index)} variant="ghost">Index settings</ButtonLink>}
      />
      <IndexTabs user={user} index={index} />
      <div className="stack">
        <Card title="Overview">
          <dl className="definition-list">
            {overview.description && (
              <>
                <dt>Description</dt>
                <dd>{overview.description}</dd>
              </>
            )}
            <dt>Type</dt>
            <dd>
              <Badge tone={overview.type === 'mirror' ? 'accent' : 'neutral'}>{overview.type}</Badge>{' '}
              <Badge tone={overview.volatile ? 'warning' : 'success'}>{overview.volatile ? 'volatile' : 'non-volatile'}</Badge>
            </dd>
            <dt>Resolution order</dt>
            <dd><ResolutionChain resolution={overview.resolution} /></dd>
            {overview.mirrorWhitelist.length > 0 && (
              <>
                <dt>Mirror whitelist</dt>
                <dd className="mono">{overview.mirrorWhitelist.join(', ')}</dd>
              </>
            )}
            <dt>Install from here</dt>
            <dd><InstallCommand command={`pip install --index-url ${overview.simpleUrl} <project>`} label="Copy the pip command for this index" /></dd>
          </dl>
        </Card>
        {overview.permissions.upload && <UploadDropzone index={overview.name} />}
        <ProjectTable name={overview.name} hasBases={overview.resolution.length > 1} mirror={overview.type === 'mirror'} state={state} onChange={onChange} />
        {overview.type !== 'mirror' && <IndexSize user={user} index={index} />}
      </div>
    </>
  );
}
