import { z } from 'zod';
import type { JobContext, JobKind, PlannedItem } from '../job-kind.js';
import { fileSizes, indexNameSchema, ownFiles, splitIndex, type StoredFile } from './releases.js';

const params = z
  .object({
    source: indexNameSchema,
    target: indexNameSchema,
    releases: z
      .array(z.object({ project: z.string().trim().min(1).max(400), version: z.string().trim().min(1).max(400) }))
      .min(1, 'Choose at least one release.')
      .max(5_000),
  })
  .refine((p) => p.source !== p.target, { message: 'Source and target must be different indexes.', path: ['target'] });
export type PromoteParams = z.infer<typeof params>;

/** Does the target already hold every file of the release (same names, same sha256)? */
export async function releaseOnTarget(ctx: JobContext, target: string, project: string, version: string, files: readonly { filename: string; sha256: string | null }[]): Promise<boolean> {
  const [user, index] = splitIndex(target);
  const there = ownFiles(await ctx.devpi.getVersion(user, index, project, version), target);
  return files.every((file) => there.some((have) => have.filename === file.filename && (file.sha256 === null || have.sha256 === file.sha256)));
}

/**
 * Pushes one release from `source` to `target` with devpi's push (files and docs), unless the
 * target already holds all its files: the check that makes a re-run item a no-op.
 */
export async function pushRelease(ctx: JobContext, source: string, target: string, item: PlannedItem): Promise<{ state: 'done' | 'skipped'; message: string | null }> {
  const project = String(item.spec['project']);
  const version = String(item.spec['version']);
  const files = z.array(z.object({ filename: z.string(), sha256: z.string().nullable() })).catch([]).parse(item.spec['files']);
  if (files.length > 0 && (await releaseOnTarget(ctx, target, project, version, files))) {
    return { state: 'skipped', message: `already on ${target}` };
  }
  const [user, index] = splitIndex(source);
  await ctx.change({ action: 'release.push', target: { index: source, project, version }, changes: [{ key: 'targetindex', op: 'set', after: target }] }, () =>
    ctx.devpi.push(user, index, { name: project, version, targetindex: target }),
  );
  return { state: 'done', message: null };
}

/** A planned push of one release: its own files on the source, with sizes. */
export async function releaseItem(ctx: JobContext, source: string, project: string, version: string, files: StoredFile[]): Promise<PlannedItem> {
  const sizes = await fileSizes(ctx.devpi, files);
  return {
    key: `${project}==${version}`,
    label: `${project} ${version}`,
    bytes: sizes.reduce((sum, size) => sum + size, 0),
    spec: { index: source, project, version, files: files.map((file, i) => ({ filename: file.filename, sha256: file.sha256, size: sizes[i] ?? 0, rel: file.rel })) },
  };
}

/** Promote chosen releases from one stage to another (the dev → prod step), with devpi's push. */
export const promoteKind: JobKind<PromoteParams> = {
  name: 'promote',
  description: 'Push chosen releases, with their files and docs, from one index to another.',
  params,
  title: (p) => `Promote ${p.releases.length === 1 ? `${p.releases[0]?.project ?? ''} ${p.releases[0]?.version ?? ''}` : `${p.releases.length} releases`} from ${p.source} to ${p.target}`,
  async plan(ctx, p) {
    const [tu, ti] = splitIndex(p.target);
    if ((await ctx.devpi.getIndex(tu, ti, { noProjects: true })) === undefined) throw new Error(`The target index ${p.target} does not exist.`);
    const [user, index] = splitIndex(p.source);
    const items: PlannedItem[] = [];
    const missing: string[] = [];
    for (const release of p.releases) {
      const files = ownFiles(await ctx.devpi.getVersion(user, index, release.project, release.version), p.source);
      if (!files.some((file) => file.rel === 'releasefile')) missing.push(`${release.project} ${release.version}`);
      else items.push(await releaseItem(ctx, p.source, release.project, release.version, files));
    }
    if (missing.length > 0) throw new Error(`${p.source} holds no files for ${missing.join(', ')}.`);
    return { items, summary: { source: p.source, target: p.target, releases: items.length, files: items.reduce((n, item) => n + (Array.isArray(item.spec['files']) ? item.spec['files'].length : 0), 0) } };
  },
  runItem: (ctx, item, p) => pushRelease(ctx, p.source, p.target, item),
  async verify(ctx, p, items) {
    const failures: Array<{ seq: number; message: string }> = [];
    for await (const { seq, item, state } of items) {
      if (state === 'failed') continue;
      const files = z.array(z.object({ filename: z.string(), sha256: z.string().nullable() })).catch([]).parse(item.spec['files']);
      if (!(await releaseOnTarget(ctx, p.target, String(item.spec['project']), String(item.spec['version']), files))) {
        failures.push({ seq, message: `${p.target} does not hold every file of this release with the same sha256` });
      }
    }
    return failures;
  },
};
