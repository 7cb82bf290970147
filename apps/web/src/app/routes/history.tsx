import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { filterFromParams } from '../../features/history/components/history-filter';
import { HistoryFilters } from '../../features/history/components/history-filters';
import { HistoryPanel } from '../../features/history/components/history-panel';

export function Component() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const offset = Number(params.get('offset') ?? '0') || 0;
  const filterParams = Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return (
    <>
      <PageHeader
        title="History"
        description="Every change made through the dashboard, who made it and what devpi answered, plus uploads and pushes from devpi's own file log. Root sees everything; others see their own actions and their indexes."
      />
      <HistoryFilters key={params.toString()} filter={filter} onApply={(next) => setParams(next)} />
      <HistoryPanel filter={filter} offset={offset} onPage={(next) => setParams({ ...filterParams, offset: String(next) })} />
    </>
  );
}
