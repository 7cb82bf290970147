import type { CreateUserInput, ModifyUserInput } from '@devpi-dashboard/devpi-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { dashboardApi, devpi, found } from '../../../lib/api-client';
import { notify } from '../../../lib/toast';

export interface UserListFilter {
  q?: string;
  offset?: number;
  limit?: number;
}

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filter: UserListFilter) => [...userKeys.lists(), filter] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (user: string) => [...userKeys.details(), user] as const,
};

export const userListQueryOptions = (filter: UserListFilter) =>
  queryOptions({ queryKey: userKeys.list(filter), queryFn: () => dashboardApi.users(filter), placeholderData: keepPreviousData });

/** One user as devpi returns it (`GET /<user>`, what `devpi getjson /<user>` prints); a 404 when absent. */
export const userDetailQueryOptions = (user: string) =>
  queryOptions({ queryKey: userKeys.detail(user), queryFn: async () => found(await devpi.getUser(user), `devpi has no user called “${user}”.`) });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, ...input }: CreateUserInput & { username: string }) => devpi.createUser(username, input),
    onSuccess: (_result, { username }) => {
      notify(`User ${username} created.`);
      return queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export function useModifyUser(user: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ModifyUserInput) => devpi.modifyUser(user, patch),
    onSuccess: (_result, patch) => {
      notify(patch.password !== undefined ? `Password of ${user} changed.` : `User ${user} saved.`);
      return queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: string) => devpi.deleteUser(user),
    onSuccess: (_result, user) => {
      notify(`User ${user} deleted.`);
      queryClient.removeQueries({ queryKey: userKeys.detail(user) });
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
