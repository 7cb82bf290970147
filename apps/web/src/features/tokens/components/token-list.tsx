import type { TokenSummary } from '@devpi-dashboard/dashboard-api';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { describeError } from '../../../lib/errors';
import { useRevokeToken } from '../api/tokens';
import { permissionLabel } from './permission-labels';
import { expiryText } from './token-restrictions';

function RevokeDialog({ user, token, onClose }: { user: string; token: TokenSummary; onClose: () => void }) {
  const revoke = useRevokeToken(user);
  const [error, setError] = useState<unknown>(null);
  async function confirm() {
    setError(null);
    try {
      await revoke.mutateAsync(token.id);
      onClose();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Revoke token ${token.id}?`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" busy={revoke.isPending} onClick={confirm}>Revoke token {token.id}</Button>
        </>
      }
    >
      <div className="stack">
        <p>Every pip, uv, poetry or twine setup using this token (and any token derived from it) is refused by devpi at once. This cannot be undone.</p>
        {error !== null && <Alert tone="error" title="devpi did not revoke the token">{describeError(error)}</Alert>}
      </div>
    </Dialog>
  );
}

const list = (values: string[] | null, all: string) => (values === null ? <span className="muted">{all}</span> : values.join(', '));

/** The user's tokens with their restrictions and expiry; each can be revoked after a confirmation. */
export function TokenList({ user, tokens }: { user: string; tokens: TokenSummary[] }) {
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);
  if (tokens.length === 0) return <p className="muted">{user} has no tokens.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table token-table">
          <caption className="visually-hidden">Tokens of {user}</caption>
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Permissions</th>
              <th scope="col">Indexes</th>
              <th scope="col">Projects</th>
              <th scope="col">Expires</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row" className="mono">{token.id}</th>
                <td data-label="Permissions">{token.allowed === null ? <span className="muted">all but account changes</span> : token.allowed.map(permissionLabel).join(', ') || 'none'}</td>
                <td data-label="Indexes" className="mono">{list(token.indexes, 'any')}</td>
                <td data-label="Projects" className="mono">{list(token.projects, 'any')}</td>
                <td data-label="Expires">
                  {expiryText(token)} {token.expired && <Badge tone="danger">expired</Badge>}
                </td>
                <td>
                  <Button size="sm" variant="danger" onClick={() => setRevoking(token)} aria-label={`Revoke token ${token.id}`}>Revoke</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {revoking !== null && <RevokeDialog user={user} token={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}
