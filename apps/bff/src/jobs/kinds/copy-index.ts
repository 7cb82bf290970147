import { z } from 'zod';
import { RUNS_ALONE, type JobContext, type JobKind, type PlannedItem } from '../job-kind.js';
import { globMatcher } from './cleanup.js';
import { missingOnTarget, pushRelease, releaseItem } from './promote.js';
import { indexNameSchema, ownFiles, plannedFiles, splitIndex } from './releases.js';
import { mapLimit } from '../../domain/map-limit.js';

const params = z
  .object({
    source: indexNameSchema,
    target: indexNameSchema,
    /** Only projects matching one of these globs; empty copies every project. */
    includeProjects: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
    excludeProjects: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  })
  .refine((p) => p.source !== p.target, { message: 'Source and target must be different indexes.', path: ['target'] });
export type CopyIndexParams = z.infer<typeof params>;

/** A stage's whole config as devpi gives it, plugin keys included; only `projects` is not config. */
const stageConfig = z
  .object({
    type: z.literal('stage'),
    volatile: z.boolean().optional(),
    bases: z.array(z.string()).optional(),
    acl_upload: z.array(z.string()).optional(),
    acl_toxresult_upload: z.array(z.string()).optional(),
    mirror_whitelist: z.array(z.string()).optional(),
    mirror_whitelist_inheritance: z.enum(['intersection', 'union']).optional(),
    title: z.string().optional(),
    description: z.string().optional(),
  })
  .loose();

const CREATE_KEY = '+create-index';

function withoutProjects(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'projects'));
}

/** Copy an index: the target gets the source's whole config, then every release with its files and docs. */
export const copyIndexKind: JobKind<CopyIndexParams> = {
  name: 'copy-index',
  description: "Create a new index with another's whole config and push every release, with all files and docs, into it; checked by sha256 at the end.",
  params,
  title: (p) => `Copy ${p.source} to ${p.target}`,
  async plan(ctx: JobContext, p) {
    const [su, si] = splitIndex(p.source);
    const [tu, ti] = splitIndex(p.target);
    const source = await ctx.devpi.getIndex(su, si);
    if (source === undefined) throw new Error(`The index ${p.source} does not exist.`);
    if (source.type !== 'stage') throw new Error(`${p.source} is a ${source.type} index; only a stage index holds releases to copy.`);
    if ((await ctx.devpi.getIndex(tu, ti, { noProjects: true })) !== undefined) throw new Error(`The index ${p.target} exists already; a copy goes into a new index.`);
    const include = p.includeProjects.map(globMatcher);
    const exclude = p.excludeProjects.map(globMatcher);
    const projects = (source.projects ?? []).filter((name) => (include.length === 0 || include.some((m) => m(name))) && !exclude.some((m) => m(name))).sort((a, b) => a.localeCompare(b));
    let withoutFiles = 0;
    const perProject = await mapLimit(projects, 8, async (project) => {
      const versions = (await ctx.devpi.getProject(su, si, project, { ignoreBases: true })) ?? {};
      const found: PlannedItem[] = [];
      for (const [version, data] of Object.entries(versions)) {
        const files = ownFiles(data, p.source);
        if (!files.some((file) => file.rel === 'releasefile')) {
          withoutFiles += 1;
          continue;
        }
        found.push(await releaseItem(ctx, p.source, project, version, files));
      }
      return found;
    });
    const releases = perProject.flat();
    const config = stageConfig.parse(withoutProjects(source));
    const uploaders = config.acl_upload ?? [];
    if (!uploaders.includes(ctx.creator) && !uploaders.includes(':ANONYMOUS:')) {
      throw new Error(`The copy keeps ${p.source}'s acl_upload (${uploaders.join(', ') || 'nobody'}), so devpi would not let you (${ctx.creator}) push the releases into it. Add ${ctx.creator} to the source's upload permissions first, or run the copy as one of them.`);
    }
    const create: PlannedItem = { key: CREATE_KEY, label: `Create ${p.target} (stage, bases: ${(config.bases ?? []).join(', ') || 'none'})`, bytes: 0, spec: { index: p.target, config, [RUNS_ALONE]: true } };
    return {
      items: [create, ...releases],
      summary: {
        source: p.source,
        target: p.target,
        configKeys: Object.keys(config).sort().join(', '),
        projects: new Set(releases.map((item) => String(item.spec['project']))).size,
        releases: releases.length,
        files: releases.reduce((n, item) => n + plannedFiles.parse(item.spec['files']).length, 0),
        bytes: releases.reduce((n, item) => n + item.bytes, 0),
        ...(withoutFiles > 0 ? { releasesWithoutFilesNotCopied: withoutFiles } : {}),
      },
    };
  },
  async runItem(ctx, item, p) {
    if (item.key !== CREATE_KEY) return pushRelease(ctx, p.source, p.target, item);
    const [tu, ti] = splitIndex(p.target);
    if ((await ctx.devpi.getIndex(tu, ti, { noProjects: true })) !== undefined) return { state: 'skipped', message: `${p.target} exists already` };
    const config = stageConfig.parse(item.spec['config']);
    await ctx.change({ action: 'index.create', target: { index: p.target }, changes: Object.entries(config).map(([key, value]) => ({ key, op: 'set' as const, after: value })) }, () =>
      ctx.devpi.createIndex(tu, ti, config),
    );
    return { state: 'done', message: null };
  },
  async verify(ctx, p, items) {
    const missing = await missingOnTarget(ctx, p.target, items, (item, state) => state === 'failed' || item.key === CREATE_KEY);
    return missing.map((seq) => ({ seq, message: `${p.target} does not hold every file of this release with the same sha256` }));
  },
};
