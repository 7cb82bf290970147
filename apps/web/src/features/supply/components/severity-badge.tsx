import type { SeverityLevel, VulnerabilityFinding } from '@devpi-dashboard/dashboard-api';
import { Badge } from '../../../components/ui/badge';

const TONE: Record<SeverityLevel, 'danger' | 'warning' | 'accent' | 'neutral'> = {
  critical: 'danger',
  high: 'danger',
  medium: 'warning',
  low: 'accent',
  none: 'neutral',
  unknown: 'neutral',
};

/** `critical 9.8` with the CVSS vector as its tooltip. */
export function SeverityBadge({ severity }: { severity: VulnerabilityFinding['severity'] }) {
  const label = severity.level === 'unknown' ? 'severity unknown' : severity.level;
  return (
    <Badge tone={TONE[severity.level]} title={severity.vector ?? undefined}>
      {label}
      {severity.score !== null && ` ${severity.score.toFixed(1)}`}
    </Badge>
  );
}
