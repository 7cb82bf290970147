import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { Card } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { sessionQueryOptions } from '../../../features/auth/api/session';
import { baseGraph } from '../../../features/indexes/api/base-graph';
import { indexDetailQueryOptions, indexListQueryOptions } from '../../../features/indexes/api/indexes';
import { DeleteIndexDialog } from '../../../features/indexes/components/delete-index-dialog';
import { IndexFlags } from '../../../features/indexes/components/index-list';
import { IndexSettings } from '../../../features/indexes/components/index-settings';
import { SupplyWarnings } from '../../../features/supply/components/supply-warnings';
import { deleteIndexBlocker, dependents } from '../../../features/indexes/lib/delete-rules';
import { useParam } from '../../../lib/route-params';
import { IndexHeader } from './index-header';
import { loadIndexForEditing } from './index-context';

export const loader = loadIndexForEditing;

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const { data: config } = useSuspenseQuery(indexDetailQueryOptions(user, index));
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const { data: list } = useSuspenseQuery(indexListQueryOptions());
  const [deleting, setDeleting] = useState(false);
  const navigate = useNavigate();
  const summary = list.owners.flatMap((group) => group.indexes).find((entry) => entry.name === `${user}/${index}`);
  const canEdit = session.isRoot || session.user === user;
  const blocker = deleteIndexBlocker(config, user, session);
  const inheritors = dependents(baseGraph(list), `${user}/${index}`);

  return (
    <>
      <IndexHeader
        user={user}
        index={index}
        title={<span className="mono">{user}/{index}</span>}
        description={config.title}
        actions={canEdit && <ButtonLink variant="primary" to={paths.indexes.edit.to(user, index)}>Edit index</ButtonLink>}
      />
      {summary && summary.warnings.length > 0 && (
        <Alert tone="warning" title="Worth a look">
          <ul>{summary.warnings.map((warning) => <li key={warning.code}>{warning.message}</li>)}</ul>
        </Alert>
      )}
      <SupplyWarnings index={`${user}/${index}`} />
      <Card title="Settings" actions={summary && <IndexFlags index={{ ...summary, warnings: [] }} />}>
        <IndexSettings config={config} />
      </Card>
      {inheritors.length > 0 && (
        <Card title="Inherited by">
          <p><span className="mono">{inheritors.join(', ')}</span> list this index among their bases.</p>
        </Card>
      )}
      <Card title="Delete index" className="danger-zone">
        {blocker ? <p className="muted">{blocker}</p> : <p>Deleting removes the index and all its packages. You will be asked to type its name.</p>}
        <Button variant="danger" className="btn-named" disabled={Boolean(blocker)} onClick={() => setDeleting(true)}>Delete index {user}/{index}</Button>
      </Card>
      <DeleteIndexDialog
        user={user}
        index={index}
        dependents={inheritors}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          setDeleting(false);
          navigate(paths.indexes.list.to());
        }}
      />
    </>
  );
}
