import type { IndexConfig, IndexConfigInput, MirrorIndexConfig, StageIndexConfig } from '@devpi-dashboard/devpi-client';
import { isStageIndex, op, type IndexOp } from '@devpi-dashboard/devpi-client';

/** The types this form models; plugin types have their own form (plugin-index-values). */
export type BuiltinIndexConfig = StageIndexConfig | MirrorIndexConfig;

/** Everything the index form edits, for both types; a mirror ignores the stage keys and vice versa. */
export interface IndexFormValues {
  type: 'stage' | 'mirror';
  title: string;
  description: string;
  volatile: boolean;
  bases: string[];
  acl_upload: string[];
  acl_toxresult_upload: string[];
  mirror_whitelist: string[];
  mirror_whitelist_inheritance: 'intersection' | 'union';
  mirror_url: string;
  mirror_cache_expiry: string;
  mirror_web_url_fmt: string;
  mirror_use_external_urls: boolean;
  mirror_no_project_list: boolean;
  mirror_ignore_serial_header: boolean;
}

/** Keys the form edits (and `projects`, which GET adds); anything else devpi returns is shown read-only. */
export const KNOWN_KEYS = new Set<string>([
  'type', 'title', 'description', 'volatile', 'bases', 'acl_upload', 'acl_toxresult_upload',
  'mirror_whitelist', 'mirror_whitelist_inheritance', 'mirror_url', 'mirror_cache_expiry',
  'mirror_web_url_fmt', 'mirror_use_external_urls', 'mirror_no_project_list', 'mirror_ignore_serial_header',
  'projects',
]);

/** Keys of `config` the dashboard does not know (plugins add some), in devpi's order. */
export function unknownKeys(config: IndexConfig): [string, unknown][] {
  return Object.entries(config).filter(([key]) => !KNOWN_KEYS.has(key));
}

/** devpi's defaults for a new index, `owner` in acl_upload as devpi does it. */
export function defaultIndexValues(owner: string, type: 'stage' | 'mirror' = 'stage'): IndexFormValues {
  return {
    type,
    title: '',
    description: '',
    volatile: true,
    bases: [],
    acl_upload: owner ? [owner] : [],
    acl_toxresult_upload: [':ANONYMOUS:'],
    mirror_whitelist: [],
    mirror_whitelist_inheritance: 'intersection',
    mirror_url: '',
    mirror_cache_expiry: '1800',
    mirror_web_url_fmt: '',
    mirror_use_external_urls: false,
    mirror_no_project_list: false,
    mirror_ignore_serial_header: false,
  };
}

export function valuesFromConfig(config: BuiltinIndexConfig): IndexFormValues {
  const base = defaultIndexValues('', config.type);
  if (isStageIndex(config)) {
    return {
      ...base,
      title: config.title ?? '',
      description: config.description ?? '',
      volatile: config.volatile,
      bases: [...config.bases],
      acl_upload: [...config.acl_upload],
      acl_toxresult_upload: [...config.acl_toxresult_upload],
      mirror_whitelist: [...config.mirror_whitelist],
      mirror_whitelist_inheritance: config.mirror_whitelist_inheritance,
    };
  }
  return {
    ...base,
    title: config.title ?? '',
    description: config.description ?? '',
    volatile: config.volatile,
    mirror_url: config.mirror_url,
    mirror_cache_expiry: config.mirror_cache_expiry === undefined ? '' : String(config.mirror_cache_expiry),
    mirror_web_url_fmt: config.mirror_web_url_fmt ?? '',
    mirror_use_external_urls: config.mirror_use_external_urls ?? false,
    mirror_no_project_list: config.mirror_no_project_list ?? false,
    mirror_ignore_serial_header: config.mirror_ignore_serial_header ?? false,
  };
}

/** The body of `PUT /<u>/<i>`: typed JSON, only the keys that apply to the type. */
export function createInput(values: IndexFormValues): IndexConfigInput {
  const common = {
    volatile: values.volatile,
    ...(values.title && { title: values.title }),
    ...(values.description && { description: values.description }),
  };
  if (values.type === 'mirror') {
    return {
      type: 'mirror',
      mirror_url: values.mirror_url,
      ...common,
      ...(values.mirror_cache_expiry && { mirror_cache_expiry: Number(values.mirror_cache_expiry) }),
      ...(values.mirror_web_url_fmt && { mirror_web_url_fmt: values.mirror_web_url_fmt }),
      ...(values.mirror_use_external_urls && { mirror_use_external_urls: true }),
      ...(values.mirror_no_project_list && { mirror_no_project_list: true }),
      ...(values.mirror_ignore_serial_header && { mirror_ignore_serial_header: true }),
    };
  }
  return {
    type: 'stage',
    ...common,
    bases: values.bases,
    acl_upload: values.acl_upload,
    acl_toxresult_upload: values.acl_toxresult_upload,
    mirror_whitelist: values.mirror_whitelist,
    mirror_whitelist_inheritance: values.mirror_whitelist_inheritance,
  };
}

function listOps(key: string, before: readonly string[], after: readonly string[]): IndexOp[] {
  const ops: IndexOp[] = [];
  for (const value of before) if (!after.includes(value)) ops.push(op.remove(key, value));
  for (const value of after) if (!before.includes(value)) ops.push(op.add(key, value));
  return ops;
}

function textOp(key: string, before: string, after: string, present: boolean): IndexOp[] {
  if (before === after) return [];
  if (after === '') return present ? [op.drop(key)] : [];
  return [op.set(key, after)];
}

/**
 * The list-of-operations PATCH that turns `before` into `after`, touching only changed keys.
 * Set-like lists become `+=`/`-=` so a concurrent edit by another admin is merged, not overwritten;
 * `bases` is ordered, so it is set as a whole.
 */
export function diffToOps(config: BuiltinIndexConfig, after: IndexFormValues): IndexOp[] {
  const before = valuesFromConfig(config);
  const ops: IndexOp[] = [
    ...textOp('title', before.title, after.title, config.title !== undefined),
    ...textOp('description', before.description, after.description, config.description !== undefined),
  ];
  if (before.volatile !== after.volatile) ops.push(op.set('volatile', after.volatile));
  if (isStageIndex(config)) {
    if (before.bases.join(',') !== after.bases.join(',')) ops.push(op.set('bases', after.bases));
    ops.push(...listOps('acl_upload', before.acl_upload, after.acl_upload));
    ops.push(...listOps('acl_toxresult_upload', before.acl_toxresult_upload, after.acl_toxresult_upload));
    ops.push(...listOps('mirror_whitelist', before.mirror_whitelist, after.mirror_whitelist));
    if (before.mirror_whitelist_inheritance !== after.mirror_whitelist_inheritance) {
      ops.push(op.set('mirror_whitelist_inheritance', after.mirror_whitelist_inheritance));
    }
    return ops;
  }
  if (before.mirror_url !== after.mirror_url) ops.push(op.set('mirror_url', after.mirror_url));
  ops.push(...textOp('mirror_cache_expiry', before.mirror_cache_expiry, after.mirror_cache_expiry, config.mirror_cache_expiry !== undefined));
  ops.push(...textOp('mirror_web_url_fmt', before.mirror_web_url_fmt, after.mirror_web_url_fmt, config.mirror_web_url_fmt !== undefined));
  for (const key of ['mirror_use_external_urls', 'mirror_no_project_list', 'mirror_ignore_serial_header'] as const) {
    if (before[key] !== after[key]) ops.push(op.set(key, after[key]));
  }
  return ops;
}
