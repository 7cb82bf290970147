import { redirect } from 'react-router';
import { paths } from '../../config/paths';
import { sessionQueryOptions } from '../../features/auth/api/session';
import { queryClient } from '../../lib/query-client';

/** "/account/password" is a stable link to your own password screen. */
export async function loader() {
  const session = await queryClient.ensureQueryData(sessionQueryOptions());
  if (!session.user) return redirect(paths.login.to(paths.account.password.to()));
  return redirect(paths.users.password.to(session.user));
}
