import { isMirrorIndex } from '@devpi-dashboard/devpi-client';
import type { TokenCreated } from '@devpi-dashboard/dashboard-api';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { paths } from '../../../config/paths';
import { configQueryOptions, sessionQueryOptions } from '../../../features/auth/api/session';
import { ClientConfig } from '../../../features/client-config/components/client-config';
import { UploaderNote } from '../../../features/client-config/components/uploader-note';
import { chooseUploader } from '../../../features/client-config/lib/uploader';
import { indexDetailQueryOptions } from '../../../features/indexes/api/indexes';
import { IndexTokenOffer } from '../../../features/tokens/components/index-token-offer';
import { NewToken } from '../../../features/tokens/components/new-token';
import { useParam } from '../../../lib/route-params';
import { IndexHeader } from './index-header';
import { loadIndex } from './index-context';

export const loader = loadIndex;

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const { data: config } = useSuspenseQuery(indexDetailQueryOptions(user, index));
  const { data: settings } = useSuspenseQuery(configQueryOptions());
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // the token lives in this screen's state only, until "I have copied it" or leaving the screen
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const choice = chooseUploader(!isMirrorIndex(config) ? config.acl_upload : undefined, session.user);
  const credential = created !== null && session.user ? { user: session.user, token: created.token } : undefined;
  return (
    <>
      <IndexHeader user={user} index={index} title={<>Use <span className="mono">{user}/{index}</span> from Python tools</>} />
      {isMirrorIndex(config) && <Alert tone="info">This is a mirror: install from it, but upload to a stage index.</Alert>}
      {!isMirrorIndex(config) && <UploaderNote choice={choice} index={`${user}/${index}`} signedIn={session.user ?? null} />}
      {session.user && created === null && (
        <IndexTokenOffer user={user} index={index} tokensUser={session.user} tokensScreen={paths.tokens.to()} onCreated={setCreated} />
      )}
      {created !== null && session.user ? (
        <NewToken created={created} user={session.user} onDone={() => setCreated(null)}>
          <ClientConfig publicUrl={settings.publicUrl} user={user} index={index} credential={credential} />
        </NewToken>
      ) : (
        <ClientConfig publicUrl={settings.publicUrl} user={user} index={index} uploader={choice.uploader} />
      )}
    </>
  );
}
