import type { VulnerabilityFinding } from '@devpi-dashboard/dashboard-api';
import { SeverityBadge } from './severity-badge';

/** What a finding is about, in one sentence: the release itself, or a requirement it declares. */
export function findingSubject(finding: VulnerabilityFinding): string {
  if (finding.kind === 'release') return `${finding.project} ${finding.version} is affected`;
  const versions = finding.admitted.length > 0 ? `admits affected ${finding.package} ${finding.admitted.join(', ')}` : `admits versions of ${finding.package} in the affected range`;
  return `Requires ${finding.requirement ?? finding.package}, which ${versions}`;
}

/** One finding's facts: id and aliases, severity, summary, affected and fixed versions, link. */
export function FindingDetails({ finding }: { finding: VulnerabilityFinding }) {
  return (
    <div className="finding">
      <p className="finding-head">
        <a href={finding.link} rel="noreferrer" target="_blank" className="mono">{finding.id}</a>
        <SeverityBadge severity={finding.severity} />
        {finding.aliases.length > 0 && <span className="muted finding-aliases">{finding.aliases.join(', ')}</span>}
      </p>
      {finding.summary && <p>{finding.summary}</p>}
      <p className="muted">{findingSubject(finding)}.</p>
      <dl className="finding-facts">
        <dt>Affected</dt>
        <dd>{finding.affected.length > 0 ? finding.affected.join('; ') : 'listed versions'}</dd>
        <dt>Fixed in</dt>
        <dd>{finding.fixed.length > 0 ? finding.fixed.join(', ') : 'no fixed version yet'}</dd>
      </dl>
    </div>
  );
}
