import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { osvFixtures, writeOsvDump } from '../../test-support/osv-fixtures.js';
import { OsvDatabase } from './osv-database.js';
import { OsvDumpError, readOsvDump } from './osv-dump.js';
import { parseOsvEntry, type OsvAffected } from './osv-entry.js';
import { scanReleases, type HostedRelease } from './scanner.js';
import { cvss3BaseScore } from './severity.js';
import { describeRanges, inRange, isAffected } from './version-match.js';

const dir = mkdtempSync(join(tmpdir(), 'osv-dump-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fixtureDatabase(): Promise<OsvDatabase> {
  const database = new OsvDatabase();
  await readOsvDump(writeOsvDump(join(dir, `all-${Math.random()}.zip`)), (record) => database.add(record));
  return database;
}

const release = (project: string, version: string, requiresDist: string[] = []): HostedRelease => ({ index: 'acme/prod', project, version, requiresDist });
const affected = (ranges: OsvAffected['ranges'], versions: string[] = []): OsvAffected => ({ name: 'x', key: 'x', ranges, versions });

describe('ECOSYSTEM ranges in PEP 440 order', () => {
  it('opens at introduced and closes at fixed', () => {
    const range = [{ introduced: '1.0' }, { fixed: '1.2.0' }];
    expect(['0.9', '1.0', '1.0.post1', '1.1.9', '1.2.0rc1', '1.2.0', '1.10'].map((v) => inRange(v, range))).toEqual([false, true, true, true, true, false, false]);
  });

  it('treats introduced 0 as the first release and an open end as every later one', () => {
    expect(inRange('0.0.1.dev1', [{ introduced: '0' }])).toBe(true);
    expect(inRange('99', [{ introduced: '3' }])).toBe(true);
  });

  it('includes last_affected itself and nothing after it', () => {
    const range = [{ introduced: '2.0' }, { lastAffected: '2.3.1' }];
    expect(['1.9', '2.0', '2.3.1', '2.3.1.post1', '2.3.2'].map((v) => inRange(v, range))).toEqual([false, true, true, false, false]);
  });

  it('sorts events before walking them and handles several intervals in one range', () => {
    const range = [{ fixed: '3.1' }, { introduced: '3.0' }, { fixed: '1.5' }, { introduced: '0' }];
    expect(['1.0', '1.5', '2.0', '3.0', '3.1'].map((v) => inRange(v, range))).toEqual([true, false, false, true, false]);
    expect(describeRanges(affected([range]))).toEqual(['<1.5', '>=3.0, <3.1']);
  });

  it('caps a range at its limit', () => {
    const range = [{ introduced: '1.0' }, { limit: '3.0' }];
    expect(['0.9', '1.0', '2.9', '3.0', '4'].map((v) => inRange(v, range))).toEqual([false, true, true, false, false]);
  });

  it('matches explicit versions with PEP 440 equality, and only those for an unparseable version', () => {
    const list = affected([], ['1.0', 'not-a-version']);
    expect(isAffected('1.0.0', list)).toBe(true);
    expect(isAffected('not-a-version', list)).toBe(true);
    expect(isAffected('1.0.1', list)).toBe(false);
    expect(isAffected('weird', affected([[{ introduced: '0' }]]))).toBe(false);
  });
});

describe('OSV entries', () => {
  it('ignores withdrawn entries, other ecosystems and non-ECOSYSTEM ranges, and normalises names', () => {
    const fixtures = osvFixtures();
    expect(parseOsvEntry(fixtures['PYSEC-2099-3.json'])).toBeUndefined();
    expect(parseOsvEntry(fixtures['NPM-2099-5.json'])).toBeUndefined();
    const limited = parseOsvEntry(fixtures['PYSEC-2099-6.json']);
    expect(limited?.affected[0]?.ranges).toHaveLength(1);
    const widgets = parseOsvEntry(fixtures['PYSEC-2099-1.json']);
    expect(widgets?.affected[0]).toMatchObject({ name: 'Acme_Widgets', key: 'acme-widgets' });
    expect(widgets?.aliases).toEqual(['CVE-2099-0001', 'GHSA-aaaa-bbbb-cccc']);
    expect(widgets?.link).toBe('https://example.org/advisories/PYSEC-2099-1');
    expect(parseOsvEntry({ id: 'X' })).toBeUndefined();
    expect(parseOsvEntry('nonsense')).toBeUndefined();
  });

  it('scores CVSS v3 vectors and falls back to the database word', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N')).toBe(6.4);
    expect(cvss3BaseScore('CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N')).toBe(2.2);
    expect(cvss3BaseScore('CVSS:4.0/AV:N')).toBeUndefined();
    const fixtures = osvFixtures();
    expect(parseOsvEntry(fixtures['PYSEC-2099-1.json'])?.severity).toEqual({
      level: 'critical', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8,
    });
    expect(parseOsvEntry(fixtures['GHSA-dddd-eeee-ffff.json'])?.severity).toEqual({ level: 'medium', vector: null, score: null });
  });
});

