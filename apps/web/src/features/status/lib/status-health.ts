import type { Status } from '@devpi-dashboard/devpi-client';
import { z } from 'zod';

/** Replication keys of `+status` that the client keeps as unknown extras; parsed here. */
const replicationSchema = z
  .object({
    'event-serial': z.number().nullable(),
    'primary-serial': z.number().nullable(),
    'master-serial': z.number().nullable(),
    'primary-url': z.string().nullable(),
    'master-url': z.string().nullable(),
    'replica-in-sync-at': z.number().nullable(),
    'primary-contacted-at': z.number().nullable(),
    'replication-errors': z.record(z.string(), z.unknown()),
    polling_replicas: z.record(
      z.string(),
      z.object({ serial: z.number().optional(), 'remote-ip': z.string().optional(), 'outside-url': z.string().nullable().optional(), 'last-request': z.number().optional() }).loose(),
    ),
  })
  .partial();

export interface Finding {
  tone: 'warning' | 'error';
  text: string;
}

export interface Health {
  primaryUrl: string | undefined;
  replicaLag: number | undefined;
  eventLag: number | undefined;
  replicas: { id: string; serial: number | undefined; lag: number | undefined; address: string | undefined }[];
  findings: Finding[];
}

function metric(status: Status, name: string): number | undefined {
  return status.metrics?.find(([metricName]) => metricName === name)?.[2];
}

/** What in `+status` deserves attention, said plainly. */
export function assessStatus(status: Status): Health {
  const parsed = replicationSchema.safeParse(status);
  const extra = parsed.success ? parsed.data : {};
  const findings: Finding[] = [];
  const primarySerial = extra['primary-serial'] ?? extra['master-serial'] ?? undefined;
  const replicaLag = primarySerial === undefined || primarySerial === null ? undefined : Math.max(0, primarySerial - status.serial);
  if (replicaLag !== undefined && replicaLag > 0) {
    findings.push({ tone: 'warning', text: `This replica is ${replicaLag} change${replicaLag === 1 ? '' : 's'} behind its primary.` });
  }
  const eventSerial = extra['event-serial'];
  const eventLag = typeof eventSerial === 'number' ? Math.max(0, status.serial - eventSerial) : undefined;
  if (eventLag !== undefined && eventLag > 10) {
    findings.push({ tone: 'warning', text: `devpi's event processing (search index, hooks) is ${eventLag} changes behind.` });
  }
  for (const [key, value] of Object.entries(extra['replication-errors'] ?? {})) {
    findings.push({ tone: 'error', text: `Replication error ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}` });
  }
  const searchErrors = metric(status, 'devpi_web_whoosh_index_error_queue_size');
  if (searchErrors !== undefined && searchErrors > 0) {
    findings.push({ tone: 'warning', text: `devpi-web could not index ${searchErrors} project${searchErrors === 1 ? '' : 's'} for search.` });
  }
  const replicas = Object.entries(extra.polling_replicas ?? {}).map(([id, info]) => ({
    id,
    serial: info.serial,
    lag: info.serial === undefined ? undefined : Math.max(0, status.serial - info.serial),
    address: info['outside-url'] ?? info['remote-ip'],
  }));
  for (const replica of replicas) {
    if (replica.lag !== undefined && replica.lag > 0) findings.push({ tone: 'warning', text: `Replica ${replica.address ?? replica.id} is ${replica.lag} changes behind.` });
  }
  return { primaryUrl: extra['primary-url'] ?? extra['master-url'] ?? undefined, replicaLag, eventLag, replicas, findings };
}
