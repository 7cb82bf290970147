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

/** Some PEP 440 release, pre, post and dev parts, enough to order versions the way devpi does. */
interface ParsedVersion { release: number[]; pre: [number, number] | null; post: number | null; dev: number | null; raw: string }

function parseVersion(raw: string): ParsedVersion {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d*))?(?:[-_.]?(?:post|rev|r)[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?/i.exec(raw.trim());
  if (!m) return { release: [], pre: null, post: null, dev: null, raw };
  const preKinds: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };
  const preKind = m[2] ? preKinds[m[2].toLowerCase()] ?? 2 : undefined;
  return {
    release: (m[1] ?? '0').split('.').map(Number),
    pre: preKind === undefined ? null : [preKind, Number(m[3] || 0)],
    post: m[4] === undefined ? null : Number(m[4] || 0),
    dev: m[5] === undefined ? null : Number(m[5] || 0),
    raw,
  };
}

export function isPrerelease(version: string): boolean {
  const v = parseVersion(version);
  return v.pre !== null || v.dev !== null;
}

/** Compare two versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  const len = Math.max(va.release.length, vb.release.length);
  for (let i = 0; i < len; i++) {
    const d = (va.release[i] ?? 0) - (vb.release[i] ?? 0);
    if (d !== 0) return d;
  }
  // dev-only releases sort before pre-releases, which sort before the release itself
  const preKey = (v: ParsedVersion): number[] =>
    v.pre ? [v.pre[0], v.pre[1]] : v.dev !== null && v.post === null ? [-1, 0] : [9, 0];
  const pa = preKey(va);
  const pb = preKey(vb);
  for (let i = 0; i < 2; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  const postA = va.post ?? -1;
  const postB = vb.post ?? -1;
  if (postA !== postB) return postA - postB;
  const devA = va.dev ?? Number.MAX_SAFE_INTEGER;
  const devB = vb.dev ?? Number.MAX_SAFE_INTEGER;
  if (devA !== devB) return devA - devB;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The newest version, preferring final releases like devpi-web's "latest". */
export function latestVersion(versions: Iterable<string>): string | undefined {
  const all = [...versions].sort(compareVersions);
  const finals = all.filter((v) => !isPrerelease(v));
  return finals.at(-1) ?? all.at(-1);
}
