import type { ProjectView } from '@devpi-dashboard/dashboard-api';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { splitIndex } from '../lib/params';
import { FromIndex } from './index-badge';

/** Every version, newest first (PEP 440), with pre-releases and inherited versions marked. */
export function VersionTable({ project }: { project: ProjectView }) {
  const [user, index] = splitIndex(project.index);
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Versions of {project.name}</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Index</th>
            <th scope="col">Files</th>
            <th scope="col">Docs</th>
          </tr>
        </thead>
        <tbody>
          {project.versions.map((v) => (
            <tr key={v.version}>
              <td>
                <Link className="strong-link mono" to={paths.packages.version.to(user, index, project.name, v.version)}>{v.version}</Link>
                {v.prerelease && <> <Badge tone="warning">pre-release</Badge></>}
                {v.invalid && <> <Badge tone="neutral" title="Not a PEP 440 version; sorted last">non-standard</Badge></>}
              </td>
              <td>{v.index === project.index ? <span className="muted">this index</span> : <FromIndex from={v.index} here={project.index} />}</td>
              <td>{v.files}</td>
              <td>{v.hasDocs ? 'yes' : <span className="muted">no</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {project.versions.length === 0 && <p className="empty">devpi knows this project but has no versions of it here.</p>}
    </div>
  );
}
