import type { ProjectScope } from '@devpi-dashboard/dashboard-api';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SearchBox } from '../../../components/ui/search-box';
import { paths } from '../../../config/paths';
import { describeError } from '../../../lib/errors';
import { projectPageQueryOptions } from '../api/packages';
import { splitIndex } from '../lib/params';
import { FromIndex } from './index-badge';
import { ProjectsLoading } from './projects-loading';
import './packages.css';

/** Rows per page. The BFF pages, so the DOM never holds more than this many rows. */
export const PROJECTS_PAGE_SIZE = 50;

export interface ProjectTableState {
  q: string;
  offset: number;
  scope: ProjectScope;
}

/**
 * An index's projects, searched and paged by the BFF: even a 600,000-project mirror arrives one
 * page at a time. `scope` adds the projects the bases bring in, each labelled with its index.
 */
export function ProjectTable({ name, hasBases, mirror = false, state, onChange }: { name: string; hasBases: boolean; mirror?: boolean; state: ProjectTableState; onChange: (next: ProjectTableState) => void }) {
  const [user, index] = splitIndex(name);
  const { data, error, isPending, isPlaceholderData } = useQuery(projectPageQueryOptions(user, index, { ...state, limit: PROJECTS_PAGE_SIZE }));
  const last = data ? Math.min(data.offset + data.items.length, data.total) : 0;
  return (
    <section aria-labelledby="projects-heading">
      <h2 id="projects-heading">Projects</h2>
      <div className="project-toolbar">
        <SearchBox label="Search projects" placeholder="Project name or part of it" value={state.q} onSearch={(q) => onChange({ ...state, q, offset: 0 })} />
        {hasBases && (
          <div className="segmented" role="group" aria-label="Which projects">
            <button type="button" aria-pressed={state.scope === 'own'} onClick={() => onChange({ ...state, scope: 'own', offset: 0 })}>This index</button>
            <button type="button" aria-pressed={state.scope === 'all'} onClick={() => onChange({ ...state, scope: 'all', offset: 0 })}>With bases</button>
          </div>
        )}
        {data && <span className="list-meta">{data.total.toLocaleString()} {data.total === 1 ? 'project' : 'projects'}{state.q ? ` matching “${state.q}”` : ''}</span>}
      </div>
      {isPending && <ProjectsLoading mirror={mirror} />}
      {error && <Alert tone="error" title="Could not load the projects">{describeError(error)}</Alert>}
      {data && (
        <>
          <div className="table-wrap" aria-busy={isPlaceholderData || undefined}>
            <table className="table">
              <caption className="visually-hidden">Projects on {name}</caption>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  {state.scope === 'all' && <th scope="col">Found on</th>}
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.name}>
                    <td><Link className="strong-link name-clip" title={item.name} to={paths.packages.project.to(user, index, item.name)}>{item.name}</Link></td>
                    {state.scope === 'all' && <td><FromIndex from={item.index} here="" /></td>}
                  </tr>
                ))}
              </tbody>
            </table>
            {data.items.length === 0 && <p className="empty">{state.q ? `No project matches “${state.q}”.` : 'No projects on this index yet.'}</p>}
          </div>
          {data.total > PROJECTS_PAGE_SIZE && (
            <nav className="pager" aria-label="Pages of projects">
              <span className="muted">{data.offset + 1}–{last} of {data.total.toLocaleString()}</span>
              <Button size="sm" disabled={data.offset === 0} onClick={() => onChange({ ...state, offset: Math.max(0, data.offset - PROJECTS_PAGE_SIZE) })}>Previous page</Button>
              <Button size="sm" disabled={last >= data.total} onClick={() => onChange({ ...state, offset: data.offset + PROJECTS_PAGE_SIZE })}>Next page</Button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
