import { op, type IndexOp, type PluginIndexConfig } from '@devpi-dashboard/devpi-client';

/**
 * The keys of a plugin index the dashboard edits: the ones every index type shares, and bases,
 * acl_upload and volatile only when the plugin's index has them. Everything else is the plugin's.
 */
export interface PluginFormValues {
  title: string;
  description: string;
  volatile?: boolean;
  bases?: string[];
  acl_upload?: string[];
}

/** Keys the plugin form edits; every other key is shown read-only and never sent. */
export const PLUGIN_EDITED_KEYS = new Set<string>(['title', 'description', 'volatile', 'bases', 'acl_upload']);

export function pluginValuesFromConfig(config: PluginIndexConfig): PluginFormValues {
  return {
    title: config.title ?? '',
    description: config.description ?? '',
    ...(config.volatile === undefined ? {} : { volatile: config.volatile }),
    ...(config.bases === undefined ? {} : { bases: [...config.bases] }),
    ...(config.acl_upload === undefined ? {} : { acl_upload: [...config.acl_upload] }),
  };
}

function textOp(key: string, before: string | undefined, after: string): IndexOp[] {
  if ((before ?? '') === after) return [];
  return after === '' ? [op.drop(key)] : [op.set(key, after)];
}

/**
 * The PATCH turning a plugin index's config into `after`: only changed keys, acl_upload as
 * `+=`/`-=` so concurrent edits merge, bases (ordered) set whole. Plugin keys are never touched.
 */
export function pluginDiffToOps(config: PluginIndexConfig, after: PluginFormValues): IndexOp[] {
  const ops: IndexOp[] = [...textOp('title', config.title, after.title), ...textOp('description', config.description, after.description)];
  if (config.volatile !== undefined && after.volatile !== undefined && config.volatile !== after.volatile) ops.push(op.set('volatile', after.volatile));
  if (config.bases !== undefined && after.bases !== undefined && config.bases.join(',') !== after.bases.join(',')) ops.push(op.set('bases', after.bases));
  if (config.acl_upload !== undefined && after.acl_upload !== undefined) {
    const before = config.acl_upload;
    const next = after.acl_upload;
    for (const value of before) if (!next.includes(value)) ops.push(op.remove('acl_upload', value));
    for (const value of next) if (!before.includes(value)) ops.push(op.add('acl_upload', value));
  }
  return ops;
}
