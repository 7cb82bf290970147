import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { historyApiPaths, historyPageSchema, type HistoryFilter } from '@devpi-dashboard/dashboard-api';
import { query, request } from '../../../lib/api-client';

export interface HistoryListFilter extends HistoryFilter {
  offset?: number;
  limit?: number;
}

export const historyKeys = {
  all: ['history'] as const,
  lists: () => [...historyKeys.all, 'list'] as const,
  list: (filter: HistoryListFilter) => [...historyKeys.lists(), filter] as const,
};

export const historyListQueryOptions = (filter: HistoryListFilter) =>
  queryOptions({
    queryKey: historyKeys.list(filter),
    queryFn: () => request(historyPageSchema, `${historyApiPaths.list}${query({ ...filter })}`),
    placeholderData: keepPreviousData,
  });

/** Download links for the filtered set; the browser sends the session cookie with them. */
export function historyExportUrl(filter: HistoryFilter, format: 'csv' | 'json'): string {
  const path = format === 'csv' ? historyApiPaths.exportCsv : historyApiPaths.exportJson;
  return `${path}${query({ ...filter })}`;
}
