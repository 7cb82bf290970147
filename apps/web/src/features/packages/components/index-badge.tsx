import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { splitIndex } from '../lib/params';

/** Names the index something comes from; shown only when it is not the page's own index. */
export function FromIndex({ from, here }: { from: string; here: string }) {
  if (!from || from === here) return null;
  const [user, index] = splitIndex(from);
  return (
    <Badge tone="neutral" title={`Inherited from ${from}`}>
      from <Link to={paths.packages.index.to(user, index)}>{from}</Link>
    </Badge>
  );
}
