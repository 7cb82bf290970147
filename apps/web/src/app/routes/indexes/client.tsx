import { isMirrorIndex } from '@devpi-dashboard/devpi-client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { configQueryOptions, sessionQueryOptions } from '../../../features/auth/api/session';
import { ClientConfig } from '../../../features/client-config/components/client-config';
import { UploaderNote } from '../../../features/client-config/components/uploader-note';
import { chooseUploader } from '../../../features/client-config/lib/uploader';
import { indexDetailQueryOptions } from '../../../features/indexes/api/indexes';
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
  const choice = chooseUploader(!isMirrorIndex(config) ? config.acl_upload : undefined, session.user);
  return (
    <>
      <IndexHeader user={user} index={index} title={<>Use <span className="mono">{user}/{index}</span> from Python tools</>} />
      {isMirrorIndex(config) && <Alert tone="info">This is a mirror: install from it, but upload to a stage index.</Alert>}
      {!isMirrorIndex(config) && <UploaderNote choice={choice} index={`${user}/${index}`} signedIn={session.user ?? null} />}
      <ClientConfig publicUrl={settings.publicUrl} user={user} index={index} uploader={choice.uploader} />
    </>
  );
}
