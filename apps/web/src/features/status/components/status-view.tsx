import { isFullStatus, type Status, type StatusAnswer } from '@devpi-dashboard/devpi-client';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/page-header';
import { formatWhen } from '../../../lib/format-date';
import { assessStatus } from '../lib/status-health';
import { MetricsCards } from './metrics-cards';

function when(timestamp: number | undefined): string {
  return timestamp === undefined ? 'unknown' : formatWhen(timestamp * 1000);
}

/** `+status` as devpi gave it: the full view, or health only where devpi-admin withholds the rest. */
export function StatusView({ status }: { status: StatusAnswer }) {
  return isFullStatus(status) ? <FullStatusView status={status} /> : (
    <>
      {status.status === 'ok'
        ? <Alert tone="success">devpi says it is up.</Alert>
        : <Alert tone="error">devpi reports a fatal problem.</Alert>}
      <p className="muted">
        This server shows its role, serial, replicas and metrics only to signed-in users (devpi-admin). <Link to={paths.login.to(paths.status.to())}>Sign in</Link> to see them.
      </p>
    </>
  );
}

function FullStatusView({ status }: { status: Status }) {
  const health = assessStatus(status);
  const isReplica = status.role.toUpperCase() === 'REPLICA';
  return (
    <>
      {health.findings.length === 0 ? (
        <Alert tone="success">devpi reports no problems.</Alert>
      ) : (
        health.findings.map((finding) => <Alert key={finding.text} tone={finding.tone}>{finding.text}</Alert>)
      )}
      <div className="status-grid">
        <div className="stat"><span className="stat-label">Role</span><span className="stat-value">{status.role}</span></div>
        <div className="stat"><span className="stat-label">Serial</span><span className="stat-value">{status.serial}</span></div>
        <div className="stat">
          <span className="stat-label">{isReplica ? 'Behind primary' : 'Event processing lag'}</span>
          <span className="stat-value">{(isReplica ? health.replicaLag : health.eventLag) ?? '—'}</span>
        </div>
        <div className="stat"><span className="stat-label">Last change</span><span className="stat-value stat-small">{when(status['last-commit-timestamp'])}</span></div>
      </div>
      <Card title="Server">
        <dl className="definition-list">
          {Object.entries(status.versioninfo ?? {}).map(([name, version]) => (
            <div key={name} className="dl-row"><dt>{name}</dt><dd className="mono">{version}</dd></div>
          ))}
          {status.uuid && (<><dt>UUID</dt><dd className="mono">{status.uuid}</dd></>)}
          {health.primaryUrl && (<><dt>Primary</dt><dd className="mono">{health.primaryUrl}</dd></>)}
          {status['outside-url'] && (<><dt>Outside URL</dt><dd className="mono">{status['outside-url']}</dd></>)}
        </dl>
      </Card>
      {!isReplica && (
        <Card title="Replicas">
          {health.replicas.length === 0 ? <p className="muted">No replica is polling this server.</p> : (
            <ul>
              {health.replicas.map((replica) => (
                <li key={replica.id}>
                  <span className="mono">{replica.address ?? replica.id}</span> at serial {replica.serial ?? '?'}{' '}
                  {replica.lag ? <Badge tone="warning">{replica.lag} behind</Badge> : <Badge tone="success">in sync</Badge>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {status.metrics && status.metrics.length > 0 && <MetricsCards metrics={status.metrics} />}
    </>
  );
}
