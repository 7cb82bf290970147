import type { UploadCell } from '@devpi-dashboard/dashboard-api';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { indexParts, paths } from '../../../config/paths';
import { unreachable } from '../../../lib/connectivity';
import { describeError } from '../../../lib/errors';
import { cellToggle, matrixQueryOptions, useToggleUpload, type MatrixFilter } from '../api/permissions';
import './permissions.css';

const SPECIAL: Partial<Record<UploadCell['reason'], { mark: string; text: string }>> = {
  acl_authenticated: { mark: '✓*', text: 'allowed because acl_upload has :AUTHENTICATED: (every signed-in user)' },
  acl_anonymous: { mark: '✓*', text: 'allowed because acl_upload has :ANONYMOUS: (everyone)' },
  mirror: { mark: '—', text: 'a mirror: nobody uploads to it' },
  plugin: { mark: '—', text: 'its index type is managed by a plugin, which decides who may upload' },
};

function Cell({ user, cell, onToggle, pending }: { user: string; cell: UploadCell; onToggle: (action: 'grant' | 'revoke') => void; pending: boolean }) {
  const action = cellToggle(cell);
  const special = SPECIAL[cell.reason];
  if (!action || special) {
    return (
      <td className={`matrix-cell matrix-${cell.reason}`} title={`${user} → ${cell.index}: ${special?.text ?? ''}`}>
        <span aria-hidden="true">{special?.mark ?? '—'}</span>
        <span className="visually-hidden">{user} on {cell.index}: {special?.text}</span>
      </td>
    );
  }
  const allowed = action === 'revoke';
  return (
    <td className={`matrix-cell ${allowed ? 'matrix-allowed' : 'matrix-denied'}`}>
      <button
        type="button"
        className="matrix-toggle"
        aria-pressed={allowed}
        disabled={pending}
        aria-label={allowed ? `Revoke upload to ${cell.index} from ${user}` : `Allow ${user} to upload to ${cell.index}`}
        title={allowed ? `${user} may upload to ${cell.index} (listed in acl_upload). Click to revoke.` : `${user} may not upload to ${cell.index}${cell.reason === 'group_unknown' ? ' unless through a group' : ''}. Click to allow.`}
        onClick={() => onToggle(action)}
      >
        {allowed ? '✓' : cell.reason === 'group_unknown' ? '?' : ''}
      </button>
    </td>
  );
}

export function UploadMatrix({ filter, onPage, onChanged }: { filter: MatrixFilter; onPage: (offset: number) => void; onChanged?: () => void }) {
  const { data, error, isPending } = useQuery(matrixQueryOptions(filter));
  const toggle = useToggleUpload(filter, onChanged);
  const [failure, setFailure] = useState<string>();
  // One click revokes; the last revoke stays undoable until the next change.
  const [revoked, setRevoked] = useState<{ user: string; index: string }>();
  if (isPending) return <Loading label="Loading permissions" />;
  // Data on screen outlives an outage (the connectivity banner says it is getting old); not a refusal.
  if (!data || (error && !unreachable(error))) return <Alert tone="error" title="Could not load the permissions">{describeError(error)}</Alert>;
  const stages = data.indexes;
  const last = Math.min(data.offset + data.rows.length, data.totalUsers);

  function onToggle(user: string, index: string, action: 'grant' | 'revoke') {
    setFailure(undefined);
    setRevoked(undefined);
    toggle.mutate({ user, index, action }, {
      onSuccess: () => { if (action === 'revoke') setRevoked({ user, index }); },
      onError: (reason) => setFailure(`Could not ${action === 'grant' ? `allow ${user} to upload to` : `revoke ${user}'s upload to`} ${index}: ${describeError(reason)}`),
    });
  }

  return (
    <>
      {failure && <Alert tone="error">{failure}</Alert>}
      <p className="matrix-undo" role="status">
        {revoked && (
          <>
            Revoked <span className="name-clip" title={revoked.user}>{revoked.user}</span>’s upload to <span className="mono name-clip" title={revoked.index}>{revoked.index}</span>.{' '}
            <Button size="sm" variant="ghost" onClick={() => onToggle(revoked.user, revoked.index, 'grant')}>Undo</Button>
          </>
        )}
      </p>
      <div className="table-wrap matrix-wrap">
        <table className="table matrix">
          <caption className="visually-hidden">Who may upload to which index</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              {stages.map((index) => (
                <th key={index.name} scope="col" className="matrix-index">
                  <Link to={paths.indexes.permissions.to(...indexParts(index.name))} className="mono name-clip" title={index.name}>{index.name}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.user}>
                <th scope="row"><Link to={paths.users.detail.to(row.user)} className="name-clip" title={row.user}>{row.user}</Link></th>
                {row.cells.map((cell) => (
                  <Cell key={cell.index} user={row.user} cell={cell} pending={toggle.isPending && toggle.variables?.user === row.user && toggle.variables.index === cell.index} onToggle={(action) => onToggle(row.user, cell.index, action)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {data.rows.length === 0 && <p className="empty">No user matches.</p>}
      </div>
      <p className="muted matrix-legend">✓ listed in acl_upload · ✓* allowed through :AUTHENTICATED: or :ANONYMOUS: (change it on the index) · ? not listed, maybe through a group · — mirror</p>
      {data.totalUsers > data.limit && (
        <nav className="pager" aria-label="Pages of users">
          <span className="muted">{data.offset + 1}–{last} of {data.totalUsers} users</span>
          <Button size="sm" disabled={data.offset === 0} onClick={() => onPage(Math.max(0, data.offset - data.limit))}>Previous page</Button>
          <Button size="sm" disabled={last >= data.totalUsers} onClick={() => onPage(data.offset + data.limit)}>Next page</Button>
        </nav>
      )}
    </>
  );
}
