import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Card, PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { sessionKeys, sessionQueryOptions } from '../../../features/auth/api/session';
import { PasswordForm } from '../../../features/users/components/password-form';
import { useParam } from '../../../lib/route-params';
import { loadUser } from './load-user';

export const loader = loadUser;

export function Component() {
  const username = useParam('user');
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const queryClient = useQueryClient();
  const self = session.user === username;
  return (
    <>
      <PageHeader
        title={self ? 'Change your password' : `Change ${username}'s password`}
        breadcrumbs={<><Link to={paths.users.list.to()}>Users</Link> / <Link to={paths.users.detail.to(username)}>{username}</Link></>}
      />
      {!self && !session.isRoot && (
        <Alert tone="warning">Only {username} and root may change this password; devpi will refuse it for you.</Alert>
      )}
      <Card>
        <PasswordForm user={username} submitLabel={self ? 'Change my password' : `Set password for ${username}`} onDone={() => queryClient.invalidateQueries({ queryKey: sessionKeys.all })} />
      </Card>
    </>
  );
}
