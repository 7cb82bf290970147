/** Split a release file name into project and version, like devpi_common.metadata.splitbasename. */
export function splitBasename(basename: string): { name: string; version: string } | undefined {
  if (basename.endsWith('.whl')) {
    const parts = basename.slice(0, -4).split('-');
    return parts.length >= 2 && parts[0] && parts[1] ? { name: parts[0], version: parts[1] } : undefined;
  }
  const m = /^(.+?)-(\d[^-]*?)(\.tar\.gz|\.tar\.bz2|\.tar\.xz|\.tgz|\.tar|\.zip|\.egg|\.doc\.zip)$/.exec(basename);
  return m?.[1] && m[2] ? { name: m[1], version: m[2] } : undefined;
}
