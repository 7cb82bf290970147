import { validRange } from '@renovatebot/pep440';
import { normalizeProjectName } from '@devpi-dashboard/devpi-client';
import type { OsvLookup, OsvMatchable } from './osv-database.js';
import type { Severity } from './severity.js';
import { parseRequirement, type Requirement } from './requirement.js';
import { compare, describeRanges, fixedVersions, isAffected, isPep440, satisfies } from './version-match.js';

/** A release hosted on a stage index, as the scan reads it from devpi. */
export interface HostedRelease {
  /** `user/index`. */
  index: string;
  project: string;
  version: string;
  requiresDist: readonly string[];
}

export interface Finding {
  index: string;
  project: string;
  version: string;
  /** `release`: this version is affected. `dependency`: a requirement it declares admits affected versions. */
  kind: 'release' | 'dependency';
  /** The requirement line, for `dependency` findings. */
  requirement: string | null;
  /** The affected package: the project itself, or the dependency. */
  package: string;
  vulnId: string;
  aliases: string[];
  summary: string | null;
  severity: Severity;
  /** The affected ranges in specifier words, plus the count of explicitly listed versions. */
  affected: string[];
  fixed: string[];
  /** For dependencies: the affected versions (listed by the entry or hosted here) the specifier admits. */
  admitted: string[];
  link: string;
}

function pep440Order(a: string, b: string): number {
  return isPep440(a) && isPep440(b) ? compare(a, b) : a.localeCompare(b);
}

const described = new WeakMap<OsvMatchable['affected'], ReturnType<typeof describeUncached>>();

/** What a finding says about the entry, the same for a release and a dependency (worked out once per entry). */
function describe(match: OsvMatchable) {
  let known = described.get(match.affected);
  if (known === undefined) {
    known = describeUncached(match);
    described.set(match.affected, known);
  }
  return known;
}

function describeUncached(match: OsvMatchable) {
  const { record, affected } = match;
  const ranges = describeRanges(affected);
  const listed = affected.versions.length === 0 ? [] : [`${affected.versions.length} listed version${affected.versions.length === 1 ? '' : 's'}`];
  return {
    package: affected.name,
    vulnId: record.id,
    aliases: record.aliases,
    summary: record.summary,
    severity: record.severity,
    affected: [...ranges, ...listed],
    fixed: fixedVersions(affected),
    link: record.link,
  };
}

function admits(requirement: Requirement, version: string): boolean {
  if (requirement.specifier === '') return true;
  if (!isPep440(version)) return false;
  return satisfies(version, requirement.specifier);
}

/**
 * Versions that stand for an affected range when the entry lists none: the range's own bounds
 * and the specifier's, so `>=1.5` against `<2.0` is seen to overlap without naming a version.
 */
function probes(requirement: Requirement, match: OsvMatchable): string[] {
  const bounds = match.affected.ranges.flatMap((range) =>
    range.flatMap((event) => [event.introduced, event.lastAffected].filter((v): v is string => v !== undefined)),
  );
  const fromSpecifier = requirement.specifier
    .split(',')
    .map((clause) => /^\s*(~=|==|<=|>=|<|>)\s*([^\s*]+)\s*$/.exec(clause))
    .flatMap((clause) => (clause?.[2] === undefined ? [] : [clause[2], `${clause[2]}.1`]));
  return [...bounds, ...fromSpecifier].filter(isPep440);
}

/** A dependency finding when the requirement admits affected versions; exact about which. */
function checkRequirement(requirement: Requirement, match: OsvMatchable, hosted: readonly string[]): string[] | undefined {
  const known = new Set([...match.affected.versions, ...hosted]);
  const admitted = [...known].filter((version) => isAffected(version, match.affected) && admits(requirement, version)).sort(pep440Order);
  if (admitted.length > 0) return admitted;
  const overlaps = probes(requirement, match).some((version) => isAffected(version, match.affected) && admits(requirement, version));
  return overlaps ? [] : undefined;
}

/**
 * Matches releases against the database: each release's own version, and each requirement it
 * declares against the dependency's entries. Pure: the job reads devpi and stores the findings.
 */
export function scanReleases(database: OsvLookup, releases: readonly HostedRelease[]): Finding[] {
  const hostedVersions = new Map<string, string[]>();
  for (const release of releases) {
    const key = normalizeProjectName(release.project);
    const list = hostedVersions.get(key);
    if (list === undefined) hostedVersions.set(key, [release.version]);
    else list.push(release.version);
  }
  const requirements = new Map<string, Requirement | null>();
  const requirementOf = (line: string): Requirement | null => {
    let requirement = requirements.get(line);
    if (requirement === undefined) {
      const parsed = parseRequirement(line);
      const usable = parsed !== undefined && !parsed.url && (parsed.specifier === '' || validRange(parsed.specifier));
      requirement = usable ? parsed : null;
      requirements.set(line, requirement);
    }
    return requirement;
  };
  const checked = new Map<string, string[] | undefined>();
  const findings: Finding[] = [];
  for (const release of releases) {
    const base = { index: release.index, project: release.project, version: release.version };
    for (const match of database.forPackage(normalizeProjectName(release.project))) {
      if (isAffected(release.version, match.affected)) {
        findings.push({ ...base, kind: 'release', requirement: null, admitted: [], ...describe(match) });
      }
    }
    for (const line of release.requiresDist) {
      const requirement = requirementOf(line);
      if (requirement === null) continue;
      for (const match of database.forPackage(requirement.key)) {
        // Versions of a project mostly repeat their requirements: each line is checked once per entry.
        const checkKey = `${line}\u0000${match.record.id}`;
        let admitted = checked.get(checkKey);
        if (!checked.has(checkKey)) {
          admitted = checkRequirement(requirement, match, hostedVersions.get(requirement.key) ?? []);
          checked.set(checkKey, admitted);
        }
        if (admitted !== undefined) findings.push({ ...base, kind: 'dependency', requirement: requirement.text, admitted, ...describe(match) });
      }
    }
  }
  return findings;
}
