import { packagesApiPaths, searchResultSchema, type SearchMode } from '@devpi-dashboard/dashboard-api';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { query, request } from '../../../lib/api-client';

export interface SearchFilter {
  q: string;
  mode: SearchMode;
  offset: number;
  limit: number;
}

export const searchKeys = {
  all: ['search'] as const,
  results: (filter: SearchFilter) => [...searchKeys.all, filter] as const,
};

export const searchQueryOptions = (filter: SearchFilter) =>
  queryOptions({
    queryKey: searchKeys.results(filter),
    // The signal lets a newer search cancel the request of the one it replaces.
    queryFn: ({ signal }) => request(searchResultSchema, `${packagesApiPaths.search}${query({ ...filter })}`, { signal }),
    enabled: filter.q.trim() !== '',
    placeholderData: keepPreviousData,
  });
