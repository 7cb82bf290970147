import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../test-support/store-dialects.js';
import { osvFixtures } from '../../test-support/osv-fixtures.js';
import { createStore, type Store } from '../../store/index.js';
import { parseOsvEntry, type OsvRecord } from './osv-entry.js';
import type { Finding } from './scanner.js';
import { VulnStore } from './vuln-store.js';

const records = Object.values(osvFixtures()).flatMap((json) => parseOsvEntry(json) ?? []);

const finding = (index: string, project: string, version: string, level: Finding['severity']['level'], id: string): Finding => ({
  index, project, version, kind: 'release', requirement: null, package: project, vulnId: id, aliases: ['CVE-1'], summary: `${id} summary`,
  severity: { level, vector: level === 'critical' ? 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' : null, score: level === 'critical' ? 9.8 : null },
  affected: ['<2.0'], fixed: ['2.0'], admitted: [], link: `https://osv.dev/vulnerability/${id}`,
});

forEachDialect('vulnerability store', (target) => {
  afterAll(() => target.cleanup());
  let store: Store;
  let vulns: VulnStore;
  beforeEach(async () => {
    store = await createStore(await target.freshConfig());
    vulns = new VulnStore(store);
  });
  afterEach(() => store.close());

  describe('imported entries', () => {
    it('replaces the whole database and reads it back in id order', async () => {
      await vulns.replaceEntries(records, { id: 'imp-1', importedAt: 1_000, source: 'test', kept: records.length, skipped: 2, actor: 'root' });
      await vulns.replaceEntries(records.slice(0, 2), { id: 'imp-2', importedAt: 2_000, source: 'test', kept: 2, skipped: 0, actor: 'root' });
      const back: OsvRecord[] = [];
      for await (const record of vulns.entries(1)) back.push(record);
      expect(back).toEqual([...records.slice(0, 2)].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(await vulns.lastImport()).toEqual({ id: 'imp-2', importedAt: 2_000, source: 'test', kept: 2, skipped: 0 });
    });

    it('holds thousands of entries in one import', async () => {
      const many = Array.from({ length: 2_500 }, (_, n) => ({ ...records[0]!, id: `BULK-${String(n).padStart(5, '0')}` }));
      await vulns.replaceEntries(many, { id: 'imp', importedAt: 1, source: 'bulk', kept: many.length, skipped: 0, actor: null });
      let count = 0;
      for await (const _record of vulns.entries()) count += 1;
      expect(count).toBe(2_500);
    });
  });

  describe('findings', () => {
    it('replaces one index at a time, pages most severe first and filters', async () => {
      await vulns.replaceIndexFindings({ index: 'acme/prod', scanId: 's1', scannedAt: 10, database: 'db', releases: 3, findings: 0 }, [
        finding('acme/prod', 'Low.Pkg', '1.0', 'low', 'L-1'),
        finding('acme/prod', 'Crit_Pkg', '1.0', 'critical', 'C-1'),
      ]);
      await vulns.replaceIndexFindings({ index: 'ünï/dev', scanId: 's1', scannedAt: 11, database: 'db', releases: 1, findings: 0 }, [
        finding('ünï/dev', 'mid', '0.1', 'medium', 'M-1'),
      ]);
      const all = await vulns.findings({}, 0, 10);
      expect(all.total).toBe(3);
      expect(all.items.map((f) => f.id)).toEqual(['C-1', 'M-1', 'L-1']);
      expect(all.items[0]).toMatchObject({ severity: { level: 'critical', score: 9.8 }, aliases: ['CVE-1'], fixed: ['2.0'], project: 'Crit_Pkg' });
      expect((await vulns.findings({ project: 'crit-pkg' }, 0, 10)).items.map((f) => f.id)).toEqual(['C-1']);
      expect((await vulns.findings({ severity: 'medium' }, 0, 10)).items.map((f) => f.index)).toEqual(['ünï/dev']);
      expect((await vulns.findings({ readable: ['acme/prod'] }, 0, 1)).items.map((f) => f.id)).toEqual(['C-1']);
      expect((await vulns.findings({ readable: [] }, 0, 10)).total).toBe(0);

      await vulns.replaceIndexFindings({ index: 'acme/prod', scanId: 's2', scannedAt: 20, database: 'db2', releases: 3, findings: 0 }, []);
      expect((await vulns.findings({ index: 'acme/prod' }, 0, 10)).total).toBe(0);
      expect(await vulns.indexScans()).toEqual([
        { index: 'acme/prod', scanId: 's2', scannedAt: 20, database: 'db2', releases: 3, findings: 0 },
        { index: 'ünï/dev', scanId: 's1', scannedAt: 11, database: 'db', releases: 1, findings: 1 },
      ]);
      await vulns.forgetIndexesExcept(['acme/prod']);
      expect((await vulns.indexScans()).map((scan) => scan.index)).toEqual(['acme/prod']);
      expect((await vulns.findings({}, 0, 10)).total).toBe(0);
    });
  });
});