describe('readOsvDump', () => {
  it('keeps the PyPI entries of a zip and counts the rest', async () => {
    const database = new OsvDatabase();
    const summary = await readOsvDump(writeOsvDump(join(dir, 'all.zip'), { ...osvFixtures(), 'junk.json': { hello: 1 } }), (r) => database.add(r));
    expect(summary).toEqual({ kept: 4, skipped: 3 });
    expect(database.size).toBe(4);
  });

  it('refuses a file that is not a zip', async () => {
    const path = join(dir, 'not.zip');
    writeFileSync(path, 'plain text');
    await expect(readOsvDump(path, () => undefined)).rejects.toBeInstanceOf(OsvDumpError);
  });
});

describe('scanReleases', () => {
  it('flags affected releases with the entry facts and leaves others alone', async () => {
    const findings = scanReleases(await fixtureDatabase(), [
      release('acme.widgets', '1.1.0'),
      release('acme-widgets', '1.2.0'),
      release('acme-widgets', '2.0'),
      release('oldlib', '0.9.0'),
      release('requests-lite', '2.3.1'),
    ]);
    expect(findings.map((f) => [f.project, f.version, f.vulnId])).toEqual([
      ['acme.widgets', '1.1.0', 'PYSEC-2099-1'],
      ['oldlib', '0.9.0', 'PYSEC-2099-4'],
      ['requests-lite', '2.3.1', 'GHSA-dddd-eeee-ffff'],
    ]);
    expect(findings[0]).toMatchObject({
      kind: 'release', package: 'Acme_Widgets', aliases: ['CVE-2099-0001', 'GHSA-aaaa-bbbb-cccc'], fixed: ['1.2.0'],
      affected: ['<1.2.0', '2 listed versions'], summary: 'Remote code execution in widget templates',
    });
    expect(findings[2]).toMatchObject({ affected: ['>=2.0, <=2.3.1'], fixed: [] });
  });

  it('says which affected versions a requirement admits', async () => {
    const database = await fixtureDatabase();
    const findings = scanReleases(database, [
      release('app', '1.0', ['acme-widgets>=1.1', 'oldlib (<1.0)', 'requests_lite>=2.2; python_version >= "3.8"', 'limited-lib>=3']),
      release('acme-widgets', '1.1.0'),
      release('safe', '1.0', ['acme-widgets>=1.2', 'oldlib>=1', 'requests-lite>2.3.1', 'acme-widgets @ https://example.org/a.whl']),
    ]);
    const ofApp = findings.filter((f) => f.project === 'app');
    expect(ofApp.map((f) => [f.requirement, f.vulnId, f.admitted])).toEqual([
      ['acme-widgets>=1.1', 'PYSEC-2099-1', ['1.1.0']],
      ['oldlib (<1.0)', 'PYSEC-2099-4', ['0.9']],
      ['requests_lite>=2.2; python_version >= "3.8"', 'GHSA-dddd-eeee-ffff', []],
    ]);
    expect(ofApp.every((f) => f.kind === 'dependency')).toBe(true);
    expect(findings.filter((f) => f.project === 'safe')).toEqual([]);
  });

  it('flags an unpinned requirement on an affected package', async () => {
    const findings = scanReleases(await fixtureDatabase(), [release('app', '1', ['Requests.Lite'])]);
    expect(findings.map((f) => f.vulnId)).toEqual(['GHSA-dddd-eeee-ffff']);
  });
});
