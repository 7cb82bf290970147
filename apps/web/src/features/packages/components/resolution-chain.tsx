import type { ResolvedIndex } from '@devpi-dashboard/dashboard-api';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { splitIndex } from '../lib/params';
import './packages.css';

/** The index and its bases in devpi's resolution order: where a name is looked up, in turn. */
export function ResolutionChain({ resolution }: { resolution: ResolvedIndex[] }) {
  return (
    <ol className="resolution" aria-label="Resolution order">
      {resolution.map((r) => {
        const [user, index] = splitIndex(r.name);
        return (
          <li key={r.name}>
            {r.missing ? (
              <span className="mono missing name-clip" title={`${r.name}: this base no longer exists; devpi skips it`}>{r.name}</span>
            ) : (
              <Link className="mono name-clip" title={r.name} to={paths.packages.index.to(user, index)}>{r.name}</Link>
            )}
            {r.type === 'mirror' && <Badge tone="accent">mirror</Badge>}
            {r.missing && <Badge tone="danger">missing</Badge>}
          </li>
        );
      })}
    </ol>
  );
}
