import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { basesGraphSchema, guardReportSchema, resolveAnswerSchema, supplyApiPaths, type WhitelistFix } from '@devpi-dashboard/dashboard-api';
import { op } from '@devpi-dashboard/devpi-client';
import { devpi, freshOnRefetch, query, request } from '../../../lib/api-client';

export const guardKeys = {
  all: ['supply'] as const,
  guard: (index?: string) => [...guardKeys.all, 'guard', index ?? '*'] as const,
  graph: () => [...guardKeys.all, 'graph'] as const,
  resolve: (index: string, requirement: string, pre: boolean) => [...guardKeys.all, 'resolve', index, requirement, pre] as const,
};

export const guardQueryOptions = (index?: string) =>
  queryOptions({ queryKey: guardKeys.guard(index), queryFn: (context) => request(guardReportSchema, `${supplyApiPaths.guard}${query({ index })}`, freshOnRefetch(context)) });

export const graphQueryOptions = () => queryOptions({ queryKey: guardKeys.graph(), queryFn: (context) => request(basesGraphSchema, supplyApiPaths.graph, freshOnRefetch(context)) });

export const resolveQueryOptions = (index: string, requirement: string, pre: boolean) => {
  const [user = '', name = ''] = index.split(/\/(.*)/s);
  return queryOptions({
    queryKey: guardKeys.resolve(index, requirement, pre),
    queryFn: (context) => request(resolveAnswerSchema, `${supplyApiPaths.resolve(user, name)}${query({ requirement, pre: pre ? '1' : undefined })}`, freshOnRefetch(context)),
    enabled: requirement.trim() !== '',
    retry: false,
  });
};

/** Applies one guard fix: a `mirror_whitelist` list operation on devpi (recorded in the history). */
export function useWhitelistFix() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fix: WhitelistFix) => {
      const [user = '', index = ''] = fix.index.split(/\/(.*)/s);
      return devpi.patchIndex(user, index, [fix.op === 'add' ? op.add('mirror_whitelist', fix.value) : op.remove('mirror_whitelist', fix.value)]);
    },
    onSettled: () => client.invalidateQueries(),
  });
}
