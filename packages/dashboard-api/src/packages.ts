import { z } from 'zod';
import { API_BASE } from './paths.js';
import { NAME_MAX_LENGTH, pageQuerySchema, pageSchema } from './paging.js';

/** Where the package-browsing API lives; every path segment is URI-encoded by the builders. */
export const packagesApiBase = `${API_BASE}/packages`;

const seg = encodeURIComponent;
/** URL builders for the package-browsing API (used by the SPA; the BFF mounts the same shapes). */
export const packagesApiPaths = {
  index: (user: string, index: string) => `${packagesApiBase}/${seg(user)}/${seg(index)}`,
  projects: (user: string, index: string) => `${packagesApiBase}/${seg(user)}/${seg(index)}/+projects`,
  project: (user: string, index: string, project: string) => `${packagesApiBase}/${seg(user)}/${seg(index)}/${seg(project)}`,
  version: (user: string, index: string, project: string, version: string) =>
    `${packagesApiBase}/${seg(user)}/${seg(index)}/${seg(project)}/${seg(version)}`,
  search: `${packagesApiBase}/+search`,
} as const;

/** `own`: the index's own projects; `all`: plus everything its bases bring in. */
export const projectScopeSchema = z.enum(['own', 'all']);
export type ProjectScope = z.infer<typeof projectScopeSchema>;

export const projectListQuerySchema = pageQuerySchema.extend({ scope: projectScopeSchema.default('own') });
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

/** One project row: `index` is where the name is found first in resolution order. */
export const projectListItemSchema = z.object({ name: z.string(), index: z.string() });
export type ProjectListItem = z.infer<typeof projectListItemSchema>;

export const projectPageSchema = pageSchema(projectListItemSchema).extend({
  scope: projectScopeSchema,
  query: z.string(),
  /** devpi's serial when the list was read, and the read's age: the list can lag behind a mirror. */
  serial: z.number().int(),
  fetchedAt: z.string(),
});
export type ProjectPage = z.infer<typeof projectPageSchema>;

/** One stage in an index's resolution order (devpi's `sro`: the index itself first). */
export const resolvedIndexSchema = z.object({
  name: z.string(),
  type: z.string(),
  volatile: z.boolean(),
  /** A base that no longer exists: devpi skips it. */
  missing: z.boolean(),
});
export type ResolvedIndex = z.infer<typeof resolvedIndexSchema>;

/** What the signed-in user may do on an index, as far as the BFF can tell from its config. */
export const indexPermissionsSchema = z.object({
  upload: z.boolean(),
  /** Remove versions and files: acl_upload members, the owner and root. */
  delete: z.boolean(),
  /** Refresh mirror projects (anyone may; devpi does not check). */
  refresh: z.boolean(),
});
export type IndexPermissions = z.infer<typeof indexPermissionsSchema>;

export const indexOverviewSchema = z.object({
  name: z.string(),
  user: z.string(),
  index: z.string(),
  type: z.string(),
  volatile: z.boolean(),
  title: z.string().optional(),
  description: z.string().optional(),
  bases: z.array(z.string()),
  resolution: z.array(resolvedIndexSchema),
  mirrorUrl: z.string().optional(),
  mirrorWhitelist: z.array(z.string()),
  /** The simple index URL pip uses, through the load balancer. */
  simpleUrl: z.string(),
  permissions: indexPermissionsSchema,
  /** Indexes this user may push to (acl_upload allows them), for the push dialog. */
  pushTargets: z.array(z.string()),
});
export type IndexOverview = z.infer<typeof indexOverviewSchema>;

export const projectVersionSchema = z.object({
  version: z.string(),
  /** PEP 440 pre-release or dev release. */
  prerelease: z.boolean(),
  /** Index the version comes from (this one or a base). */
  index: z.string(),
  files: z.number().int(),
  hasDocs: z.boolean(),
  /** Not a valid PEP 440 version: sorted after the valid ones. */
  invalid: z.boolean(),
});
export type ProjectVersion = z.infer<typeof projectVersionSchema>;

export const projectViewSchema = z.object({
  name: z.string(),
  index: z.string(),
  isMirror: z.boolean(),
  /** Newest first in PEP 440 order. */
  versions: z.array(projectVersionSchema),
  /** Mirrors whose releases devpi leaves out because the project is not in `mirror_whitelist`. */
  blockedMirrors: z.array(z.string()),
  /** The project's simple page through the load balancer. */
  simpleUrl: z.string(),
});
export type ProjectView = z.infer<typeof projectViewSchema>;

export const fileHistorySchema = z.object({
  what: z.string(),
  who: z.string().nullable(),
  /** ISO 8601, UTC. */
  when: z.string(),
  dst: z.string().optional(),
  src: z.string().optional(),
});

export const releaseFileSchema = z.object({
  filename: z.string(),
  /** Download URL as devpi hands it out (through the load balancer via X-outside-url). */
  url: z.string(),
  /** `user/index` holding the file and its `+f/...` path there (for removal). */
  index: z.string(),
  path: z.string(),
  kind: z.enum(['wheel', 'sdist', 'egg', 'other']),
  pythonTag: z.string(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  history: z.array(fileHistorySchema),
});
export type ReleaseFile = z.infer<typeof releaseFileSchema>;

export const dependencySchema = z.object({
  raw: z.string(),
  name: z.string(),
  /** The dependency is a project on this index (itself or through its bases). */
  onIndex: z.boolean(),
});
export type Dependency = z.infer<typeof dependencySchema>;

export const versionViewSchema = z.object({
  name: z.string(),
  version: z.string(),
  index: z.string(),
  sourceIndex: z.string(),
  isMirror: z.boolean(),
  prerelease: z.boolean(),
  summary: z.string().optional(),
  author: z.string().optional(),
  authorEmail: z.string().optional(),
  maintainer: z.string().optional(),
  maintainerEmail: z.string().optional(),
  license: z.string().optional(),
  homePage: z.string().optional(),
  downloadUrl: z.string().optional(),
  requiresPython: z.string().optional(),
  keywords: z.array(z.string()),
  classifiers: z.array(z.string()),
  projectUrls: z.array(z.object({ label: z.string(), url: z.string() })),
  requiresDist: z.array(dependencySchema),
  files: z.array(releaseFileSchema),
  docs: z.object({ url: z.string(), zipUrl: z.string() }).nullable(),
  /** Sanitised HTML of the long description (safe to inject); empty when there is none. */
  description: z.object({ format: z.enum(['markdown', 'rst', 'text']), html: z.string() }),
  /** The index's simple URL through the load balancer, for `pip install --index-url`. */
  simpleUrl: z.string(),
});
export type VersionView = z.infer<typeof versionViewSchema>;

export const searchModeSchema = z.enum(['name', 'fulltext']);
export type SearchMode = z.infer<typeof searchModeSchema>;

export const searchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(NAME_MAX_LENGTH),
  mode: searchModeSchema.default('name'),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  index: z.string(),
  name: z.string(),
  version: z.string().optional(),
  /** Plain-text excerpts of where devpi-web's full-text search matched. */
  excerpts: z.array(z.string()),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = pageSchema(searchHitSchema).extend({
  query: z.string(),
  /** Which search actually ran: full text needs devpi-web; the name search is the dashboard's own. */
  mode: searchModeSchema,
  fullTextAvailable: z.boolean(),
  /** devpi-web's full-text results are paged by devpi-web: more pages exist. */
  hasMore: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
