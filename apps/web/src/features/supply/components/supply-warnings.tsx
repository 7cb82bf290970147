import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { paths } from '../../../config/paths';
import { guardQueryOptions } from '../api/guard';

/** Whitelist `*` and higher-upstream-version warnings, for one index or for all (the Overview). */
export function SupplyWarnings({ index }: { index?: string }) {
  const { data } = useQuery(guardQueryOptions(index));
  const warnings = (data?.indexes ?? []).flatMap((ix) => ix.warnings);
  if (warnings.length === 0) return null;
  return (
    <Alert tone="warning" title="Dependency confusion" actions={<Link to={paths.supply.to(index)}>Open the guard</Link>}>
      <ul className="supply-warning-list">
        {warnings.map((w) => (
          <li key={`${w.code}:${w.index}:${w.project ?? ''}`}>{w.message}</li>
        ))}
      </ul>
    </Alert>
  );
}
