import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  bulkAclPreviewSchema,
  generatedPasswordsSchema,
  lifecycleApiPaths,
  passwordsWaitingSchema,
  usersCsvPreviewSchema,
  type BulkAclInput,
} from '@devpi-dashboard/dashboard-api';
import { request } from '../../../lib/api-client';
import { jobKeys } from './jobs';

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

/** Reads devpi and says what a bulk ACL change would do to each index; nothing is changed. */
export function useBulkAclPreview() {
  return useMutation({ mutationFn: (input: BulkAclInput) => request(bulkAclPreviewSchema, lifecycleApiPaths.bulkAclPreview, post(input)) });
}

/** Each row of a users CSV checked against devpi's rules and its users; nothing is created. */
export function useUsersCsvPreview() {
  return useMutation({ mutationFn: (csv: string) => request(usersCsvPreviewSchema, lifecycleApiPaths.usersCsvPreview, post({ csv })) });
}

const passwordKeys = (id: string) => [...jobKeys.detail(id), 'passwords'] as const;

export const passwordsWaitingQueryOptions = (id: string, refetch: boolean) =>
  queryOptions({
    queryKey: passwordKeys(id),
    queryFn: () => request(passwordsWaitingSchema, lifecycleApiPaths.passwords(id)),
    refetchInterval: refetch ? 1_500 : false,
  });

/** Takes the generated passwords: the BFF hands them out once and wipes them. */
export function useTakePasswords(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(generatedPasswordsSchema, lifecycleApiPaths.passwords(id), post({})),
    onSuccess: () => queryClient.setQueryData(passwordKeys(id), { waiting: 0 }),
  });
}
