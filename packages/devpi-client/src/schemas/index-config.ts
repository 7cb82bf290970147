import { z } from 'zod';

/** Keys every index type shares. `custom_data` is free-form JSON owned by whoever set it. */
const commonKeys = {
  volatile: z.boolean(),
  title: z.string().optional(),
  description: z.string().optional(),
  custom_data: z.unknown().optional(),
  /** Only present on `GET /<u>/<i>` without `?no_projects=`: that stage's own projects. */
  projects: z.array(z.string()).optional(),
};

/**
 * A stage (`type: "stage"`) as devpi returns it. `.loose()` keeps keys added by plugins so that a
 * read-modify-write never drops them.
 */
export const StageIndexConfig = z
  .object({
    type: z.literal('stage'),
    ...commonKeys,
    bases: z.array(z.string()),
    acl_upload: z.array(z.string()),
    acl_toxresult_upload: z.array(z.string()),
    mirror_whitelist: z.array(z.string()),
    mirror_whitelist_inheritance: z.enum(['intersection', 'union']),
  })
  .loose();
export type StageIndexConfig = z.infer<typeof StageIndexConfig>;

/** A mirror (`type: "mirror"`), e.g. `root/pypi`. Unknown keys are kept as for stages. */
export const MirrorIndexConfig = z
  .object({
    type: z.literal('mirror'),
    ...commonKeys,
    mirror_url: z.string(),
    mirror_cache_expiry: z.number().optional(),
    mirror_web_url_fmt: z.string().optional(),
    mirror_use_external_urls: z.boolean().optional(),
    mirror_no_project_list: z.boolean().optional(),
    mirror_ignore_serial_header: z.boolean().optional(),
  })
  .loose();
export type MirrorIndexConfig = z.infer<typeof MirrorIndexConfig>;

/** The index types devpi-server itself defines; anything else comes from a plugin. */
export const BUILTIN_INDEX_TYPES: readonly string[] = ['stage', 'mirror'];

/**
 * An index whose type a devpi plugin adds (e.g. devpi-constrained's `type: "constrained"`, a stage
 * subclass). Only the keys every index shares are typed, all optional because a plugin may drop
 * them; everything else is kept as-is so read-modify-write never loses it. The type may not be
 * `stage` or `mirror`: a malformed stage must fail to parse, not pass as a plugin index.
 */
export const PluginIndexConfig = z
  .object({
    // Branded so that a stage or mirror is not structurally a plugin index: without it,
    // `!isPluginIndex(c)` would narrow stages away too.
    type: z.string().refine((t) => !BUILTIN_INDEX_TYPES.includes(t), { message: 'stage and mirror indexes must match their own schema' }).brand<'PluginIndexType'>(),
    volatile: z.boolean().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    custom_data: z.unknown().optional(),
    projects: z.array(z.string()).optional(),
    bases: z.array(z.string()).optional(),
    acl_upload: z.array(z.string()).optional(),
  })
  .loose();
export type PluginIndexConfig = z.infer<typeof PluginIndexConfig>;

/** Any index config: a stage, a mirror, or a type a plugin adds. Narrow with the guards below. */
export const IndexConfig = z.union([StageIndexConfig, MirrorIndexConfig, PluginIndexConfig]);
export type IndexConfig = z.infer<typeof IndexConfig>;

/*
 * `config.type === 'stage'` no longer narrows once one variant's type is `string`, so consumers
 * use these guards.
 */
export function isStageIndex(config: IndexConfig): config is StageIndexConfig {
  return config.type === 'stage';
}

export function isMirrorIndex(config: IndexConfig): config is MirrorIndexConfig {
  return config.type === 'mirror';
}

export function isPluginIndex(config: IndexConfig): config is PluginIndexConfig {
  return !BUILTIN_INDEX_TYPES.includes(config.type);
}

/** `stage`, `mirror` or `plugin`, for switches and badges. */
export function indexKind(config: IndexConfig): 'stage' | 'mirror' | 'plugin' {
  return isStageIndex(config) ? 'stage' : isMirrorIndex(config) ? 'mirror' : 'plugin';
}

/** Plugin keys and values not modelled here; devpi accepts strings it parses itself. */
type ExtraKeys = { [key: string]: unknown };

/** Body of `PUT /<u>/<i>` for a stage. Every key is optional; `{}` gives devpi's defaults. */
export type StageIndexInput = ExtraKeys & {
  type?: 'stage';
  volatile?: boolean;
  bases?: string[];
  acl_upload?: string[];
  acl_toxresult_upload?: string[];
  mirror_whitelist?: string[];
  mirror_whitelist_inheritance?: 'intersection' | 'union';
  title?: string;
  description?: string;
  custom_data?: unknown;
};

/** Body of `PUT /<u>/<i>` for a mirror; `mirror_url` is required by devpi. */
export type MirrorIndexInput = ExtraKeys & {
  type: 'mirror';
  mirror_url: string;
  volatile?: boolean;
  mirror_cache_expiry?: number;
  mirror_web_url_fmt?: string;
  mirror_use_external_urls?: boolean;
  mirror_no_project_list?: boolean;
  mirror_ignore_serial_header?: boolean;
  title?: string;
  description?: string;
  custom_data?: unknown;
};

export type IndexConfigInput = StageIndexInput | MirrorIndexInput;
