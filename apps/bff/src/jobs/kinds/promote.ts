import { z } from 'zod';
import { normalizeProjectName, type ProjectConfig } from '@devpi-dashboard/devpi-client';
import type { JobItemState } from '@devpi-dashboard/dashboard-api';
import { mapLimit } from '../../domain/map-limit.js';
import type { JobContext, JobKind, PlannedItem } from '../job-kind.js';
import { fileSizes, indexNameSchema, ownFiles, plannedFiles, splitIndex, type StoredFile } from './releases.js';

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

/** Projects whose versions a verification reads from devpi at once. */
const VERIFY_PROJECTS_IN_FLIGHT = 2;

type FileCheck = readonly { filename: string; sha256: string | null }[];

/** Does `there` (the target's own files of the release) hold every file (same names, same sha256)? */
function holdsAll(there: readonly StoredFile[], files: FileCheck): boolean {
  return files.every((file) => there.some((have) => have.filename === file.filename && (file.sha256 === null || have.sha256 === file.sha256)));
}

/**
 * What the target held when this run of the job first looked, read once per run: the index's
 * project names, then each project's versions the first time an item of it runs. An item pushed
 * in this run is never run again in it, so the state before the run is all a check needs to see
 * what an earlier run (killed between devpi's answer and the store's write) already pushed. A
 * resumed job is a new run with a new context, so it reads devpi afresh.
 */
class TargetState {
  private projects: Promise<Set<string>> | undefined;
  private readonly versions = new Map<string, Promise<ProjectConfig>>();

  constructor(private readonly ctx: JobContext, private readonly target: string) {}

  async releaseFiles(project: string, version: string): Promise<StoredFile[]> {
    const [user, index] = splitIndex(this.target);
    this.projects ??= this.ctx.devpi.getIndex(user, index).then((config) => new Set((config?.projects ?? []).map(normalizeProjectName)));
    const key = normalizeProjectName(project);
    if (!(await this.projects).has(key)) return [];
    let versions = this.versions.get(key);
    if (versions === undefined) {
      versions = this.ctx.devpi.getProject(user, index, project, { ignoreBases: true }).then((found) => found ?? {});
      // A failed read is not remembered: the item fails and the next one asks again.
      versions.catch(() => this.versions.delete(key));
      this.versions.set(key, versions);
    }
    return ownFiles((await versions)[version], this.target);
  }
}

const targetStates = new WeakMap<JobContext, Map<string, TargetState>>();

function targetState(ctx: JobContext, target: string): TargetState {
  let byTarget = targetStates.get(ctx);
  if (byTarget === undefined) targetStates.set(ctx, (byTarget = new Map()));
  let state = byTarget.get(target);
  if (state === undefined) byTarget.set(target, (state = new TargetState(ctx, target)));
  return state;
}

/**
 * Pushes one release from `source` to `target` with devpi's push (files and docs), unless the
 * target already held all its files when this run began: the check that makes a re-run item a
 * no-op (see {@link TargetState}).
 */
export async function pushRelease(ctx: JobContext, source: string, target: string, item: PlannedItem): Promise<{ state: 'done' | 'skipped'; message: string | null }> {
  const project = String(item.spec['project']);
  const version = String(item.spec['version']);
  const files = plannedFiles.parse(item.spec['files']);
  if (files.length > 0 && holdsAll(await targetState(ctx, target).releaseFiles(project, version), files)) {
    return { state: 'skipped', message: `already on ${target}` };
  }
  const [user, index] = splitIndex(source);
  await ctx.change({ action: 'release.push', target: { index: source, project, version }, changes: [{ key: 'targetindex', op: 'set', after: target }] }, () =>
    ctx.devpi.push(user, index, { name: project, version, targetindex: target }),
  );
  return { state: 'done', message: null };
}

/**
 * Checks finished pushes on the target: each project's versions read once (not one request per
 * release), a few projects at a time; the releases whose files are not all there with the same sha256.
 */
export async function missingOnTarget(
  ctx: JobContext,
  target: string,
  items: AsyncIterable<{ seq: number; item: PlannedItem; state: JobItemState }>,
  skip: (item: PlannedItem, state: JobItemState) => boolean,
): Promise<number[]> {
  const byProject = new Map<string, Array<{ seq: number; version: string; files: FileCheck }>>();
  for await (const { seq, item, state } of items) {
    if (skip(item, state)) continue;
    const project = String(item.spec['project']);
    const entry = { seq, version: String(item.spec['version']), files: plannedFiles.parse(item.spec['files']) };
    const releases = byProject.get(project);
    if (releases === undefined) byProject.set(project, [entry]);
    else releases.push(entry);
  }
  const [user, index] = splitIndex(target);
  const missing = await mapLimit([...byProject], VERIFY_PROJECTS_IN_FLIGHT, async ([project, releases]) => {
    const versions = (await ctx.devpi.getProject(user, index, project, { ignoreBases: true })) ?? {};
    return releases.filter((release) => !holdsAll(ownFiles(versions[release.version], target), release.files)).map((release) => release.seq);
  });
  return missing.flat().sort((a, b) => a - b);
}

/** A planned push of one release: its own files on the source, with sizes. */
export async function releaseItem(ctx: JobContext, source: string, project: string, version: string, files: StoredFile[]): Promise<PlannedItem> {
  const sizes = await fileSizes(ctx, files);
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
    const missing = await missingOnTarget(ctx, p.target, items, (_item, state) => state === 'failed');
    return missing.map((seq) => ({ seq, message: `${p.target} does not hold every file of this release with the same sha256` }));
  },
};
