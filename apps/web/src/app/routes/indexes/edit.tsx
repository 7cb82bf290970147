import { isPluginIndex } from '@devpi-dashboard/devpi-client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { sessionQueryOptions } from '../../../features/auth/api/session';
import { baseGraph } from '../../../features/indexes/api/base-graph';
import { indexDetailQueryOptions, indexListQueryOptions } from '../../../features/indexes/api/indexes';
import { EditIndexForm } from '../../../features/indexes/components/edit-index-form';
import { PluginIndexForm } from '../../../features/indexes/components/plugin-index-form';
import { useParam } from '../../../lib/route-params';
import { IndexHeader } from './index-header';
import { loadIndexForEditing, userSuggestionsQuery } from './index-context';

export const loader = loadIndexForEditing;

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const { data: config } = useSuspenseQuery(indexDetailQueryOptions(user, index));
  const { data: list } = useSuspenseQuery(indexListQueryOptions());
  const { data: users } = useSuspenseQuery(userSuggestionsQuery());
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const navigate = useNavigate();
  const formProps = {
    user,
    index,
    graph: baseGraph(list),
    userNames: users.items.map((entry) => entry.username),
    cancelTo: paths.indexes.detail.to(user, index),
    onSaved: () => navigate(paths.indexes.detail.to(user, index)),
  };
  return (
    <>
      <IndexHeader user={user} index={index} title={<>Edit <span className="mono">{user}/{index}</span></>} />
      {!session.isRoot && session.user !== user && (
        <Alert tone="warning">Only {user} (the owner) and root may change this index; devpi will refuse your changes.</Alert>
      )}
      <Card>
        {isPluginIndex(config) ? (
          <PluginIndexForm {...formProps} config={config} />
        ) : (
          <EditIndexForm {...formProps} config={config} />
        )}
      </Card>
    </>
  );
}
