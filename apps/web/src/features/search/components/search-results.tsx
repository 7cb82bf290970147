import type { SearchResult } from '@devpi-dashboard/dashboard-api';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { paths } from '../../../config/paths';

function split(name: string): [string, string] {
  const at = name.indexOf('/');
  return [name.slice(0, at), name.slice(at + 1)];
}

/** Which search ran, said plainly: the user should know whether descriptions were searched. */
function ModeNote({ result }: { result: SearchResult }) {
  if (result.mode === 'fulltext') return <Alert tone="info">Full-text search by devpi-web: names, summaries, descriptions and uploaded docs.</Alert>;
  if (result.fullTextAvailable) return <Alert tone="info">Searching project names on every index. Switch to full text to search descriptions and docs too.</Alert>;
  return <Alert tone="info">Searching project names on every index. Full-text search needs devpi-web, which this server does not run.</Alert>;
}

export function SearchResults({ result, pageSize, onPage }: { result: SearchResult; pageSize: number; onPage: (offset: number) => void }) {
  const last = result.offset + result.items.length;
  const hasNext = result.mode === 'fulltext' ? result.hasMore : last < result.total;
  const step = result.mode === 'fulltext' ? result.limit : pageSize;
  return (
    <div className="stack">
      <ModeNote result={result} />
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Search results for {result.query}</caption>
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Index</th>
              {result.mode === 'fulltext' && <th scope="col">Match</th>}
            </tr>
          </thead>
          <tbody>
            {result.items.map((hit) => {
              const [user, index] = split(hit.index);
              return (
                <tr key={`${hit.index}/${hit.name}/${hit.version ?? ''}`}>
                  <td>
                    {hit.index ? (
                      <Link className="strong-link" to={hit.version ? paths.packages.version.to(user, index, hit.name, hit.version) : paths.packages.project.to(user, index, hit.name)}>
                        {hit.name}{hit.version && <span className="mono"> {hit.version}</span>}
                      </Link>
                    ) : hit.name}
                  </td>
                  <td>{hit.index && <Badge>{hit.index}</Badge>}</td>
                  {result.mode === 'fulltext' && <td className="muted">{hit.excerpts.join(' … ')}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
        {result.items.length === 0 && <p className="empty">Nothing matches “{result.query}”.</p>}
      </div>
      {(result.offset > 0 || hasNext) && (
        <nav className="pager" aria-label="Pages of results">
          {result.mode === 'name' && <span className="muted">{result.offset + 1}–{last} of {result.total.toLocaleString()}</span>}
          <Button size="sm" disabled={result.offset === 0} onClick={() => onPage(Math.max(0, result.offset - step))}>Previous page</Button>
          <Button size="sm" disabled={!hasNext} onClick={() => onPage(result.offset + step)}>Next page</Button>
        </nav>
      )}
    </div>
  );
}
