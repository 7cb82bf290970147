import { isMirrorIndex, isStageIndex, normalizePrincipal, op, type IndexConfig } from '@devpi-dashboard/devpi-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { devpi } from '../../../lib/api-client';
import { indexDetailQueryOptions, indexKeys } from './indexes';

export type AclKey = 'acl_upload' | 'acl_toxresult_upload';

export interface AclChange {
  action: 'add' | 'remove';
  principal: string;
}

function applyChange(config: IndexConfig, key: AclKey, change: AclChange): IndexConfig {
  if (isMirrorIndex(config)) return config;
  // A plugin index may lack the list; it is created by the first `+=`, as devpi does.
  const current: readonly string[] = (key === 'acl_upload' ? config.acl_upload : isStageIndex(config) ? config.acl_toxresult_upload : undefined) ?? [];
  const next = change.action === 'add'
    ? (current.includes(change.principal) ? current : [...current, change.principal])
    : current.filter((entry) => entry !== change.principal);
  return { ...config, [key]: next };
}

/**
 * One principal added or removed, sent at once as a single `+=` / `-=` operation so that two
 * admins editing the same list never overwrite each other. The list updates before devpi answers
 * and rolls back if devpi refuses.
 */
export function useAclChange(user: string, index: string, key: AclKey) {
  const queryClient = useQueryClient();
  const detail = indexDetailQueryOptions(user, index);
  return useMutation({
    mutationFn: (change: AclChange) => {
      const principal = normalizePrincipal(change.principal);
      return devpi.patchIndex(user, index, [change.action === 'add' ? op.add(key, principal) : op.remove(key, principal)]);
    },
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: detail.queryKey });
      const previous = queryClient.getQueryData(detail.queryKey);
      if (previous) queryClient.setQueryData(detail.queryKey, applyChange(previous, key, { ...change, principal: normalizePrincipal(change.principal) }));
      return { previous };
    },
    onError: (_error, _change, context) => {
      if (context?.previous) queryClient.setQueryData(detail.queryKey, context.previous);
    },
    onSuccess: (config) => queryClient.setQueryData(detail.queryKey, config),
    onSettled: () => queryClient.invalidateQueries({ queryKey: indexKeys.lists() }),
  });
}
