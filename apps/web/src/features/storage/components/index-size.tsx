import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { storageIndexQueryOptions } from '../api/storage';
import { formatBytes } from '../lib/format-bytes';
import { StorageProjectTable } from './storage-tables';

const TOP = 10;

/** An index's size from the last storage report, with its largest projects; or how to measure it. */
export function IndexSize({ user, index }: { user: string; index: string }) {
  const { data } = useQuery(storageIndexQueryOptions(user, index));
  if (data === undefined) return null;
  const measure = <Link to={paths.jobs.create.to('storage-report', { indexes: `${user}/${index}` })}>{data.index === null ? 'Measure it' : 'Measure again'}</Link>;
  if (data.index === null) {
    return <Card title="Storage"><p className="muted">Not measured yet. {measure}.</p></Card>;
  }
  const size = data.index;
  return (
    <Card title="Storage">
      <p>
        <strong>{formatBytes(size.bytes)}</strong> in {size.files.toLocaleString()} {size.files === 1 ? 'file' : 'files'}, {size.projects.toLocaleString()} {size.projects === 1 ? 'project' : 'projects'}, {size.releases.toLocaleString()} {size.releases === 1 ? 'release' : 'releases'}
        <span className="muted"> · measured {new Date(size.scannedAt).toLocaleString()} · {measure}</span>
      </p>
      {data.projects.length > 1 && <StorageProjectTable projects={data.projects.slice(0, TOP)} caption={`Largest projects of ${size.index}`} showIndex={false} />}
    </Card>
  );
}
