import { explain, rcompare } from '@renovatebot/pep440';

/** PEP 440 facts of a version string; invalid versions are neither pre-releases nor comparable. */
export function versionFacts(version: string): { prerelease: boolean; invalid: boolean } {
  const info = explain(version);
  return info ? { prerelease: info.is_prerelease, invalid: false } : { prerelease: false, invalid: true };
}

/** Newest first in PEP 440 order; versions PEP 440 cannot parse go last, in plain string order. */
export function sortNewestFirst(versions: string[]): string[] {
  const valid = versions.filter((v) => explain(v) !== null);
  const invalid = versions.filter((v) => explain(v) === null).sort().reverse();
  return [...valid.sort(rcompare), ...invalid];
}
