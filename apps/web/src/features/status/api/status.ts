import { queryOptions } from '@tanstack/react-query';
import { devpi } from '../../../lib/api-client';

export const statusKeys = {
  all: ['status'] as const,
  detail: () => [...statusKeys.all, 'detail'] as const,
};

/** `+status`, refreshed every 10 s while the screen is open so lag shows as it moves. */
export const statusQueryOptions = () => queryOptions({ queryKey: statusKeys.detail(), queryFn: () => devpi.status(), refetchInterval: 10_000 });
