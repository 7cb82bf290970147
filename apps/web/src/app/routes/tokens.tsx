import type { TokenCreated } from '@devpi-dashboard/dashboard-api';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { SelectField } from '../../components/ui/field';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { configQueryOptions, sessionQueryOptions } from '../../features/auth/api/session';
import { ClientConfig } from '../../features/client-config/components/client-config';
import { indexListQueryOptions } from '../../features/indexes/api/indexes';
import { tokenListQueryOptions } from '../../features/tokens/api/tokens';
import { TokensPanel } from '../../features/tokens/components/tokens-panel';
import { queryClient } from '../../lib/query-client';
import { userSuggestionsQuery } from './indexes/index-context';

function whose(url: URL, self: string, isRoot: boolean): string {
  const asked = url.searchParams.get('user');
  return isRoot && asked ? asked : self;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await queryClient.ensureQueryData(sessionQueryOptions());
  const url = new URL(request.url);
  if (!session.user) return redirect(paths.login.to(`${paths.tokens.to()}${url.search}`));
  await Promise.all([
    queryClient.ensureQueryData(configQueryOptions()),
    queryClient.ensureQueryData(indexListQueryOptions()),
    session.isRoot ? queryClient.ensureQueryData(userSuggestionsQuery()) : undefined,
    // shown (with its error) by the panel, so a refusal does not replace the screen
    queryClient.prefetchQuery(tokenListQueryOptions(whose(url, session.user, session.isRoot))),
  ]);
  return null;
}

/** Where a new token is put to use: pick the index, get pip, uv, poetry, twine and .pypirc set up with it. */
function TokenSetup({ created, user, stageIndexes, publicUrl }: { created: TokenCreated; user: string; stageIndexes: string[]; publicUrl: string }) {
  const choices = created.summary.indexes ?? stageIndexes;
  const [chosen, setChosen] = useState(choices[0] ?? '');
  const [owner = '', index = ''] = chosen.split('/');
  return (
    <div className="stack">
      {choices.length > 1 && (
        <SelectField label="Set up the tools for" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {choices.map((name) => <option key={name} value={name}>{name}</option>)}
        </SelectField>
      )}
      {owner && index ? <ClientConfig publicUrl={publicUrl} user={owner} index={index} credential={{ user, token: created.token }} /> : <p className="muted">There is no stage index to set the tools up for yet.</p>}
    </div>
  );
}

export function Component() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const { data: settings } = useSuspenseQuery(configQueryOptions());
  const { data: indexList } = useSuspenseQuery(indexListQueryOptions());
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const self = session.user ?? '';
  const user = session.isRoot ? search.get('user') || self : self;
  const allIndexes = indexList.owners.flatMap((group) => group.indexes);
  const stageIndexes = allIndexes.filter((ix) => ix.type !== 'mirror').map((ix) => ix.name);
  return (
    <>
      <PageHeader
        title={user === self ? 'Your tokens' : `Tokens of ${user}`}
        description="Tokens let CI jobs install and upload without a password, limited to what they need, and can be revoked one by one (devpi-tokens)."
      />
      {session.isRoot && <UserPicker user={user} onPick={(next) => void navigate(paths.tokens.to(next === self ? undefined : next))} />}
      <TokensPanel
        key={user}
        user={user}
        isRoot={session.isRoot}
        indexSuggestions={allIndexes.map((ix) => ix.name)}
        configure={(created) => <TokenSetup created={created} user={user} stageIndexes={stageIndexes} publicUrl={settings.publicUrl} />}
      />
    </>
  );
}

function UserPicker({ user, onPick }: { user: string; onPick: (user: string) => void }) {
  const { data: users } = useSuspenseQuery(userSuggestionsQuery());
  return (
    <div className="form-row token-user-picker">
      <SelectField label="Tokens of" value={user} onChange={(e) => onPick(e.target.value)} hint="As root you manage the tokens of every user. A token acts as its user, never as root.">
        {users.items.map((u) => <option key={u.username} value={u.username}>{u.username}</option>)}
      </SelectField>
    </div>
  );
}
