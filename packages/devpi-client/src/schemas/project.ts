import { z } from 'zod';

/** Upload history entry on a `+links` item. `when` is `[Y, M, D, h, m, s]` in UTC. */
export const LinkLogEntry = z
  .object({
    what: z.string(),
    who: z.string().nullable(),
    when: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]),
    dst: z.string().optional(),
    src: z.string().optional(),
  })
  .loose();
export type LinkLogEntry = z.infer<typeof LinkLogEntry>;

/** One file of a version: release file, doc zip or tox result. `href` is absolute. */
export const VersionLink = z
  .object({
    rel: z.string(),
    href: z.string(),
    hash_spec: z.string().optional(),
    hashes: z.record(z.string(), z.string()).optional(),
    log: z.array(LinkLogEntry).optional(),
    for_href: z.string().optional(),
  })
  .loose();
export type VersionLink = z.infer<typeof VersionLink>;

const str = z.string().optional();
const strList = z.array(z.string()).optional();

/**
 * `GET /<u>/<i>/<p>/<v>` result. Stage versions carry the full core metadata; mirror versions only
 * name, version, requires_python and `+links`, so nearly everything is optional.
 */
export const VersionData = z
  .object({
    name: z.string(),
    version: z.string(),
    metadata_version: str,
    summary: str,
    description: str,
    description_content_type: str,
    home_page: str,
    download_url: str,
    author: str,
    author_email: str,
    maintainer: str,
    maintainer_email: str,
    license: str,
    license_expression: str,
    keywords: z.union([z.string(), z.array(z.string())]).optional(),
    requires_python: str,
    classifiers: strList,
    platform: strList,
    supported_platform: strList,
    requires_dist: strList,
    provides_extras: strList,
    project_urls: strList,
    '+links': z.array(VersionLink).optional(),
  })
  .loose();
export type VersionData = z.infer<typeof VersionData>;

/** `GET /<u>/<i>/<p>` result: every version (across the base chain) keyed by version string. */
export const ProjectConfig = z.record(z.string(), VersionData);
export type ProjectConfig = z.infer<typeof ProjectConfig>;
