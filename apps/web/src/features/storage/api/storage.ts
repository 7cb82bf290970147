import { queryOptions } from '@tanstack/react-query';
import { storageApiPaths, storageIndexDetailSchema, storageSummarySchema } from '@devpi-dashboard/dashboard-api';
import { request } from '../../../lib/api-client';

export const storageKeys = {
  all: ['storage'] as const,
  summary: () => [...storageKeys.all, 'summary'] as const,
  index: (name: string) => [...storageKeys.all, 'index', name] as const,
};

export const storageSummaryQueryOptions = () =>
  queryOptions({ queryKey: storageKeys.summary(), queryFn: () => request(storageSummarySchema, storageApiPaths.summary) });

export const storageIndexQueryOptions = (user: string, index: string) =>
  queryOptions({
    queryKey: storageKeys.index(`${user}/${index}`),
    queryFn: () => request(storageIndexDetailSchema, `${storageApiPaths.index}/${encodeURIComponent(user)}/${encodeURIComponent(index)}`),
  });
