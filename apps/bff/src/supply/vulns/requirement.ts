import { normalizeProjectName } from '@devpi-dashboard/devpi-client';

/** One `Requires-Dist` line: `name[extras] (>=1,<2) ; marker` or `name>=1,<2; marker` or `name @ url`. */
export interface Requirement {
  /** The line as the release declares it. */
  text: string;
  name: string;
  key: string;
  /** The version specifier, '' when any version is allowed (or a direct URL is given). */
  specifier: string;
  /** A direct reference (`name @ https://...`): no index version is chosen, so none is checked. */
  url: boolean;
  marker: string | null;
}

const REQUIREMENT = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?:\(([^)]*)\)|([^;@]*))?\s*(@[^;]*)?\s*(?:;(.*))?$/;

/** Parses a requirement line; undefined when it is not PEP 508 enough to name a project. */
export function parseRequirement(text: string): Requirement | undefined {
  const match = REQUIREMENT.exec(text);
  if (match === null) return undefined;
  const [, name = '', parenthesised, bare, url, marker] = match;
  return {
    text: text.trim(),
    name,
    key: normalizeProjectName(name),
    specifier: (parenthesised ?? bare ?? '').trim(),
    url: url !== undefined,
    marker: marker?.trim() || null,
  };
}
