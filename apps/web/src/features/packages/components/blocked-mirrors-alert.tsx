import { normalizeProjectName } from '@devpi-dashboard/devpi-client';
import { useQueries } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { projectPageQueryOptions } from '../api/packages';
import { splitIndex } from '../lib/params';

/**
 * devpi notes every mirror base a project is not whitelisted on, even mirrors that never had it.
 * The alert only matters where the mirror really has the name, so each mirror's name list (the
 * BFF's project search) is asked first; a mirror that cannot be asked is still listed.
 */
export function BlockedMirrorsAlert({ project, mirrors }: { project: string; mirrors: string[] }) {
  const wanted = normalizeProjectName(project);
  const results = useQueries({
    queries: mirrors.map((mirror) => {
      const [user, index] = splitIndex(mirror);
      return projectPageQueryOptions(user, index, { q: project, offset: 0, limit: 50, scope: 'own' });
    }),
  });
  const blocking = mirrors.filter((_mirror, i) => {
    const result = results[i];
    if (!result || result.isPending) return false;
    if (!result.data) return true;
    return result.data.items.some((item) => normalizeProjectName(item.name) === wanted);
  });
  if (blocking.length === 0) return null;
  return (
    <Alert tone="info" title="blocked by mirror whitelist">
      {project} is not in the <code>mirror_whitelist</code>, so devpi leaves out every release from{' '}
      {blocking.map((m, i) => <span key={m}>{i > 0 && ', '}<Badge tone="accent">{m}</Badge></span>)}.
    </Alert>
  );
}
