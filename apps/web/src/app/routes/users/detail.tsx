import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Icon } from '../../../components/ui/icon';
import { Badge } from '../../../components/ui/badge';
import { Button, ButtonLink } from '../../../components/ui/button';
import { Card, PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { sessionQueryOptions } from '../../../features/auth/api/session';
import { indexKeys } from '../../../features/indexes/api/indexes';
import { userDetailQueryOptions } from '../../../features/users/api/users';
import { DeleteUserDialog, deleteUserBlocker } from '../../../features/users/components/delete-user-dialog';
import { formatWhen } from '../../../lib/format-date';
import { useParam } from '../../../lib/route-params';
import { loadUser } from './load-user';

export const loader = loadUser;

export function Component() {
  const username = useParam('user');
  const { data: user } = useSuspenseQuery(userDetailQueryOptions(username));
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const [deleting, setDeleting] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = session.isRoot || session.user === username;
  const blocker = deleteUserBlocker(user);
  const indexes = Object.entries(user.indexes ?? {});

  return (
    <>
      <PageHeader
        breadcrumbs={<Link to={paths.users.list.to()}>Users</Link>}
        title={user.title ? `${user.title}` : username}
        description={user.title ? <span className="mono">{username}</span> : undefined}
        actions={
          <>
            {canManage && <ButtonLink to={paths.users.edit.to(username)}>Edit user</ButtonLink>}
            {canManage && <ButtonLink to={paths.users.password.to(username)}>Change password</ButtonLink>}
            <ButtonLink to={paths.history.to({ user: username })} variant="ghost">History</ButtonLink>
            <ButtonLink to={paths.users.json.to(username)} variant="ghost">Raw JSON</ButtonLink>
          </>
        }
      />
      <Card title="Details">
        <dl className="definition-list">
          <dt>User name</dt>
          <dd className="mono">{username}</dd>
          <dt>Email</dt>
          <dd>{user.email ? <a href={`mailto:${user.email}`}>{user.email}</a> : <span className="muted">none</span>}</dd>
          <dt>Title</dt>
          <dd>{user.title ?? <span className="muted">none</span>}</dd>
          <dt>Description</dt>
          <dd className="prewrap">{user.description ?? <span className="muted">none</span>}</dd>
          {user.created && (<><dt>Created</dt><dd><time dateTime={user.created} title={user.created}>{formatWhen(user.created)}</time></dd></>)}
          {user.modified && (<><dt>Modified</dt><dd>{user.modified}</dd></>)}
        </dl>
      </Card>
      <Card
        title={`Indexes owned by ${username}`}
        actions={canManage && <ButtonLink size="sm" to={paths.indexes.create.to(username)}>Create index</ButtonLink>}
      >
        {indexes.length === 0 ? (
          <p className="muted">{username} owns no indexes.</p>
        ) : (
          <ul className="index-links">
            {indexes.map(([name, config]) => (
              <li key={name}>
                <Link to={paths.indexes.detail.to(username, name)} className="mono">{username}/{name}</Link>{' '}
                <Badge tone={config.type === 'mirror' ? 'accent' : 'neutral'}>{config.type}</Badge>{' '}
                {!config.volatile && <Badge tone="warning" title="Non-volatile: released files cannot be overwritten or deleted"><Icon name="lock" /> non-volatile</Badge>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canManage && (
        <Card title="Delete user" className="danger-zone">
          {blocker ? (
            <Alert tone="warning" title="This user cannot be deleted yet">
              <p>{blocker.reason}</p>
              {blocker.indexes.length > 0 && (
                <ul>
                  {blocker.indexes.map((name) => {
                    const [owner = '', index = ''] = name.split('/');
                    return (
                      <li key={name}>
                        <Link className="mono" to={paths.indexes.edit.to(owner, index)}>{name}</Link> is non-volatile
                      </li>
                    );
                  })}
                </ul>
              )}
            </Alert>
          ) : (
            <p>Deleting removes the account and its volatile indexes. You will be asked to type the name.</p>
          )}
          <Button variant="danger" className="btn-named" disabled={Boolean(blocker)} onClick={() => setDeleting(true)}>
            Delete user {username}
          </Button>
        </Card>
      )}
      <DeleteUserDialog
        user={user}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          setDeleting(false);
          void queryClient.invalidateQueries({ queryKey: indexKeys.all });
          navigate(paths.users.list.to());
        }}
      />
    </>
  );
}
