import type { LoaderFunctionArgs } from 'react-router';
import { userDetailQueryOptions } from '../../../features/users/api/users';
import { queryClient } from '../../../lib/query-client';
import { param } from '../../../lib/route-params';

/** Loader shared by the screens of one user: the query throws the 404 when devpi does not know the name. */
export async function loadUser({ params }: LoaderFunctionArgs) {
  await queryClient.ensureQueryData(userDetailQueryOptions(param(params, 'user')));
  return null;
}
