import { tokenCreatedSchema, tokenListSchema, tokensApiPaths, type TokenCreateRequest } from '@devpi-dashboard/dashboard-api';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../lib/api-client';
import { notify } from '../../../lib/toast';

export const tokenKeys = {
  all: ['tokens'] as const,
  lists: () => [...tokenKeys.all, 'list'] as const,
  list: (user: string) => [...tokenKeys.lists(), user] as const,
};

const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

/** The user's devpi-tokens tokens, or `plugin: false` when devpi runs without the plugin. */
export const tokenListQueryOptions = (user: string) =>
  queryOptions({ queryKey: tokenKeys.list(user), queryFn: () => request(tokenListSchema, tokensApiPaths.forUser(user)) });

/**
 * Mints a token. The answer holds the token, shown once: it is kept by the caller's component state
 * only (gcTime 0: the mutation cache forgets it at once), never in the query cache.
 */
export function useCreateToken(user: string) {
  const queryClient = useQueryClient();
  return useMutation({
    gcTime: 0,
    mutationFn: (input: TokenCreateRequest) => request(tokenCreatedSchema, tokensApiPaths.forUser(user), { method: 'POST', ...json(input) }),
    onSuccess: (created) => {
      notify(`Token ${created.summary.id} created for ${user}.`);
      return queryClient.invalidateQueries({ queryKey: tokenKeys.list(user) });
    },
  });
}

export function useRevokeToken(user: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(z.object({ message: z.string() }), tokensApiPaths.token(user, id), { method: 'DELETE' }),
    onSuccess: (_answer, id) => {
      notify(`Token ${id} revoked. Anything using it is refused from now on.`);
      return queryClient.invalidateQueries({ queryKey: tokenKeys.list(user) });
    },
  });
}
