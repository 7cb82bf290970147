import { Link, useNavigate } from 'react-router';
import { Card, PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { CreateUserForm } from '../../../features/users/components/create-user-form';

export function Component() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Create user"
        breadcrumbs={<Link to={paths.users.list.to()}>Users</Link>}
        description="The same as devpi user -c: the new user can sign in at once and create their own indexes."
      />
      <Card>
        <CreateUserForm cancelTo={paths.users.list.to()} onCreated={(username) => navigate(paths.users.detail.to(username))} />
      </Card>
    </>
  );
}
