import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { findingsQueryOptions } from '../api/supply';
import { FindingDetails } from './finding-details';
import './supply.css';

/**
 * The badges on a project or version page: what the last scan found for this release (or for
 * this project's releases on this index). Says nothing until a scan has found something.
 */
export function ReleaseVulnerabilities({ index, project, version }: { index: string; project: string; version?: string }) {
  const { data } = useQuery(findingsQueryOptions({ index, project, ...(version === undefined ? {} : { version }), limit: 100 }));
  if (!data || data.total === 0) return null;
  const releases = data.items.filter((f) => f.kind === 'release').length;
  const dependencies = data.total - releases;
  const title = (
    <>
      Known vulnerabilities{' '}
      {releases > 0 && <Badge tone="danger">{releases} affecting {version === undefined ? 'its releases' : 'this release'}</Badge>}{' '}
      {dependencies > 0 && <Badge tone="warning">{dependencies} in requirements</Badge>}
    </>
  );
  return (
    <section aria-label="Known vulnerabilities" className="release-vulns">
      <Alert tone="warning" title={title} actions={<Link to={paths.vulnerabilities.to({ index })}>All findings</Link>}>
        <ul className="finding-list">
          {data.items.map((finding) => (
            <li key={`${finding.id}:${finding.version}:${finding.requirement ?? ''}`}>
              {version === undefined && <p className="mono">{finding.version}</p>}
              <FindingDetails finding={finding} />
            </li>
          ))}
        </ul>
      </Alert>
    </section>
  );
}
