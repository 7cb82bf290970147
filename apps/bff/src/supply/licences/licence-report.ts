import type { LicenceGroup, LicenceReport } from '@devpi-dashboard/dashboard-api';
import type { HostedVersion } from '../hosted-releases.js';

const CLASSIFIER_PREFIX = 'License ::';

/** What packaging tools write when nobody said: it declares nothing. */
const isDeclared = (value: string | undefined): value is string => value !== undefined && value.trim() !== '' && value.trim().toUpperCase() !== 'UNKNOWN';

/** `License :: OSI Approved :: MIT License` → `MIT License`. */
export function classifierLicence(classifier: string): string | undefined {
  if (!classifier.startsWith(CLASSIFIER_PREFIX)) return undefined;
  const last = classifier.split('::').at(-1)?.trim();
  return last === undefined || last === '' || last === 'OSI Approved' ? undefined : last;
}

/** Each licence a release declares: its SPDX expression, its License field, its licence classifiers. */
export function declaredLicences(release: HostedVersion): Array<{ licence: string; source: LicenceGroup['source'] }> {
  const out: Array<{ licence: string; source: LicenceGroup['source'] }> = [];
  if (isDeclared(release.data.license_expression)) out.push({ licence: release.data.license_expression.trim(), source: 'expression' });
  if (isDeclared(release.data.license)) out.push({ licence: release.data.license.trim(), source: 'license' });
  for (const classifier of release.data.classifiers ?? []) {
    const licence = classifierLicence(classifier);
    if (licence !== undefined) out.push({ licence, source: 'classifier' });
  }
  return out;
}

/** Groups the releases by what they declare; a release in every group it declares, or in `none`. */
export function licenceReport(index: string, releases: readonly HostedVersion[]): LicenceReport {
  const groups = new Map<string, LicenceGroup>();
  const add = (licence: string | null, source: LicenceGroup['source'], release: HostedVersion) => {
    const key = `${source}\u0000${licence ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { licence, source, releases: [] };
      groups.set(key, group);
    }
    if (!group.releases.some((r) => r.project === release.project && r.version === release.version)) {
      group.releases.push({ project: release.project, version: release.version });
    }
  };
  for (const release of releases) {
    const declared = declaredLicences(release);
    if (declared.length === 0) add(null, 'none', release);
    for (const { licence, source } of declared) add(licence, source, release);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => (a.source === 'none' ? 1 : 0) - (b.source === 'none' ? 1 : 0) || b.releases.length - a.releases.length || (a.licence ?? '').localeCompare(b.licence ?? ''),
  );
  return { index, releases: releases.length, groups: sorted };
}

export const LICENCE_CSV_COLUMNS = ['index', 'project', 'version', 'license_expression', 'license', 'license_classifiers'] as const;

/** One CSV row per release, its declarations side by side, for a spreadsheet or a legal review. */
export function licenceCsvCells(release: HostedVersion): Array<string | null> {
  const classifiers = (release.data.classifiers ?? []).flatMap((c) => classifierLicence(c) ?? []);
  return [
    release.index,
    release.project,
    release.version,
    isDeclared(release.data.license_expression) ? release.data.license_expression.trim() : null,
    isDeclared(release.data.license) ? release.data.license.trim() : null,
    classifiers.length === 0 ? null : classifiers.join('; '),
  ];
}
