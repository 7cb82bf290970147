import { Status } from '@devpi-dashboard/devpi-client';
import { describe, expect, it } from 'vitest';
import { assessStatus } from './status-health';

describe('assessStatus', () => {
  it('reports a healthy primary as such', () => {
    const status = Status.parse({ serial: 49, role: 'MASTER', 'event-serial': 48, polling_replicas: {}, metrics: [['devpi_web_whoosh_index_error_queue_size', 'gauge', 0]] });
    expect(assessStatus(status).findings).toEqual([]);
  });

  it('warns about replica lag, replication errors, lagging replicas and search indexing errors', () => {
    const replica = Status.parse({ serial: 40, role: 'REPLICA', 'primary-serial': 45, 'replication-errors': { 'root/acme': 'checksum mismatch' } });
    expect(assessStatus(replica).replicaLag).toBe(5);
    expect(assessStatus(replica).findings.map((finding) => finding.text)).toEqual([
      'This replica is 5 changes behind its primary.',
      'Replication error root/acme: checksum mismatch',
    ]);
    const primary = Status.parse({
      serial: 50, role: 'PRIMARY', polling_replicas: { abc: { serial: 47, 'remote-ip': '10.0.0.2' } }, metrics: [['devpi_web_whoosh_index_error_queue_size', 'gauge', 2]],
    });
    expect(assessStatus(primary).findings.map((finding) => finding.text)).toEqual([
      'devpi-web could not index 2 projects for search.',
      'Replica 10.0.0.2 is 3 changes behind.',
    ]);
  });
});
