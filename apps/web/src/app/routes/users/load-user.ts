import type { LoaderFunctionArgs } from 'react-router';
import { userDetailQueryOptions } from '../../../features/users/api/users';
import { queryClient } from '../../../lib/query-client';
import { notFound, param } from '../../../lib/route-params';

/** Loader shared by the screens of one user: 404 when devpi does not know the name. */
export async function loadUser({ params }: LoaderFunctionArgs) {
  const user = param(params, 'user');
  const config = await queryClient.ensureQueryData(userDetailQueryOptions(user));
  if (!config) notFound(`devpi has no user called “${user}”.`);
  return null;
}
