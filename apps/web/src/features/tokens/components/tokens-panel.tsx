import type { TokenCreated } from '@devpi-dashboard/dashboard-api';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { Card } from '../../../components/ui/page-header';
import { describeError, errorStatus } from '../../../lib/errors';
import { tokenListQueryOptions } from '../api/tokens';
import { NewToken } from './new-token';
import { PluginMissing } from './plugin-missing';
import { TokenForm } from './token-form';
import { TokenList } from './token-list';
import './tokens.css';

/**
 * Create, list and revoke the tokens of `user`. A new token is held in this component's state only and
 * dropped with "I have copied it" or when the screen is left; `configure` renders the tool setup using it.
 */
export function TokensPanel({ user, isRoot, indexSuggestions, configure }: {
  user: string;
  isRoot: boolean;
  indexSuggestions: string[];
  configure: (created: TokenCreated) => ReactNode;
}) {
  const listing = useQuery(tokenListQueryOptions(user));
  const [created, setCreated] = useState<TokenCreated | null>(null);
  if (listing.isPending) return <Loading label={`Loading the tokens of ${user}`} />;
  if (listing.isError) {
    const status = errorStatus(listing.error);
    return (
      <Alert tone={status === 403 ? 'warning' : 'error'} title={`devpi did not list the tokens of ${user}`}>
        <p>{describeError(listing.error)}</p>
        {status === 403 && <p>devpi lets a user manage their own tokens, and root anyone's, unless it runs with --restrict-modify: then only the users named there may. Ask one of them.</p>}
      </Alert>
    );
  }
  if (!listing.data.plugin) return <PluginMissing />;
  return (
    <div className="stack">
      {created !== null && (
        <NewToken created={created} user={user} onDone={() => setCreated(null)}>
          {configure(created)}
        </NewToken>
      )}
      <Card title={`Create a token for ${user}`}>
        <TokenForm user={user} isRoot={isRoot} indexSuggestions={indexSuggestions} onCreated={setCreated} />
      </Card>
      <Card title="Tokens">
        <TokenList user={user} tokens={listing.data.tokens} />
      </Card>
    </div>
  );
}
