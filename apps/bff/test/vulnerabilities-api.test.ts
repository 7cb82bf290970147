import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, licenceReportSchema, osvImportResultSchema, vulnerabilityPageSchema, vulnerabilityStatusSchema } from '@devpi-dashboard/dashboard-api';
import { makeWheel } from '@devpi-dashboard/devpi-sim';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import { defaultRegistry } from '../src/jobs/kinds/index.js';
import { createLogger } from '../src/logger.js';
import { registerSupplyKinds, VULN_SCAN_KIND } from '../src/supply/vulns/scan-job.js';
import { createVulnScanner } from '../src/supply/vulns/vuln-scan.js';
import { osvDumpBytes } from '../src/test-support/osv-fixtures.js';
import { jobsHarness } from './support/jobs-harness.js';
import { LogCapture, spaHeaders } from './support/test-app.js';

describe('vulnerabilities and licences API: dump upload, scan job, report, CSV', () => {
  let h: Awaited<ReturnType<typeof jobsHarness>>;
  let alice: Awaited<ReturnType<typeof h.owner>>;
  const dev = () => `${alice.name}/dev`;
  const put = (user: string, body: Buffer | Uint8Array) =>
    request(h.bff.url).put('/+dashboard/api/vulnerabilities/osv-dump').set({ ...spaHeaders(h.bff.url), Cookie: h.cookie(user), 'Content-Type': 'application/zip' }).send(Buffer.from(body));
  const publish = async (client: DevpiClient, spec: Parameters<typeof makeWheel>[0]) => {
    const wheel = makeWheel(spec);
    await client.upload(alice.name, 'dev', { filename: wheel.filename, content: wheel.content, name: wheel.name, version: wheel.version, metadata: wheel.metadata });
  };

  beforeAll(async () => {
    h = await jobsHarness({
      env: { OSV_UPLOAD_MAX_MB: '1' },
      registry: (store, config) => {
        const { scanner, vulns } = createVulnScanner({ store, config, logger: createLogger('silent', new LogCapture()), now: Date.now });
        return registerSupplyKinds(defaultRegistry(), scanner, vulns);
      },
    });
    alice = await h.owner('vulnalice');
    await alice.client.createIndex(alice.name, 'dev', { bases: [] });
    await publish(alice.client, { name: 'Acme.Widgets', version: '1.1.0', license: 'Proprietary', classifiers: ['License :: Other/Proprietary License'] });
    await publish(alice.client, { name: 'acme-widgets', version: '1.2.0', license: 'Proprietary' });
    await publish(alice.client, { name: 'billing-app', version: '3.0', requiresDist: ['oldlib (<1.0)', 'acme-widgets>=1.2'] });
    await h.login('root', h.devpi.target.rootPassword);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lets only root replace the OSV database, refuses what is no dump or too large, and records the import', async () => {
    const refused = await put(alice.name, osvDumpBytes()).expect(403);
    expect(refused.body.error.code).toBe(errorCodes.rootOnly);
    const junk = await put('root', Buffer.from('this is not a zip')).expect(400);
    expect(junk.body.error).toMatchObject({ code: errorCodes.osvDumpInvalid, message: expect.stringContaining('not an OSV dump') });
    const huge = await put('root', Buffer.alloc(1024 * 1024 + 10, 1)).expect(413);
    expect(huge.body.error.message).toContain('OSV_UPLOAD_MAX_MB');

    const imported = osvImportResultSchema.parse((await put('root', osvDumpBytes()).expect(200)).body);
    expect(imported).toMatchObject({ kept: 4, skipped: 2 });
    const status = vulnerabilityStatusSchema.parse((await h.api.get('root', '/vulnerabilities/status').expect(200)).body);
    expect(status.database).toMatchObject({ entries: 4, online: false, pendingDump: false });

    const rows = (await h.history.list({ action: 'osv.import' }, { kind: 'all' }, 0, 10)).rows;
    expect(rows.map((row) => [row.actor, row.outcome])).toEqual(expect.arrayContaining([['root', 'ok'], ['root', 'failed']]));
  });

  it('scans as a job and reports the affected release and the requirement that admits an affected version', async () => {
    const created = await h.create('root', VULN_SCAN_KIND, {});
    const planned = await h.waitFor('root', created.id, ['awaiting_confirmation', 'failed']);
    expect(planned.state).toBe('awaiting_confirmation');
    expect((await h.items('root', created.id)).items.map((item) => item.key)).toContain(dev());
    await h.api.post('root', `/jobs/${created.id}/start`).expect(200);
    expect((await h.waitFor('root', created.id, ['done', 'failed'])).state).toBe('done');

    const page = vulnerabilityPageSchema.parse((await h.api.get(alice.name, `/vulnerabilities?index=${encodeURIComponent(dev())}`).expect(200)).body);
    expect(page.items.map((f) => [f.project, f.version, f.kind, f.id])).toEqual([
      ['Acme.Widgets', '1.1.0', 'release', 'PYSEC-2099-1'],
      ['billing-app', '3.0', 'dependency', 'PYSEC-2099-4'],
    ]);
    expect(page.items[0]).toMatchObject({ severity: { level: 'critical', score: 9.8 }, fixed: ['1.2.0'], aliases: ['CVE-2099-0001', 'GHSA-aaaa-bbbb-cccc'] });
    expect(page.items[1]).toMatchObject({ requirement: 'oldlib (<1.0)', admitted: ['0.9'], package: 'OldLib' });

    const one = vulnerabilityPageSchema.parse((await h.api.get(alice.name, `/vulnerabilities?index=${encodeURIComponent(dev())}&project=acme_widgets&version=1.1.0`).expect(200)).body);
    expect(one.total).toBe(1);
    expect((await h.api.get(alice.name, '/vulnerabilities?severity=bogus').expect(400)).body.error.code).toBe(errorCodes.validation);

    const csv = await h.api.get('root', `/vulnerabilities/export.csv?index=${encodeURIComponent(dev())}`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('index,project,version,kind,requirement,package,id,aliases,summary,severity,cvss_score,cvss_vector,affected,fixed,admitted,link');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"PYSEC-2099-1"');

    const status = vulnerabilityStatusSchema.parse((await h.api.get('root', '/vulnerabilities/status').expect(200)).body);
    expect(status.lastScanAt).not.toBeNull();
    expect(status.indexes.find((scan) => scan.index === dev())).toMatchObject({ releases: 3, findings: 2 });
  });

  it('needs a login for the report', async () => {
    await request(h.bff.url).get('/+dashboard/api/vulnerabilities').expect(401);
  });

  it('groups the licences of an index and exports them one release a row', async () => {
    const report = licenceReportSchema.parse((await h.api.get(alice.name, `/licences/${alice.name}/dev`).expect(200)).body);
    expect(report.releases).toBe(3);
    expect(report.groups).toEqual([
      { licence: 'Proprietary', source: 'license', releases: [{ project: 'Acme.Widgets', version: '1.1.0' }, { project: 'acme-widgets', version: '1.2.0' }] },
      { licence: 'Other/Proprietary License', source: 'classifier', releases: [{ project: 'Acme.Widgets', version: '1.1.0' }] },
      { licence: null, source: 'none', releases: [{ project: 'billing-app', version: '3.0' }] },
    ]);
    const csv = await h.api.get(alice.name, `/licences/${alice.name}/dev/export.csv`).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('index,project,version,license_expression,license,license_classifiers');
    await h.api.get(alice.name, `/licences/${alice.name}/nope`).expect(404);
  });
});
