import { validRange } from '@renovatebot/pep440';
import { normalizeProjectName } from '@devpi-dashboard/devpi-client';

export type ParsedRequirement = { project: string; specifier: string } | { error: string };

/**
 * A PEP 508 requirement's name and version specifier (`acme-widgets[extra]>=2,<3`); extras do not
 * change which release is picked, and markers are refused because the pick assumes one interpreter.
 */
export function parseRequirement(text: string): ParsedRequirement {
  if (text.includes(';')) return { error: 'Environment markers (after ;) are not evaluated here: leave them out.' };
  if (text.includes('@')) return { error: 'A direct reference (name @ url) does not use the index.' };
  const m = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*?)\s*$/.exec(text);
  if (!m) return { error: `${text} does not start with a project name (letters, digits, . _ -).` };
  const specifier = (m[2] ?? '').replace(/^\((.*)\)$/, '$1').replace(/\s+/g, '');
  if (specifier !== '' && !validRange(specifier)) return { error: `${specifier} is not a PEP 440 version specifier (e.g. >=2,<3).` };
  return { project: normalizeProjectName(m[1] ?? ''), specifier };
}
