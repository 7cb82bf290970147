import type { UploadCell, UploadMatrix } from '@devpi-dashboard/dashboard-api';
import { op } from '@devpi-dashboard/devpi-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { dashboardApi, devpi } from '../../../lib/api-client';

export interface MatrixFilter {
  q?: string;
  index?: string;
  offset?: number;
  limit?: number;
}

export const permissionKeys = {
  all: ['permissions'] as const,
  matrices: () => [...permissionKeys.all, 'matrix'] as const,
  matrix: (filter: MatrixFilter) => [...permissionKeys.matrices(), filter] as const,
  explanations: () => [...permissionKeys.all, 'explain'] as const,
  explain: (user: string, index: string) => [...permissionKeys.explanations(), user, index] as const,
};

export const matrixQueryOptions = (filter: MatrixFilter) =>
  queryOptions({ queryKey: permissionKeys.matrix(filter), queryFn: () => dashboardApi.uploadMatrix(filter), placeholderData: keepPreviousData });

export const explainQueryOptions = (user: string, index: string) =>
  queryOptions({ queryKey: permissionKeys.explain(user, index), queryFn: () => dashboardApi.uploadExplain({ user, index }), enabled: Boolean(user && index) });

/** A cell can be toggled only when the user's own name decides it. */
export function cellToggle(cell: UploadCell): 'grant' | 'revoke' | undefined {
  if (cell.reason === 'acl_user') return 'revoke';
  if (cell.reason === 'not_listed' || cell.reason === 'group_unknown') return 'grant';
  return undefined;
}

function flipped(matrix: UploadMatrix, user: string, index: string): UploadMatrix {
  return {
    ...matrix,
    rows: matrix.rows.map((row) =>
      row.user !== user
        ? row
        : {
            ...row,
            cells: row.cells.map((cell) =>
              cell.index !== index ? cell : cell.reason === 'acl_user' ? { ...cell, allowed: false, reason: 'not_listed' } : { ...cell, allowed: true, reason: 'acl_user' },
            ),
          },
    ),
  };
}

/**
 * Grants or revokes one user's upload right on one index with a single `acl_upload+=`/`-=`
 * operation. The cell flips at once and flips back if devpi refuses.
 */
export function useToggleUpload(filter: MatrixFilter, onChanged?: () => void) {
  const queryClient = useQueryClient();
  const key = matrixQueryOptions(filter).queryKey;
  return useMutation({
    mutationFn: ({ user, index, action }: { user: string; index: string; action: 'grant' | 'revoke' }) => {
      const [owner = '', name = ''] = index.split('/');
      return devpi.patchIndex(owner, name, [action === 'grant' ? op.add('acl_upload', user) : op.remove('acl_upload', user)]);
    },
    onMutate: async ({ user, index }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      if (previous) queryClient.setQueryData(key, flipped(previous, user, index));
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => {
      onChanged?.();
      return queryClient.invalidateQueries({ queryKey: permissionKeys.all });
    },
  });
}
