/** Split a release file name into project and version, like devpi_common.metadata.splitbasename. */
export function splitBasename(basename: string): { name: string; version: string } | undefined {
  if (basename.endsWith('.whl')) {
    const parts = basename.slice(0, -4).split('-');
    return parts.length >= 2 && parts[0] && parts[1] ? { name: parts[0], version: parts[1] } : undefined;
  }
  const m = /^(.+?)-(\d[^-]*?)(\.tar\.gz|\.tar\.bz2|\.tar\.xz|\.tgz|\.tar|\.zip|\.egg|\.doc\.zip)$/.exec(basename);
  return m?.[1] && m[2] ? { name: m[1], version: m[2] } : undefined;
}

/**
 * The Content-Type devpi serves a release file with: filestore.py sends
 * `str(mimetypes.guess_type(basename)[0])`, so a wheel (unknown to Python's mimetypes) goes out
 * as the literal `None` (transcripts 128 and 137), and compressed tarballs as the tar type.
 */
export function releaseFileContentType(basename: string): string {
  if (/\.(tar(\.(gz|bz2|xz))?|tgz)$/.test(basename)) return 'application/x-tar';
  if (basename.endsWith('.zip')) return 'application/zip';
  return 'None';
}
