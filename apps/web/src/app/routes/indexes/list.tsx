import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { SearchBox } from '../../../components/ui/search-box';
import { paths } from '../../../config/paths';
import { indexListQueryOptions } from '../../../features/indexes/api/indexes';
import { IndexList } from '../../../features/indexes/components/index-list';
import { queryClient } from '../../../lib/query-client';

export async function loader() {
  await queryClient.ensureQueryData(indexListQueryOptions());
  return null;
}

export function Component() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  return (
    <>
      <PageHeader
        title="Indexes"
        description="Every index on this devpi, grouped by owner."
        actions={<ButtonLink to={paths.indexes.create.to()} variant="primary">Create index</ButtonLink>}
      />
      <div className="toolbar">
        <SearchBox label="Filter indexes" placeholder="Filter by name or title" value={q} onSearch={(value) => setParams(value ? { q: value } : {}, { replace: true })} />
      </div>
      <IndexList q={q} />
    </>
  );
}
