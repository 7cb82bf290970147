import type { Session } from '@devpi-dashboard/dashboard-api';
import { Link, useLocation, useNavigate } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { inAppPath, paths } from '../../../config/paths';
import { useLogout } from '../api/session';

/** Who is signed in, always visible in the top bar, with sign-in / sign-out. */
export function UserMenu({ session }: { session: Session }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  if (!session.authenticated || !session.user) {
    return (
      <div className="user-menu">
        <span className="whoami">Not signed in</span>
        <Link className="btn btn-primary btn-sm" to={paths.login.to(inAppPath({ pathname: location.pathname, search: location.search }))}>Sign in</Link>
      </div>
    );
  }
  return (
    <div className="user-menu">
      <span className="whoami">
        Signed in as <Link to={paths.users.detail.to(session.user)} className="name-clip whoami-name" title={session.user}><strong>{session.user}</strong></Link>
        {session.isRoot && <> <Badge tone="accent">admin</Badge></>}
      </span>
      <Link className="btn btn-ghost btn-sm" to={paths.users.password.to(session.user)}>Change password</Link>
      <Button size="sm" busy={logout.isPending} onClick={() => logout.mutate(undefined, { onSuccess: () => navigate(paths.login.to()) })}>
        Sign out
      </Button>
    </div>
  );
}
