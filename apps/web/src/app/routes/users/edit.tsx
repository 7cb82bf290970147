import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Card, PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { userDetailQueryOptions } from '../../../features/users/api/users';
import { EditUserForm } from '../../../features/users/components/edit-user-form';
import { useParam } from '../../../lib/route-params';
import { loadUser } from './load-user';

export const loader = loadUser;

export function Component() {
  const username = useParam('user');
  const { data: user } = useSuspenseQuery(userDetailQueryOptions(username));
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={`Edit ${username}`}
        breadcrumbs={<><Link to={paths.users.list.to()}>Users</Link> / <Link to={paths.users.detail.to(username)}>{username}</Link></>}
      />
      <Card>
        <EditUserForm user={user} cancelTo={paths.users.detail.to(username)} onSaved={() => navigate(paths.users.detail.to(username))} />
      </Card>
    </>
  );
}
