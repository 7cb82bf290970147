import { compare as pep440Compare, satisfies as pep440Satisfies, valid } from '@renovatebot/pep440';
import type { OsvAffected, OsvEvent } from './osv-entry.js';

/**
 * PEP 440 comparisons for OSV's ECOSYSTEM ranges, with the library the rest of the BFF uses.
 * Validity is cached: a scan asks about the same few thousand version strings millions of times.
 */
const validity = new Map<string, boolean>();
export function isPep440(version: string): boolean {
  let known = validity.get(version);
  if (known === undefined) {
    known = valid(version) !== null;
    if (validity.size > 200_000) validity.clear();
    validity.set(version, known);
  }
  return known;
}

/** A cache that forgets everything when full: a scan meets few distinct versions, so it rarely fills. */
function memo<T>(limit: number, compute: (a: string, b: string) => T): (a: string, b: string) => T {
  const known = new Map<string, T>();
  return (a, b) => {
    const key = `${a}\u0000${b}`;
    let value = known.get(key);
    if (value === undefined) {
      value = compute(a, b);
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

/** PEP 440 order of two valid versions; the library parses on every call, so answers are kept. */
export const compare = memo(500_000, pep440Compare);

/** Whether a valid version satisfies a specifier, pre-releases included (a scan errs towards flagging). */
export const satisfies = memo(500_000, (version: string, specifier: string) => pep440Satisfies(version, specifier, { prereleases: true }));

const eventVersion = (event: OsvEvent): string =>
  event.introduced ?? event.fixed ?? event.lastAffected ?? event.limit ?? '0';

/** `introduced: "0"` means "from the first release"; it sorts before every version. */
const isZero = (event: OsvEvent) => event.introduced === '0';

function byVersion(a: OsvEvent, b: OsvEvent): number {
  if (isZero(a)) return isZero(b) ? 0 : -1;
  if (isZero(b)) return 1;
  return compare(eventVersion(a), eventVersion(b));
}

const sortedEvents = new WeakMap<OsvEvent[], OsvEvent[]>();

/** Events a range's evaluation may use: ordered by version, unparseable bounds left out. */
function usable(range: OsvEvent[]): OsvEvent[] {
  let sorted = sortedEvents.get(range);
  if (sorted === undefined) {
    sorted = range.filter((event) => isZero(event) || isPep440(eventVersion(event))).sort(byVersion);
    sortedEvents.set(range, sorted);
  }
  return sorted;
}

/**
 * The schema's evaluation of one ECOSYSTEM range: walk the events in version order; `introduced`
 * at or below v opens, `fixed` at or below v closes, a `last_affected` below v closes. `limit`
 * events cap the range: v must sit below one of them.
 */
export function inRange(version: string, range: OsvEvent[]): boolean {
  const events = usable(range);
  const limits = events.filter((event) => event.limit !== undefined);
  if (limits.length > 0 && !limits.some((event) => compare(version, event.limit ?? '') < 0)) return false;
  let affected = false;
  for (const event of events) {
    if (event.introduced !== undefined) {
      if (isZero(event) || compare(version, event.introduced) >= 0) affected = true;
    } else if (event.fixed !== undefined) {
      if (compare(version, event.fixed) >= 0) affected = false;
    } else if (event.lastAffected !== undefined) {
      if (compare(version, event.lastAffected) > 0) affected = false;
    }
  }
  return affected;
}

/** Listed in `versions`: PEP 440 equality (`1.0` is `1.0.0`), plain equality for the unparseable. */
function listed(version: string, versions: string[]): boolean {
  if (!isPep440(version)) return versions.includes(version);
  return versions.some((item) => item === version || (isPep440(item) && compare(item, version) === 0));
}

/** Whether one affected package of an entry covers this version: its `versions` list or any range. */
export function isAffected(version: string, affected: OsvAffected): boolean {
  if (listed(version, affected.versions)) return true;
  if (!isPep440(version)) return false;
  return affected.ranges.some((range) => inRange(version, range));
}

/** Every `fixed` of the ranges, in PEP 440 order, once each. */
export function fixedVersions(affected: OsvAffected): string[] {
  const fixed = new Set(affected.ranges.flatMap((range) => range.flatMap((event) => (event.fixed === undefined ? [] : [event.fixed]))));
  return [...fixed].sort((a, b) => (isPep440(a) && isPep440(b) ? compare(a, b) : a.localeCompare(b)));
}

/** The ranges in words a Python user reads: `>=1.0, <1.2.3`, `<=2.0`, `all versions`. */
export function describeRanges(affected: OsvAffected): string[] {
  return affected.ranges.flatMap((range) => {
    const parts: string[] = [];
    const described: string[] = [];
    for (const event of usable(range)) {
      if (event.introduced !== undefined) {
        if (parts.length > 0) described.push(parts.splice(0).join(', '));
        if (!isZero(event)) parts.push(`>=${event.introduced}`);
      } else if (event.fixed !== undefined) parts.push(`<${event.fixed}`);
      else if (event.lastAffected !== undefined) parts.push(`<=${event.lastAffected}`);
      else if (event.limit !== undefined) parts.push(`<${event.limit}`);
      if (event.fixed !== undefined || event.lastAffected !== undefined) described.push(parts.splice(0).join(', ') || 'all versions');
    }
    if (parts.length > 0) described.push(parts.join(', '));
    else if (described.length === 0 && range.some(isZero)) described.push('all versions');
    return described;
  });
}
