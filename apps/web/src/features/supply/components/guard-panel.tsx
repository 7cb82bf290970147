import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ConfusionFinding, GuardIndex } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/page-header';
import { indexParts, paths } from '../../../config/paths';
import { describeError } from '../../../lib/errors';
import { guardQueryOptions, useWhitelistFix } from '../api/guard';
import './supply.css';

function Finding({ finding, onResolve }: { finding: ConfusionFinding; onResolve: (project: string) => void }) {
  const fix = useWhitelistFix();
  const [done, setDone] = useState<string | null>(null);
  return (
    <li className="guard-finding">
      <div className="guard-finding-head">
        <span className="mono guard-project">{finding.project}</span>
        {finding.pipGets === 'mixed' ? <Badge tone="danger">pip gets the mirror's too</Badge> : <Badge tone="success">only private releases</Badge>}
        {finding.upstreamHigher && <Badge tone="warning">newer upstream: {finding.upstreamLatest}</Badge>}
      </div>
      <p className="guard-risk">{finding.risk}</p>
      <p className="muted guard-facts">
        Private on <span className="mono">{finding.privateOn.join(', ')}</span> (latest {finding.privateLatest ?? 'none'}); on <span className="mono">{finding.mirror}</span>: {finding.upstreamLatest ?? 'no version read'}.
      </p>
      <div className="guard-actions">
        <Button
          size="sm"
          variant={finding.fix.op === 'remove' ? 'primary' : 'secondary'}
          busy={fix.isPending}
          onClick={() => fix.mutate(finding.fix, { onSuccess: () => setDone(`devpi applied ${finding.fix.operation} on ${finding.fix.index}.`) })}
        >
          {finding.fix.label}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onResolve(finding.project)}>Resolve {finding.project}</Button>
        <span className="mono muted guard-op">{finding.fix.operation}</span>
      </div>
      {fix.isError && <Alert tone="error" title={`devpi refused ${finding.fix.operation}`}>{describeError(fix.error)}</Alert>}
      {done && <p role="status" className="muted">{done}</p>}
    </li>
  );
}

function GuardCard({ ix, onResolve }: { ix: GuardIndex; onResolve: (index: string, project: string) => void }) {
  const [user, index] = indexParts(ix.index);
  return (
    <Card className="guard-card" title={<Link className="mono" to={paths.indexes.detail.to(user, index)}>{ix.index}</Link>}>
      <p className="muted guard-meta">{ix.privateProjects} private · mirrors {ix.mirrors.join(', ')} · whitelist {ix.whitelist.length ? ix.whitelist.join(', ') : 'empty'} ({ix.inheritance})</p>
      {ix.warnings.length > 0 && (
        <Alert tone="warning" title="Warnings">
          <ul>{ix.warnings.map((w) => <li key={`${w.code}:${w.project ?? ''}`}>{w.message}</li>)}</ul>
        </Alert>
      )}
      {ix.findings.length === 0 ? (
        <p className="muted">No private project of {ix.index} is named like a project on {ix.mirrors.join(', ')}.</p>
      ) : (
        <ul className="guard-findings" aria-label={`Private names on ${ix.index} that also exist on a mirror`}>
          {ix.findings.map((f) => <Finding key={`${f.project}:${f.mirror}`} finding={f} onResolve={(p) => onResolve(ix.index, p)} />)}
        </ul>
      )}
    </Card>
  );
}

/** The dependency-confusion guard: every stage that inherits from a mirror, with its clashing names. */
export function GuardPanel({ only, onResolve }: { only?: string; onResolve: (index: string, project: string) => void }) {
  const { data, error, isPending } = useQuery(guardQueryOptions());
  if (isPending) return <p className="muted">Checking private names against the cached mirror lists…</p>;
  if (error) return <Alert tone="error" title="The guard could not run">{describeError(error)}</Alert>;
  const shown = data.indexes.filter((ix) => only === undefined || ix.index === only);
  return (
    <>
      {data.unavailableMirrors.map((m) => (
        <Alert key={m.mirror} tone="warning" title={`${m.mirror}: name list not available`}>{m.message}</Alert>
      ))}
      {shown.length === 0 && <p className="muted">No stage index inherits from a mirror{only ? ` (${only})` : ''}: there is nothing a public upload could shadow.</p>}
      {shown.map((ix) => <GuardCard key={ix.index} ix={ix} onResolve={onResolve} />)}
    </>
  );
}
