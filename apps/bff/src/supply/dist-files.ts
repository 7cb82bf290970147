import { normalizeProjectName } from '@devpi-dashboard/devpi-client';

const sdistSuffixes = ['.tar.gz', '.zip', '.tar.bz2', '.tgz', '.tar.xz', '.tar'];

export interface DistFile {
  kind: 'wheel' | 'sdist' | 'other';
  version: string | undefined;
  /** Wheel tags as `python-abi-platform` triples, each compressed set expanded (PEP 425). */
  tags: Array<[string, string, string]>;
}

/**
 * Version and tags from a distribution file name, as pip reads them: a wheel is
 * `name-version(-build)?-python-abi-platform.whl`; an sdist is `name-version.ext`, split at the
 * dash after which the normalised prefix equals the project (names may hold dashes).
 */
export function parseDistFile(filename: string, project: string): DistFile {
  if (filename.endsWith('.whl')) {
    const parts = filename.slice(0, -4).split('-');
    if (parts.length < 5) return { kind: 'other', version: undefined, tags: [] };
    const [py = '', abi = '', plat = ''] = parts.slice(-3);
    const tags: Array<[string, string, string]> = [];
    for (const p of py.split('.')) for (const a of abi.split('.')) for (const l of plat.split('.')) tags.push([p, a, l]);
    return { kind: 'wheel', version: parts[1], tags };
  }
  const suffix = sdistSuffixes.find((s) => filename.toLowerCase().endsWith(s));
  if (suffix === undefined) return { kind: 'other', version: undefined, tags: [] };
  const stem = filename.slice(0, -suffix.length);
  const want = normalizeProjectName(project);
  for (let at = stem.indexOf('-'); at > 0; at = stem.indexOf('-', at + 1)) {
    if (normalizeProjectName(stem.slice(0, at)) === want) return { kind: 'sdist', version: stem.slice(at + 1), tags: [] };
  }
  const last = stem.lastIndexOf('-');
  return { kind: 'sdist', version: last > 0 ? stem.slice(last + 1) : undefined, tags: [] };
}
