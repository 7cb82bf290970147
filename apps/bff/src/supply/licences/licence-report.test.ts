import { describe, expect, it } from 'vitest';
import type { VersionData } from '@devpi-dashboard/devpi-client';
import type { HostedVersion } from '../hosted-releases.js';
import { classifierLicence, licenceCsvCells, licenceReport } from './licence-report.js';

const release = (project: string, version: string, data: Partial<VersionData>): HostedVersion => ({
  index: 'acme/prod', project, version, data: { name: project, version, ...data },
});

describe('licenceReport', () => {
  it('groups releases by expression, License field and classifier, with the undeclared last', () => {
    const report = licenceReport('acme/prod', [
      release('a', '1', { license_expression: 'MIT' }),
      release('b', '1', { license_expression: 'MIT', classifiers: ['License :: OSI Approved :: MIT License', 'Framework :: Django'] }),
      release('c', '2', { license: 'Proprietary' }),
      release('d', '0.1', { license: 'UNKNOWN', classifiers: ['Programming Language :: Python'] }),
      release('e', '0.1', {}),
    ]);
    expect(report.releases).toBe(5);
    expect(report.groups).toEqual([
      { licence: 'MIT', source: 'expression', releases: [{ project: 'a', version: '1' }, { project: 'b', version: '1' }] },
      { licence: 'MIT License', source: 'classifier', releases: [{ project: 'b', version: '1' }] },
      { licence: 'Proprietary', source: 'license', releases: [{ project: 'c', version: '2' }] },
      { licence: null, source: 'none', releases: [{ project: 'd', version: '0.1' }, { project: 'e', version: '0.1' }] },
    ]);
  });

  it('reads the licence of a classifier and ignores the others', () => {
    expect(classifierLicence('License :: OSI Approved :: Apache Software License')).toBe('Apache Software License');
    expect(classifierLicence('License :: OSI Approved')).toBeUndefined();
    expect(classifierLicence('Topic :: Software Development')).toBeUndefined();
  });

  it('puts every declaration of a release on its CSV row', () => {
    expect(licenceCsvCells(release('b', '1', { license_expression: 'MIT OR Apache-2.0', classifiers: ['License :: OSI Approved :: MIT License'] }))).toEqual([
      'acme/prod', 'b', '1', 'MIT OR Apache-2.0', null, 'MIT License',
    ]);
  });
});
