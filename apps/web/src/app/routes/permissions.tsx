import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Card, PageHeader } from '../../components/ui/page-header';
import { SearchBox } from '../../components/ui/search-box';
import { indexKeys, indexListQueryOptions } from '../../features/indexes/api/indexes';
import { ExplainUpload } from '../../features/permissions/components/explain-upload';
import { UploadMatrix } from '../../features/permissions/components/upload-matrix';
import { queryClient } from '../../lib/query-client';
import { userSuggestionsQuery } from './indexes/index-context';

export async function loader() {
  await Promise.all([queryClient.ensureQueryData(indexListQueryOptions()), queryClient.ensureQueryData(userSuggestionsQuery())]);
  return null;
}

export function Component() {
  const [params, setParams] = useSearchParams();
  const { data: list } = useSuspenseQuery(indexListQueryOptions());
  const { data: users } = useSuspenseQuery(userSuggestionsQuery());
  const cache = useQueryClient();
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const stageNames = list.owners.flatMap((group) => group.indexes).map((index) => index.name);
  return (
    <>
      <PageHeader title="Upload permissions" description="Who may upload to which index. Each click changes one entry of that index’s acl_upload, at once." />
      <Card title="Why can’t someone upload?">
        <ExplainUpload
          user={params.get('user') ?? ''}
          index={params.get('index') ?? ''}
          indexNames={stageNames}
          userNames={users.items.map((entry) => entry.username)}
          onAsk={(user, index) => update({ user, index })}
        />
      </Card>
      <div className="toolbar">
        <SearchBox label="Filter users" placeholder="Filter users" value={q} onSearch={(value) => update({ q: value, offset: undefined })} />
      </div>
      <UploadMatrix
        filter={{ q, offset, limit: 50 }}
        onPage={(next) => update({ offset: String(next) })}
        onChanged={() => cache.invalidateQueries({ queryKey: indexKeys.all })}
      />
    </>
  );
}
