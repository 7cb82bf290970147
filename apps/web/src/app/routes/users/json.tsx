import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { JsonView } from '../../../components/ui/json-view';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { userDetailQueryOptions } from '../../../features/users/api/users';
import { useParam } from '../../../lib/route-params';
import { loadUser } from './load-user';

export const loader = loadUser;

export function Component() {
  const username = useParam('user');
  const { data: user } = useSuspenseQuery(userDetailQueryOptions(username));
  return (
    <>
      <PageHeader
        title={`Raw JSON of ${username}`}
        breadcrumbs={<><Link to={paths.users.list.to()}>Users</Link> / <Link to={paths.users.detail.to(username)}>{username}</Link></>}
        description={<>What <code>devpi getjson /{username}</code> prints.</>}
      />
      <JsonView value={{ type: 'userconfig', result: user }} label={`JSON of user ${username}`} />
    </>
  );
}
