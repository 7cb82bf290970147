import type { TokenSummary } from '@devpi-dashboard/dashboard-api';
import { Badge } from '../../../components/ui/badge';
import { formatWhen } from '../../../lib/format-date';
import { permissionLabel } from './permission-labels';

export function expiryText(token: TokenSummary): string {
  if (token.expires === null) return 'no expiry recorded';
  if (token.expires === 'never') return 'never';
  return formatWhen(token.expires);
}

/** What a token may do, in words: permissions, indexes, projects and lifetime. */
export function TokenRestrictions({ token }: { token: TokenSummary }) {
  return (
    <dl className="token-restrictions">
      <dt>Permissions</dt>
      <dd>{token.allowed === null ? 'everything the user may, except account and token changes' : token.allowed.length === 0 ? 'none' : token.allowed.map(permissionLabel).join(', ')}</dd>
      <dt>Indexes</dt>
      <dd>{token.indexes === null ? 'any' : token.indexes.map((name) => <span key={name} className="mono token-chip">{name}</span>)}</dd>
      <dt>Projects</dt>
      <dd>{token.projects === null ? 'any' : token.projects.map((name) => <span key={name} className="mono token-chip">{name}</span>)}</dd>
      <dt>Expires</dt>
      <dd>
        {expiryText(token)} {token.expired && <Badge tone="danger">expired</Badge>}
        {token.notBefore !== null && <> (valid from {formatWhen(token.notBefore)})</>}
      </dd>
      {token.other.length > 0 && (
        <>
          <dt>Other</dt>
          <dd className="mono">{token.other.join(', ')}</dd>
        </>
      )}
    </dl>
  );
}
