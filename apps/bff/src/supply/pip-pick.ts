import { explain, filter, rcompare, satisfies } from '@renovatebot/pep440';
import type { ResolveFile } from '@devpi-dashboard/dashboard-api';
import type { DistFile } from './dist-files.js';

/**
 * The interpreter the pick assumes: Debian 12's python3 (CPython 3.11 on x86-64 Linux, glibc
 * 2.36), the one the project's tests run pip with.
 */
export const ASSUMED = {
  python: '3.11.2',
  tags: 'CPython 3.11 on Linux x86-64, glibc 2.36: cp311-cp311, cp311-abi3 … cp32-abi3, cp311-none, py311 … py30-none, platforms manylinux_2_36 … manylinux_2_5, linux_x86_64 and any',
};

const MINOR = 11;
const GLIBC_MINOR = 36;

/** pip's `sys_tags()` for the assumed interpreter, most preferred first; index = priority. */
function supportedTags(): Map<string, number> {
  const platforms: string[] = [];
  for (let m = GLIBC_MINOR; m >= 5; m -= 1) {
    platforms.push(`manylinux_2_${m}_x86_64`);
    if (m === 17) platforms.push('manylinux2014_x86_64');
    if (m === 12) platforms.push('manylinux2010_x86_64');
    if (m === 5) platforms.push('manylinux1_x86_64');
  }
  platforms.push('linux_x86_64');
  const tags: string[] = [];
  const cp = `cp3${MINOR}`;
  for (const p of platforms) tags.push(`${cp}-${cp}-${p}`);
  for (const p of platforms) tags.push(`${cp}-abi3-${p}`);
  for (const p of platforms) tags.push(`${cp}-none-${p}`);
  for (let m = MINOR - 1; m >= 2; m -= 1) for (const p of platforms) tags.push(`cp3${m}-abi3-${p}`);
  for (const py of [`py3${MINOR}`, 'py3', ...Array.from({ length: MINOR }, (_, i) => `py3${MINOR - 1 - i}`)]) for (const p of platforms) tags.push(`${py}-none-${p}`);
  tags.push(`${cp}-none-any`);
  for (const py of [`py3${MINOR}`, 'py3', ...Array.from({ length: MINOR }, (_, i) => `py3${MINOR - 1 - i}`)]) tags.push(`${py}-none-any`);
  return new Map(tags.map((t, i) => [t, i]));
}
const SUPPORTED = supportedTags();

/** Best (lowest) tag priority of a wheel, or undefined when the assumed interpreter cannot use it. */
function wheelPriority(dist: DistFile): number | undefined {
  let best: number | undefined;
  for (const [p, a, l] of dist.tags) {
    const pri = SUPPORTED.get(`${p}-${a}-${l}`);
    if (pri !== undefined && (best === undefined || pri < best)) best = pri;
  }
  return best;
}

export interface Candidate {
  filename: string;
  version: string;
  dist: DistFile;
  yanked: boolean;
  requiresPython: string | null;
  servedBy: string;
  url: string;
}

const isPinned = (specifier: string): boolean => {
  const parts = specifier.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.length > 0 && parts.every((s) => s.startsWith('===') || (s.startsWith('==') && !s.endsWith('.*')));
};

/**
 * What pip (23, its resolvelib finder) picks for `specifier` from the files of one simple page:
 * files it cannot use are dropped (unparsable version, incompatible wheel tags, Requires-Python),
 * the version is filtered by the specifier with PEP 440's pre-release rule (pre-releases only when
 * asked, named in the specifier, or the only match), yanked files only when every match is yanked
 * and the specifier pins with `==`/`===` (PEP 592); then the highest version wins and, within it,
 * the best-tagged compatible wheel over the sdist.
 */
export function pipPick(candidates: Candidate[], specifier: string, pre: boolean): { files: ResolveFile[]; pick: Candidate | undefined; reason: string } {
  const usable: Candidate[] = [];
  const files: ResolveFile[] = candidates.map((c) => {
    let excluded: string | null = null;
    if (c.dist.kind === 'other') excluded = 'not a wheel or sdist';
    else if (explain(c.version) === null) excluded = `version ${c.version} is not PEP 440`;
    else if (c.dist.kind === 'wheel' && wheelPriority(c.dist) === undefined) excluded = 'wheel tags do not fit the assumed interpreter';
    else if (c.requiresPython !== null && c.requiresPython.trim() !== '' && !satisfies(ASSUMED.python, c.requiresPython)) excluded = `Requires-Python ${c.requiresPython}`;
    if (excluded === null) usable.push(c);
    return { filename: c.filename, version: c.version, kind: c.dist.kind === 'other' ? 'other' : c.dist.kind, yanked: c.yanked, requiresPython: c.requiresPython, servedBy: c.servedBy, url: c.url, excluded };
  });
  const versions = [...new Set(usable.map((c) => c.version))];
  const matching = new Set(filter(versions, specifier, pre ? { prereleases: true } : {}));
  const applicable = usable.filter((c) => matching.has(c.version));
  const allYanked = applicable.length > 0 && applicable.every((c) => c.yanked);
  const allowYanked = allYanked && isPinned(specifier);
  const eligible = applicable.filter((c) => allowYanked || !c.yanked);
  for (const f of files) {
    if (f.excluded !== null) continue;
    if (!matching.has(f.version)) f.excluded = specifier === '' ? 'pre-release (not asked for)' : `does not match ${specifier}`;
    else if (f.yanked && !allowYanked) f.excluded = 'yanked';
  }
  if (eligible.length === 0) {
    const reason = applicable.length > 0 ? 'only yanked files match, and the requirement does not pin them with ==' : 'no usable file matches the requirement';
    return { files, pick: undefined, reason };
  }
  const best = [...eligible].sort((a, b) => {
    const byVersion = rcompare(a.version, b.version);
    if (byVersion !== 0) return byVersion;
    const pa = a.dist.kind === 'wheel' ? (wheelPriority(a.dist) ?? 1e9) : 1e9 + 1;
    const pb = b.dist.kind === 'wheel' ? (wheelPriority(b.dist) ?? 1e9) : 1e9 + 1;
    return pa - pb;
  })[0] as Candidate;
  const kind = best.dist.kind === 'wheel' ? 'the compatible wheel' : 'the sdist (no compatible wheel)';
  const preNote = explain(best.version)?.is_prerelease === true ? ' (a pre-release: asked for, named in the requirement, or the only match)' : '';
  return { files, pick: best, reason: `highest matching version ${best.version}${preNote}; ${kind}${best.yanked ? '; yanked, but pinned' : ''}` };
}
