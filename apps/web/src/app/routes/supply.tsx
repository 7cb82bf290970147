import { useSuspenseQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Card, PageHeader } from '../../components/ui/page-header';
import { indexListQueryOptions } from '../../features/indexes/api/indexes';
import { BasesGraphView } from '../../features/supply/components/bases-graph';
import { GuardPanel } from '../../features/supply/components/guard-panel';
import { ResolvePanel } from '../../features/supply/components/resolve-panel';
import { queryClient } from '../../lib/query-client';

export async function loader() {
  await queryClient.ensureQueryData(indexListQueryOptions());
  return null;
}

export function Component() {
  const [params, setParams] = useSearchParams();
  const { data: list } = useSuspenseQuery(indexListQueryOptions());
  const indexes = list.owners.flatMap((group) => group.indexes.map((ix) => ix.name));
  const only = params.get('index') ?? undefined;
  const resolveIndex = params.get('resolve') ?? only ?? '';
  const requirement = params.get('requirement') ?? '';
  const ask = (index: string, req: string) => {
    const next = new URLSearchParams(params);
    next.set('resolve', index);
    next.set('requirement', req);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title="Supply chain"
        description="Which private projects a public upload could shadow, how the bases fit together, and which file pip would really download."
      />
      <Card title="Dependency-confusion guard">
        <GuardPanel only={only} onResolve={(index, project) => ask(index, project)} />
      </Card>
      <Card title="Bases graph">
        <BasesGraphView highlight={only} />
      </Card>
      <Card title="Resolve a requirement">
        <ResolvePanel key={`${resolveIndex}|${requirement}`} indexes={indexes} index={resolveIndex} requirement={requirement} onChange={(index, req) => ask(index, req)} />
      </Card>
    </>
  );
}
