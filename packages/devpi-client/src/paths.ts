import { normalizeProjectName } from './names.js';
import { segment } from './url.js';

/** devpi's presence-only query flags are sent as `flag=`; false leaves them out. */
export const flag = (on: boolean | undefined): string | undefined => (on === true ? '' : undefined);

export const userPath = (user: string): string => `/${segment(user)}`;

export const stagePath = (user: string, index: string): string => `/${segment(user)}/${segment(index)}`;

/** Project names are PEP 503-normalised so that devpi never has to redirect (and drop a DELETE's meaning). */
export const projectPath = (user: string, index: string, project: string): string =>
  `${stagePath(user, index)}/${segment(normalizeProjectName(project))}`;

export const versionPath = (user: string, index: string, project: string, version: string): string =>
  `${projectPath(user, index, project)}/${segment(version)}`;

export const simplePath = (user: string, index: string, project?: string): string =>
  project === undefined ? `${stagePath(user, index)}/+simple/` : `${stagePath(user, index)}/+simple/${segment(normalizeProjectName(project))}/`;

/** `+f/...` paths are devpi's own relative paths; only a leading slash is tolerated. */
export const filePath = (user: string, index: string, path: string): string => `${stagePath(user, index)}/${path.replace(/^\/+/, '')}`;
