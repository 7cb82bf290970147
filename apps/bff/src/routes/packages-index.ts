import type { IndexConfig } from '@devpi-dashboard/devpi-client';
import type { IndexOverview, IndexPermissions } from '@devpi-dashboard/dashboard-api';
import { ANONYMOUS, uploadVerdict } from '../domain/upload-permission.js';
import { resolutionOrder } from './packages-sro.js';

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
    delete: config.type === 'stage' && (privileged || (user !== undefined && upload)),
    refresh: config.type === 'mirror',
  };
}

/** The index page's header: config, bases in resolution order, what this user may do. */
export function indexOverview(name: string, configs: Map<string, IndexConfig>, user: string | undefined, publicUrl: string): IndexOverview | undefined {
  const config = configs.get(name);
  if (!config) return undefined;
  const [owner = '', index = ''] = name.split('/');
  const pushTargets = [...configs.entries()]
    .filter(([other, c]) => other !== name && c.type === 'stage' && uploadVerdict(user ?? ANONYMOUS, c).allowed)
    .map(([other]) => other)
    .sort();
  return {
    name,
    user: owner,
    index,
    type: config.type,
    volatile: config.volatile,
    ...(config.title ? { title: config.title } : {}),
    ...(config.description ? { description: config.description } : {}),
    bases: config.type === 'stage' ? config.bases : [],
    resolution: resolutionOrder(name, configs),
    ...(config.type === 'mirror' ? { mirrorUrl: config.mirror_url } : {}),
    mirrorWhitelist: config.type === 'stage' ? config.mirror_whitelist : [],
    simpleUrl: simpleUrl(publicUrl, name),
    permissions: permissions(user, owner, config),
    pushTargets: user === undefined ? [] : pushTargets,
  };
}
