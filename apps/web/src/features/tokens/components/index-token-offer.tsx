import type { TokenCreated } from '@devpi-dashboard/dashboard-api';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/page-header';
import { describeError } from '../../../lib/errors';
import { tokenListQueryOptions, useCreateToken } from '../api/tokens';
import { expiresFor } from '../lib/expiry';
import './tokens.css';

const scopes = [
  { value: 'read', label: 'Install only', allowed: ['pkg_read'] },
  { value: 'upload', label: 'Install and upload', allowed: ['pkg_read', 'upload'] },
] as const;

/**
 * On an index's client configuration: mint a token limited to this index (30 days) for `user`, so the
 * snippets carry it instead of a password. Says so when devpi has no token plugin.
 */
export function IndexTokenOffer({ user, index, tokensUser, tokensScreen, onCreated }: {
  user: string;
  index: string;
  /** The signed-in user, whose token it is. */
  tokensUser: string;
  tokensScreen: string;
  onCreated: (created: TokenCreated) => void;
}) {
  const listing = useQuery(tokenListQueryOptions(tokensUser));
  const create = useCreateToken(tokensUser);
  const [scope, setScope] = useState<(typeof scopes)[number]['value']>('read');
  const name = `${user}/${index}`;
  if (listing.data?.plugin === false) {
    return <p className="muted">devpi runs without the devpi-tokens plugin, so these use a password. The <Link to={tokensScreen}>Tokens screen</Link> says how to add it.</p>;
  }
  async function mint() {
    const allowed = [...(scopes.find((s) => s.value === scope)?.allowed ?? ['pkg_read'])];
    const expires = expiresFor('30d', '', Date.now(), false);
    if (typeof expires === 'object') return;
    onCreated(await create.mutateAsync({ allowed, indexes: [name], expires }));
  }
  return (
    <Card title="Use a token instead of a password">
      <div className="stack">
        <p>
          A token for <span className="mono">{tokensUser}</span> that works only on <span className="mono">{name}</span> for 30 days: put it in CI
          instead of a password. Finer choices are on the <Link to={tokensScreen}>Tokens screen</Link>.
        </p>
        <fieldset className="token-permissions">
          <legend>The token may</legend>
          {scopes.map((s) => (
            <label key={s.value} className="token-scope">
              <input type="radio" name="token-scope" value={s.value} checked={scope === s.value} onChange={() => setScope(s.value)} /> {s.label}
            </label>
          ))}
        </fieldset>
        {create.isError && <Alert tone="error" title="devpi did not create the token">{describeError(create.error)}</Alert>}
        <div>
          <Button variant="primary" className="btn-wrap" busy={create.isPending} onClick={() => void mint().catch(() => undefined)}>Create a token for {name}</Button>
        </div>
      </div>
    </Card>
  );
}
