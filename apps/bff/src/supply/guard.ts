import { isMirrorIndex, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { ConfusionFinding, GuardIndex, SupplyWarning, WhitelistFix } from '@devpi-dashboard/dashboard-api';
import type { NameList } from '../packages/name-lists.js';
import { devpiSro, mirrorAccess, whitelistOf } from './mirror-access.js';

/** Whether a sorted, normalised list holds `name` (binary search: 20 steps on 600,000 names). */
export function listHas(list: NameList, name: string): boolean {
  const { norm } = list;
  let lo = 0;
  let hi = norm.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const here = norm[mid] as string;
    if (here === name) return true;
    if (here < name) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A finding before the versions are known. */
export type BareFinding = Omit<ConfusionFinding, 'risk' | 'privateLatest' | 'upstreamLatest' | 'upstreamHigher'>;
export type BareGuardIndex = Omit<GuardIndex, 'findings' | 'warnings'> & { findings: BareFinding[]; warnings: SupplyWarning[] };

function fixFor(index: string, project: string, mirror: string, whitelistedBy: BareFinding['whitelistedBy']): WhitelistFix {
  if (whitelistedBy === null) {
    return { index, op: 'add', value: project, operation: `mirror_whitelist+=${project}`, label: `Also serve ${mirror}'s releases of ${project} on ${index}` };
  }
  const { index: on, entry } = whitelistedBy;
  const label = entry === '*' ? `Remove * from the whitelist of ${on} (blocks ${mirror} for every private project)` : `Block ${mirror}'s releases of ${project} on ${on}`;
  return { index: on, op: 'remove', value: entry, operation: `mirror_whitelist-=${entry}`, label };
}

/**
 * The dependency-confusion check from lists already in memory: for every stage index whose
 * resolution order reaches a mirror, the private names (held by a stage in that order) that the
 * mirror's cached list also has, and what devpi's whitelist makes of each.
 */
export function confusionCheck(configs: ReadonlyMap<string, IndexConfig>, lists: ReadonlyMap<string, NameList>, targets: Iterable<string> = configs.keys()): BareGuardIndex[] {
  const out: BareGuardIndex[] = [];
  for (const index of targets) {
    const config = configs.get(index);
    if (config === undefined) continue;
    const own = whitelistOf(config);
    if (own === undefined) continue;
    const sro = devpiSro(index, configs);
    const mirrors = sro.filter((n) => {
      const c = configs.get(n);
      return c !== undefined && isMirrorIndex(c);
    });
    if (mirrors.length === 0) continue;
    const stages = sro.filter((n) => !mirrors.includes(n));
    const privateNames = new Set<string>();
    for (const stage of stages) for (const n of lists.get(stage)?.norm ?? []) privateNames.add(n);
    const findings: BareFinding[] = [];
    for (const project of [...privateNames].sort()) {
      const upstream = mirrors.filter((m) => {
        const list = lists.get(m);
        return list !== undefined && listHas(list, project);
      });
      if (upstream.length === 0) continue;
      const holds = (n: string): boolean => {
        const list = lists.get(n);
        return list !== undefined && listHas(list, project);
      };
      const access = mirrorAccess(index, configs, project, holds, sro);
      for (const mirror of upstream) {
        const pipGets = access.blocked.includes(mirror) ? 'private' : 'mixed';
        const whitelistedBy = pipGets === 'mixed' ? access.whitelistedBy : null;
        findings.push({ project, privateOn: access.privateOn, mirror, pipGets, whitelistedBy, fix: fixFor(index, project, mirror, whitelistedBy) });
      }
    }
    const warnings: SupplyWarning[] = [];
    if (own.entries.includes('*') && privateNames.size > 0) {
      warnings.push({
        code: 'whitelist_star',
        index,
        message: `The whitelist of ${index} is *: pip merges ${mirrors.join(', ')} into every one of its ${privateNames.size} private projects, so a public upload with a private name and a higher version wins.`,
      });
    }
    out.push({ index, mirrors, inheritance: own.inheritance, whitelist: own.entries, privateProjects: privateNames.size, findings, warnings });
  }
  return out.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));
}

/** The risk of one finding in plain words, once the versions are known. */
export function riskWords(f: BareFinding, index: string, privateLatest: string | null, upstreamLatest: string | null, upstreamHigher: boolean): string {
  const where = f.privateOn.join(', ');
  if (f.pipGets === 'mixed') {
    const by = f.whitelistedBy?.entry === '*' ? `the whitelist * of ${f.whitelistedBy.index}` : `the whitelist of ${f.whitelistedBy?.index ?? index}`;
    const now = upstreamHigher && upstreamLatest !== null
      ? ` ${f.mirror} already has ${upstreamLatest}, newer than your ${privateLatest ?? 'releases'}: pip install ${f.project} from ${index} installs the public one today.`
      : ' Whoever publishes a higher version upstream gets their code installed.';
    return `pip on ${index} merges ${f.mirror}'s releases of ${f.project} with the private ones from ${where} (${by} lets them in).${now}`;
  }
  const upstream = upstreamLatest === null ? '' : ` (${f.mirror} has up to ${upstreamLatest})`;
  return `pip on ${index} gets only the private releases from ${where}; ${f.mirror}'s releases${upstream} are blocked while ${f.project} stays out of the whitelist. Adding it would let public releases in.`;
}
