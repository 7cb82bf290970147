import { useQuery } from '@tanstack/react-query';
import type { HistoryFilter } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { unreachable } from '../../../lib/connectivity';
import { describeError } from '../../../lib/errors';
import { historyExportUrl, historyListQueryOptions } from '../api/history';
import { HistoryTable } from './history-table';
import './history.css';

export const HISTORY_PAGE_SIZE = 50;

/** One filtered, server-paged history with its exports: the History screen and each page's tab. */
export function HistoryPanel({ filter, offset, onPage }: { filter: HistoryFilter; offset: number; onPage: (offset: number) => void }) {
  const { data, error, isPending, isPlaceholderData } = useQuery(historyListQueryOptions({ ...filter, offset, limit: HISTORY_PAGE_SIZE }));
  if (isPending) return <Loading label="Loading the history" />;
  if (!data || (error && !unreachable(error))) return <Alert tone="error" title="Could not load the history">{describeError(error)}</Alert>;
  const last = data.offset + data.items.length;
  // A capped count says "more than": the store stopped counting beyond this page, so older pages exist.
  const total = data.totalCapped ? `more than ${data.total}` : String(data.total);
  const hasOlder = data.totalCapped || last < data.total;
  return (
    <>
      <div className="history-exports">
        <span className="muted">{data.total === 1 && !data.totalCapped ? '1 entry' : `${total} entries`}</span>
        <a className="btn btn-secondary btn-sm" href={historyExportUrl(filter, 'csv')} download>Export CSV</a>
        <a className="btn btn-secondary btn-sm" href={historyExportUrl(filter, 'json')} download>Export JSON</a>
      </div>
      <div className="table-wrap" aria-busy={isPlaceholderData || undefined}>
        <HistoryTable items={data.items} gaps={data.gaps} />
        {data.items.length === 0 && <p className="empty">Nothing recorded that matches.</p>}
      </div>
      {(data.totalCapped || data.total > HISTORY_PAGE_SIZE) && (
        <nav className="pager" aria-label="Pages of history">
          <span className="muted">{data.offset + 1}–{last} of {total}</span>
          <Button size="sm" disabled={data.offset === 0} onClick={() => onPage(Math.max(0, data.offset - HISTORY_PAGE_SIZE))}>Newer</Button>
          <Button size="sm" disabled={!hasOlder} onClick={() => onPage(data.offset + HISTORY_PAGE_SIZE)}>Older</Button>
        </nav>
      )}
    </>
  );
}
