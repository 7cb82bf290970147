// Name rules as devpi-common implements them (validation.py, metadata.py).

/** PEP 503 normalisation: runs of `-_.` become one `-`, lower case. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** setuptools' safe_name followed by normalisation; devpi stores whitelist entries this way (`acme-*` -> `acme-`). */
export function normalizeWhitelistEntry(name: string): string {
  if (name === '*') return name;
  return normalizeName(name.replace(/[^A-Za-z0-9.]+/g, '-'));
}

const PUNCTUATION_BLOCKED = /[!"#$%&'()*+,/:;<=>?[\\\]^`{|}~\s]/;

/** devpi's message for user and index names with forbidden characters, or undefined when the name is fine. */
export function invalidNameMessage(kind: 'username' | 'indexname', name: string): string | undefined {
  if (name.length > 0 && !PUNCTUATION_BLOCKED.test(name)) return undefined;
  return `${kind} ${pyRepr(name)} contains characters that aren't allowed. Any ascii symbol besides -.@_ is blocked.`;
}

/** Python's repr() of a str, which devpi puts into many messages. */
export function pyRepr(value: string): string {
  if (value.includes("'") && !value.includes('"')) return `"${value}"`;
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Python's str() of a JSON value, as devpi prints unexpected keyword arguments. */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? pyRepr(v) : pyStr(v))).join(', ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** devpi's repr of a project name object, which leaks into delete messages. */
export function normalizedNameRepr(normalized: string, original: string): string {
  return `<NormalizedName ${pyRepr(normalized)} ${pyRepr(original)}>`;
}

const ARCHIVE_EXTS = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tgz', '.tar', '.zip', '.whl', '.egg', '.exe', '.msi', '.dmg', '.rpm', '.deb', '.doc.zip'];

export function isValidArchiveName(filename: string): boolean {
  // devpi_common's safe_filenames regex: a `/` passes here and fails later, in devpi's keyfs (a 500).
  return ARCHIVE_EXTS.some((ext) => filename.endsWith(ext));
}

/** The suffix devpi sorts simple links by: `-py3-none-any.whl` for wheels, `.tar.gz` for sdists. */
export function basenameSuffix(basename: string, version: string): string {
  const at = basename.lastIndexOf(version);
  return at >= 0 ? basename.slice(at + version.length) : basename;
}

// Version order lives beside the names because devpi-common keeps both in metadata.py.
export { compareVersions, isPrerelease, latestVersion } from './version-order.js';
