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

/** Any index config, discriminated on `type`. */
export const IndexConfig = z.discriminatedUnion('type', [StageIndexConfig, MirrorIndexConfig]);
export type IndexConfig = z.infer<typeof IndexConfig>;

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
