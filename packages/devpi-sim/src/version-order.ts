// Version order as devpi-common's metadata.py has it: `packaging_legacy.version.parse`, which is a
// PEP 440 `Version` when the string is one and a `LegacyVersion` otherwise. PEP 440 comparison comes
// from @renovatebot/pep440, the library the BFF orders with, so the double and the BFF agree.
import { compare, explain } from '@renovatebot/pep440';

/**
 * packaging's LegacyVersion key (setuptools' old parse_version): numbers zero-padded, words
 * prefixed with `*`, `-` read as `final-`. Its epoch is -1, so every such version sorts below
 * every PEP 440 version; `2.0foo` is one of them.
 */
function legacyKey(version: string): string[] {
  const replace: Record<string, string> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };
  const parts: string[] = [];
  const pieces = version.toLowerCase().split(/(\d+|[a-z]+|\.|-)/);
  for (const raw of [...pieces, '*final']) {
    const piece = raw === '*final' ? raw : (replace[raw] ?? raw);
    if (!piece || piece === '.') continue;
    const part = piece === '*final' ? piece : /^\d/.test(piece) ? piece.padStart(8, '0') : `*${piece}`;
    if (part.startsWith('*')) {
      if (part < '*final') while (parts.at(-1) === '*final-') parts.pop();
      while (parts.at(-1) === '00000000') parts.pop();
    }
    parts.push(part);
  }
  return parts;
}

function compareLegacy(a: string, b: string): number {
  const ka = legacyKey(a);
  const kb = legacyKey(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const x = ka[i] as string;
    const y = kb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return ka.length - kb.length;
}

/** Negative when a sorts below b, as devpi sorts (PEP 440 versions above every legacy one). */
export function compareVersions(a: string, b: string): number {
  const validA = explain(a) !== null;
  const validB = explain(b) !== null;
  if (validA && validB) return compare(a, b);
  if (validA !== validB) return validA ? 1 : -1;
  return compareLegacy(a, b);
}

/** PEP 440's pre-release rule (dev releases count); a LegacyVersion is never a pre-release. */
export function isPrerelease(version: string): boolean {
  return explain(version)?.is_prerelease ?? false;
}

/** The newest version, preferring final releases like devpi-web's "latest". */
export function latestVersion(versions: Iterable<string>): string | undefined {
  const all = [...versions].sort(compareVersions);
  const finals = all.filter((v) => !isPrerelease(v));
  return finals.at(-1) ?? all.at(-1);
}
