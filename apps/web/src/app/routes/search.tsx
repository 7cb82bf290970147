import type { SearchMode } from '@devpi-dashboard/dashboard-api';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { PageHeader } from '../../components/ui/page-header';
import { SearchBox } from '../../components/ui/search-box';
import { describeError } from '../../lib/errors';
import { searchQueryOptions } from '../../features/search/api/search';
import { SearchResults } from '../../features/search/components/search-results';
import '../../features/search/components/search.css';

const PAGE_SIZE = 50;

export function Component() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const mode: SearchMode = params.get('mode') === 'fulltext' ? 'fulltext' : 'name';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const { data, error, isFetching } = useQuery(searchQueryOptions({ q, mode, offset, limit: PAGE_SIZE }));
  const update = (next: { q?: string; mode?: SearchMode; offset?: number }) => {
    const merged = { q, mode, offset: 0, ...next };
    const search: Record<string, string> = {};
    if (merged.q) search.q = merged.q;
    if (merged.mode === 'fulltext') search.mode = 'fulltext';
    if (merged.offset) search.offset = String(merged.offset);
    setParams(search, { replace: next.q !== undefined });
  };
  return (
    <>
      <PageHeader title="Search packages" description="Find a project on any index of this devpi server." />
      <div className="toolbar search-toolbar">
        <SearchBox label="Search packages" placeholder="Project name, or words with full text" value={q} onSearch={(value) => update({ q: value })} />
        <div className="search-mode" role="group" aria-label="Search in">
          <button type="button" aria-pressed={mode === 'name'} onClick={() => update({ mode: 'name' })}>Names</button>
          <button type="button" aria-pressed={mode === 'fulltext'} onClick={() => update({ mode: 'fulltext' })}>Full text</button>
        </div>
      </div>
      {!q && <p className="muted">Type a name or part of one. Exact matches come first, then names starting with it, then names containing it.</p>}
      {q && isFetching && !data && <Loading label="Searching" />}
      {error && <Alert tone="error" title="The search failed">{describeError(error)}</Alert>}
      {q && data && <SearchResults result={data} pageSize={PAGE_SIZE} onPage={(next) => update({ offset: next })} />}
    </>
  );
}
