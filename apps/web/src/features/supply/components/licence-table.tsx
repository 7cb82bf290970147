import { Link } from 'react-router';
import type { LicenceReport } from '@devpi-dashboard/dashboard-api';
import { paths } from '../../../config/paths';

const SOURCE: Record<LicenceReport['groups'][number]['source'], string> = {
  expression: 'License-Expression',
  license: 'License field',
  classifier: 'Classifier',
  none: 'Nothing declared',
};

/** Licences of one index's hosted releases, grouped, the undeclared last. */
export function LicenceTable({ report, user, index }: { report: LicenceReport; user: string; index: string }) {
  return (
    <table className="table licence-table">
      <thead>
        <tr>
          <th scope="col">Licence</th>
          <th scope="col">Declared as</th>
          <th scope="col">Releases</th>
        </tr>
      </thead>
      <tbody>
        {report.groups.map((group) => (
          <tr key={`${group.source}:${group.licence ?? ''}`}>
            <td data-label="Licence" className="licence-name">{group.licence ?? <em>None declared</em>}</td>
            <td data-label="Declared as">{SOURCE[group.source]}</td>
            <td data-label="Releases">
              <span className="muted">{group.releases.length}: </span>
              {group.releases.map((release, n) => (
                <span key={`${release.project}:${release.version}`}>
                  {n > 0 && ', '}
                  <Link to={paths.packages.version.to(user, index, release.project, release.version)}>{release.project} {release.version}</Link>
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
