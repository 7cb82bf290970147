import { parseFileHref, type LinkLogEntry, type VersionLink } from '@devpi-dashboard/devpi-client';
import type { ReleaseFile } from '@devpi-dashboard/dashboard-api';

const sdistSuffixes = ['.tar.gz', '.zip', '.tar.bz2', '.tgz', '.tar.xz', '.tar'];

/** Kind and Python tag from a distribution file name (wheel tags per PEP 427). */
export function fileFacts(filename: string): { kind: ReleaseFile['kind']; pythonTag: string } {
  if (filename.endsWith('.whl')) {
    const parts = filename.slice(0, -4).split('-');
    return { kind: 'wheel', pythonTag: parts.length >= 5 ? (parts[parts.length - 3] ?? '') : '' };
  }
  if (filename.endsWith('.egg')) {
    const py = /-py(\d+(?:\.\d+)*)/.exec(filename);
    return { kind: 'egg', pythonTag: py?.[1] ? `py${py[1]}` : '' };
  }
  if (sdistSuffixes.some((s) => filename.endsWith(s))) return { kind: 'sdist', pythonTag: 'source' };
  return { kind: 'other', pythonTag: '' };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** devpi's `[Y, M, D, h, m, s]` (UTC) as ISO 8601. */
export function isoWhen(when: LinkLogEntry['when']): string {
  const [y, mo, d, h, mi, s] = when;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
}

function filenameOf(href: string): string {
  const path = new URL(href, 'http://devpi.invalid/').pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** One release file of a version as the version page shows it. */
export function releaseFile(link: VersionLink, size: number | null): ReleaseFile {
  const location = parseFileHref(link.href);
  const filename = filenameOf(link.href);
  const sha256 = link.hashes?.sha256 ?? (link.hash_spec?.startsWith('sha256=') ? link.hash_spec.slice(7) : null);
  return {
    filename,
    url: link.href,
    index: location ? `${location.user}/${location.index}` : '',
    path: location?.path ?? '',
    ...fileFacts(filename),
    size,
    sha256,
    history: (link.log ?? []).map((entry) => ({
      what: entry.what,
      who: entry.who,
      when: isoWhen(entry.when),
      ...(entry.dst === undefined ? {} : { dst: entry.dst }),
      ...(entry.src === undefined ? {} : { src: entry.src }),
    })),
  };
}

/** The index a version's files live on: the first release file's `user/index`. */
export function linksIndex(links: VersionLink[] | undefined): string | undefined {
  for (const link of links ?? []) {
    if (link.rel !== 'releasefile' && link.rel !== 'doczip') continue;
    const location = parseFileHref(link.href);
    if (location) return `${location.user}/${location.index}`;
  }
  return undefined;
}

/**
 * Where devpi-web serves a version's unpacked docs: next to the doc zip, under the same public
 * prefix devpi put in front of the zip's href.
 */
export function docsLinks(links: VersionLink[] | undefined, name: string, version: string): { url: string; zipUrl: string } | null {
  const doc = (links ?? []).find((l) => l.rel === 'doczip');
  if (!doc) return null;
  const location = parseFileHref(doc.href);
  if (!location) return null;
  const cut = doc.href.indexOf(`/${location.path}`);
  const stageUrl = cut < 0 ? doc.href : doc.href.slice(0, cut);
  return { url: `${stageUrl}/${encodeURIComponent(name)}/${encodeURIComponent(version)}/+d/index.html`, zipUrl: doc.href };
}
