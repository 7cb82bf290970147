import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { unreachable } from '../../../lib/connectivity';
import { describeError } from '../../../lib/errors';
import { userListQueryOptions } from '../api/users';

export const USERS_PAGE_SIZE = 50;

export function UserList({ q, offset, onPage }: { q: string; offset: number; onPage: (offset: number) => void }) {
  const { data, error, isPending, isPlaceholderData } = useQuery(userListQueryOptions({ q, offset, limit: USERS_PAGE_SIZE }));
  if (isPending) return <Loading label="Loading users" />;
  // Data on screen outlives an outage (the connectivity banner says it is getting old); not a refusal.
  if (!data || (error && !unreachable(error))) return <Alert tone="error" title="Could not load the users">{describeError(error)}</Alert>;
  const last = Math.min(data.offset + data.items.length, data.total);
  return (
    <>
      <div className="table-wrap" aria-busy={isPlaceholderData || undefined}>
        <table className="table">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Title</th>
              <th scope="col">Email</th>
              <th scope="col">Indexes</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((user) => (
              <tr key={user.username}>
                <td>
                  <Link to={paths.users.detail.to(user.username)} className="strong-link name-clip" title={user.username}>{user.username}</Link>
                  {user.username === 'root' && <> <Badge tone="accent">admin</Badge></>}
                </td>
                <td>{user.title}</td>
                <td>{user.email}</td>
                <td>
                  <ul className="inline-list">
                    {user.indexes.map((index) => (
                      <li key={index.name}>
                        <Link to={paths.indexes.detail.to(user.username, index.name)} className="mono name-clip" title={index.name}>{index.name}</Link>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data.items.length === 0 && <p className="empty">{q ? `No user matches “${q}”.` : 'No users yet.'}</p>}
      </div>
      {data.total > USERS_PAGE_SIZE && (
        <nav className="pager" aria-label="Pages of users">
          <span className="muted">
            {data.offset + 1}–{last} of {data.total}
          </span>
          <Button size="sm" disabled={data.offset === 0} onClick={() => onPage(Math.max(0, data.offset - USERS_PAGE_SIZE))}>
            Previous page
          </Button>
          <Button size="sm" disabled={last >= data.total} onClick={() => onPage(data.offset + USERS_PAGE_SIZE)}>
            Next page
          </Button>
        </nav>
      )}
    </>
  );
}
