import type { IndexSummary } from '@devpi-dashboard/dashboard-api';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Icon } from '../../../components/ui/icon';
import { Badge } from '../../../components/ui/badge';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { unreachable } from '../../../lib/connectivity';
import { describeError } from '../../../lib/errors';
import { indexListQueryOptions } from '../api/indexes';
import './indexes.css';

function matches(index: IndexSummary, q: string): boolean {
  const needle = q.toLowerCase();
  return index.name.toLowerCase().includes(needle) || (index.title ?? '').toLowerCase().includes(needle);
}

const SHORT: Record<IndexSummary['warnings'][number]['code'], string> = {
  anonymous_upload: 'world-writable',
  nobody_can_upload: 'nobody can upload',
  acl_unknown_user: 'unknown uploader',
  missing_base: 'missing base',
  volatile_base_of_non_volatile: 'volatile base',
};

export function IndexFlags({ index }: { index: Pick<IndexSummary, 'type' | 'volatile' | 'warnings'> }) {
  return (
    <span className="index-flags">
      <Badge tone={index.type === 'mirror' ? 'accent' : 'neutral'} {...(index.type === 'stage' || index.type === 'mirror' ? {} : { title: 'Index type from a devpi plugin' })}>{index.type}</Badge>
      {!index.volatile && (
        <Badge tone="neutral" title="Non-volatile: uploaded files cannot be overwritten or deleted">
          <Icon name="lock" /> non-volatile
        </Badge>
      )}
      {index.warnings.map((warning) => (
        <Badge key={warning.code} tone={warning.code === 'anonymous_upload' ? 'danger' : 'warning'} title={warning.message}>
          <Icon name="warning" /> <span aria-hidden="true">{SHORT[warning.code]}</span>
          <span className="visually-hidden">{warning.message}</span>
        </Badge>
      ))}
    </span>
  );
}

export function IndexList({ q }: { q: string }) {
  const { data, error, isPending } = useQuery(indexListQueryOptions());
  if (isPending) return <Loading label="Loading indexes" />;
  // Data on screen outlives an outage (the connectivity banner says it is getting old); not a refusal.
  if (!data || (error && !unreachable(error))) return <Alert tone="error" title="Could not load the indexes">{describeError(error)}</Alert>;
  const groups = data.owners
    .map((group) => ({ ...group, indexes: q ? group.indexes.filter((index) => matches(index, q)) : group.indexes }))
    .filter((group) => group.indexes.length > 0);
  if (groups.length === 0) return <p className="empty">{q ? `No index matches “${q}”.` : 'There are no indexes yet.'}</p>;
  return (
    <div className="index-groups">
      {groups.map((group) => (
        <section key={group.owner} className="card index-group" aria-labelledby={`owner-${group.owner}`}>
          <div className="card-header">
            <h2 id={`owner-${group.owner}`}>
              <Link to={paths.users.detail.to(group.owner)}>{group.owner}</Link>
            </h2>
            <span className="muted">{group.indexes.length} {group.indexes.length === 1 ? 'index' : 'indexes'}</span>
          </div>
          <ul className="index-rows">
            {group.indexes.map((index) => (
              <li key={index.name} className="index-row">
                <div className="index-row-main">
                  <Link to={paths.indexes.detail.to(index.owner, index.index)} className="index-name mono">{index.name}</Link>
                  {index.title && <span className="muted"> — {index.title}</span>}
                  <div className="index-row-meta muted">
                    {index.type === 'mirror'
                      ? <>mirrors <span className="mono">{index.mirrorUrl}</span></>
                      : <>
                          {index.bases.length > 0 ? <>bases <span className="mono">{index.bases.join(', ')}</span></> : 'no bases'}
                          {' · '}uploads: {index.aclUpload.length > 0 ? <span className="mono">{index.aclUpload.join(', ')}</span> : 'nobody'}
                        </>}
                  </div>
                </div>
                <IndexFlags index={index} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
