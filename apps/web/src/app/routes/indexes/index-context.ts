import type { LoaderFunctionArgs } from 'react-router';
import { indexDetailQueryOptions, indexListQueryOptions } from '../../../features/indexes/api/indexes';
import { userListQueryOptions } from '../../../features/users/api/users';
import { queryClient } from '../../../lib/query-client';
import { param } from '../../../lib/route-params';

/** Up to this many user names feed autocompletion; the BFF pages beyond that. */
export const USER_SUGGESTIONS = { limit: 500 } as const;
export const userSuggestionsQuery = () => userListQueryOptions(USER_SUGGESTIONS);

/** Loader of every screen about one index: the query throws the 404 when devpi does not know it. */
export async function loadIndex({ params }: LoaderFunctionArgs) {
  await queryClient.ensureQueryData(indexDetailQueryOptions(param(params, 'user'), param(params, 'index')));
  return null;
}

/** The index screen plus what forms need: every index (bases, cycles) and user names. */
export async function loadIndexForEditing(args: LoaderFunctionArgs) {
  await Promise.all([
    loadIndex(args),
    queryClient.ensureQueryData(indexListQueryOptions()),
    queryClient.ensureQueryData(userSuggestionsQuery()),
  ]);
  return null;
}
