import type { IndexConfigInput, IndexOp } from '@devpi-dashboard/devpi-client';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { dashboardApi, devpi, found } from '../../../lib/api-client';
import { notify } from '../../../lib/toast';

export const indexKeys = {
  all: ['indexes'] as const,
  lists: () => [...indexKeys.all, 'list'] as const,
  list: () => [...indexKeys.lists(), 'all'] as const,
  details: () => [...indexKeys.all, 'detail'] as const,
  detail: (user: string, index: string) => [...indexKeys.details(), `${user}/${index}`] as const,
  json: (user: string, index: string) => [...indexKeys.detail(user, index), 'json'] as const,
};

/** Every index, grouped by owner, with the BFF's warnings (world-writable, nobody can upload, ...). */
export const indexListQueryOptions = () => queryOptions({ queryKey: indexKeys.list(), queryFn: dashboardApi.indexes });

const noSuchIndex = (user: string, index: string) => `devpi has no index called “${user}/${index}”.`;

/** One index's config without its project list (a mirror's would be megabytes); a 404 when absent. */
export const indexDetailQueryOptions = (user: string, index: string) =>
  queryOptions({
    queryKey: indexKeys.detail(user, index),
    queryFn: async () => found(await devpi.getIndex(user, index, { noProjects: true }), noSuchIndex(user, index)),
  });

/**
 * What `devpi getjson /<u>/<i>` prints. Stages include their own project names; mirrors do not,
 * because a mirror such as root/pypi lists hundreds of thousands.
 */
export const indexJsonQueryOptions = (user: string, index: string, type: 'stage' | 'mirror') =>
  queryOptions({
    queryKey: indexKeys.json(user, index),
    queryFn: async () => found(await devpi.getIndex(user, index, { noProjects: type === 'mirror' }), noSuchIndex(user, index)),
  });

export function useCreateIndex() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, index, config }: { user: string; index: string; config: IndexConfigInput }) => devpi.createIndex(user, index, config),
    onSuccess: (_result, { user, index }) => {
      notify(`Index ${user}/${index} created.`);
      return queryClient.invalidateQueries({ queryKey: indexKeys.all });
    },
  });
}

/** Sends only list operations; the answer is the new full config, so the detail cache is set from it. */
export function usePatchIndex(user: string, index: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ops: IndexOp[]) => devpi.patchIndex(user, index, ops),
    onSuccess: (config) => {
      notify(`Index ${user}/${index} saved.`);
      queryClient.setQueryData(indexKeys.detail(user, index), config);
      return queryClient.invalidateQueries({ queryKey: indexKeys.lists() });
    },
  });
}

export function useDeleteIndex() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, index }: { user: string; index: string }) => devpi.deleteIndex(user, index),
    onSuccess: (_result, { user, index }) => {
      notify(`Index ${user}/${index} deleted.`);
      queryClient.removeQueries({ queryKey: indexKeys.detail(user, index) });
      return queryClient.invalidateQueries({ queryKey: indexKeys.lists() });
    },
  });
}
