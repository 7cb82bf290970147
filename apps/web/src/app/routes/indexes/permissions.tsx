import { isMirrorIndex, isPluginIndex, isStageIndex } from '@devpi-dashboard/devpi-client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { indexDetailQueryOptions } from '../../../features/indexes/api/indexes';
import { UploadAclEditor } from '../../../features/indexes/components/upload-acl-editor';
import { useParam } from '../../../lib/route-params';
import { IndexHeader } from './index-header';
import { loadIndexForEditing, userSuggestionsQuery } from './index-context';

export const loader = loadIndexForEditing;

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const { data: config } = useSuspenseQuery(indexDetailQueryOptions(user, index));
  const { data: users } = useSuspenseQuery(userSuggestionsQuery());
  const userNames = users.items.map((entry) => entry.username);
  return (
    <>
      <IndexHeader user={user} index={index} title={<>Upload permissions of <span className="mono">{user}/{index}</span></>} />
      {isMirrorIndex(config) ? (
        <Alert tone="info">This index is a mirror: packages come from {config.mirror_url} and nobody uploads to it.</Alert>
      ) : isPluginIndex(config) && config.acl_upload === undefined ? (
        <Alert tone="info">Index type {config.type} is managed by a plugin: it has no acl_upload, so who may upload is up to that plugin.</Alert>
      ) : (
        <>
          <p className="muted">
            Changes apply immediately, one entry at a time, so edits by other admins are never overwritten. {user === 'root' ? 'Only root may change them.' : <>Only <span className="name-clip" title={user}>{user}</span> and root may change them.</>}
            Root and the owner may upload only if listed. <Link to={paths.permissions.matrix.to(undefined, `${user}/${index}`)}>Check why someone cannot upload</Link>.
          </p>
          <Card>
            <UploadAclEditor user={user} index={index} aclKey="acl_upload" entries={config.acl_upload ?? []} userNames={userNames} label="Who may upload packages (acl_upload)" />
          </Card>
          {isStageIndex(config) && (
            <Card>
              <UploadAclEditor user={user} index={index} aclKey="acl_toxresult_upload" entries={config.acl_toxresult_upload} userNames={userNames} label="Who may upload test results (acl_toxresult_upload)" />
            </Card>
          )}
        </>
      )}
    </>
  );
}
