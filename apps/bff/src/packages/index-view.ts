import { isMirrorIndex, isStageIndex, type IndexConfig } from '@devpi-dashboard/devpi-client';
import { isVolatile, stageLike } from '../domain/stage-like.js';
import type { IndexOverview, IndexPermissions } from '@devpi-dashboard/dashboard-api';
import { ANONYMOUS, uploadVerdict } from '../domain/upload-permission.js';
import { resolutionOrder } from './resolution-order.js';

/** The simple index URL pip uses for an index, through the load balancer. */
export function simpleUrl(publicUrl: string, name: string, project?: string): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/${name.split('/').map(encodeURIComponent).join('/')}/+simple/`;
  return project === undefined ? base : `${base}${encodeURIComponent(project)}/`;
}

/**
 * What the BFF can tell from the config alone. devpi decides in the end (auth plugins may add
 * groups), so the SPA offers the action and shows devpi's answer when it refuses.
 */
export function permissions(user: string | undefined, owner: string, config: IndexConfig): IndexPermissions {
  const upload = uploadVerdict(user ?? ANONYMOUS, config).allowed;
  const privileged = user !== undefined && (user === owner || user === 'root');
  return {
    upload,
    // acl_upload members, the owner and root may delete (devpi's permission table).
    delete: stageLike(config) !== undefined && (privileged || (user !== undefined && upload)),
    refresh: isMirrorIndex(config),
  };
}

/** The index page's header: config, bases in resolution order, what this user may do. */
export function indexOverview(name: string, configs: Map<string, IndexConfig>, user: string | undefined, publicUrl: string): IndexOverview | undefined {
  const config = configs.get(name);
  if (!config) return undefined;
  const [owner = '', index = ''] = name.split('/');
  const pushTargets = [...configs.entries()]
    .filter(([other, c]) => other !== name && stageLike(c) !== undefined && uploadVerdict(user ?? ANONYMOUS, c).allowed)
    .map(([other]) => other)
    .sort();
  return {
    name,
    user: owner,
    index,
    type: config.type,
    volatile: isVolatile(config),
    ...(config.title ? { title: config.title } : {}),
    ...(config.description ? { description: config.description } : {}),
    bases: stageLike(config)?.bases ?? [],
    resolution: resolutionOrder(name, configs),
    ...(isMirrorIndex(config) ? { mirrorUrl: config.mirror_url } : {}),
    mirrorWhitelist: isStageIndex(config) ? config.mirror_whitelist : [],
    simpleUrl: simpleUrl(publicUrl, name),
    permissions: permissions(user, owner, config),
    pushTargets: user === undefined ? [] : pushTargets,
  };
}
