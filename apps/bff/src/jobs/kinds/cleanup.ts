import { z } from 'zod';
import type { VersionData } from '@devpi-dashboard/devpi-client';
import { sortNewestFirst, versionFacts } from '../../packages/pep440-order.js';
import type { JobContext, JobKind, PlannedItem } from '../job-kind.js';
import { fileSizes, indexNameSchema, ownFiles, plannedFiles, splitIndex } from './releases.js';
import { mapLimit } from '../../domain/map-limit.js';

const pattern = z.string().trim().min(1).max(200);
/** A preview reads this many projects from devpi at once, and asks this many file lengths at once. */
const PROJECTS_IN_FLIGHT = 8;
const HEADS_IN_FLIGHT = 16;

/** A planned file as the item's spec keeps it: `size` is null until measured, `path` is what a HEAD needs. */
const cleanupFiles = z
  .array(z.object({ filename: z.string(), sha256: z.string().nullable(), path: z.string().optional(), size: z.number().nullable().optional() }))
  .catch([]);
type CleanupFile = z.infer<typeof cleanupFiles>[number];

const sized = (files: readonly CleanupFile[]) => ({
  bytes: files.reduce((sum, file) => sum + (file.size ?? 0), 0),
  unsized: files.filter((file) => file.size === null || file.size === undefined).length,
});

const params = z
  .object({
    indexes: z.array(indexNameSchema).min(1, 'Choose at least one index.').max(50),
    /** Keep this many newest releases of each project; the rest may go. */
    keepNewest: z.number().int().min(0).max(100_000).optional(),
    /** Only pre-releases and dev releases uploaded more than this many days ago may go. */
    preOlderThanDays: z.number().int().min(0).max(36_500).optional(),
    /** Only versions matching this glob (`*` any text, `?` one character) may go. */
    versionPattern: pattern.optional(),
    includeProjects: z.array(pattern).max(100).default([]),
    excludeProjects: z.array(pattern).max(100).default([]),
    /** The newest final release of a project is kept unless this is set. */
    allowNewestFinal: z.boolean().default(false),
  })
  .refine((p) => p.keepNewest !== undefined || p.preOlderThanDays !== undefined || p.versionPattern !== undefined, {
    message: 'Set at least one rule: keep the newest N, pre-releases older than D days, or a version pattern.',
    path: ['keepNewest'],
  });
export type CleanupParams = z.infer<typeof params>;

/** `*` matches any text, `?` one character; case-insensitive, whole string. */
export function globMatcher(glob: string): (text: string) => boolean {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`, 'i');
  return (text) => re.test(text);
}

export interface ReleaseFacts {
  version: string;
  /** Newest upload of the release's own files (devpi's file log), ISO 8601; null when unlogged. */
  uploadedAt: string | null;
}

/**
 * The releases of one project the rules remove, newest first. Selectors (pre-releases older
 * than D days, the version pattern) all have to hold; protections (the newest N, the newest
 * final release) always win. With only "keep newest N", everything older than those N goes.
 */
export function selectReleases(releases: ReleaseFacts[], rules: CleanupParams, now: number): string[] {
  const newestFirst = sortNewestFirst(releases.map((r) => r.version));
  const facts = new Map(releases.map((r) => [r.version, r]));
  const kept = new Set(newestFirst.slice(0, rules.keepNewest ?? 0));
  if (!rules.allowNewestFinal) {
    const final = newestFirst.find((v) => !versionFacts(v).prerelease && !versionFacts(v).invalid);
    if (final !== undefined) kept.add(final);
  }
  const matches = rules.versionPattern === undefined ? () => true : globMatcher(rules.versionPattern);
  const cutoff = rules.preOlderThanDays === undefined ? undefined : now - rules.preOlderThanDays * 86_400_000;
  return newestFirst.filter((version) => {
    if (kept.has(version) || !matches(version)) return false;
    if (cutoff === undefined) return true;
    const uploaded = facts.get(version)?.uploadedAt;
    return versionFacts(version).prerelease && uploaded !== null && uploaded !== undefined && Date.parse(uploaded) < cutoff;
  });
}

function projectFilter(rules: CleanupParams): (project: string) => boolean {
  const include = rules.includeProjects.map(globMatcher);
  const exclude = rules.excludeProjects.map(globMatcher);
  return (project) => (include.length === 0 || include.some((m) => m(project))) && !exclude.some((m) => m(project));
}

/** Cleanup: remove the releases the rules select from one or several stage indexes, after a preview. */
export const cleanupKind: JobKind<CleanupParams> = {
  name: 'cleanup',
  description: 'Remove old releases from stage indexes by rules, with a preview of every release and file and the space freed.',
  params,
  title: (p) => `Clean up ${p.indexes.join(', ')}`,
  async plan(ctx: JobContext, p) {
    const items: PlannedItem[] = [];
    const nonVolatile: string[] = [];
    const wanted = projectFilter(p);
    let projectsScanned = 0;
    let releasesScanned = 0;
    for (const name of p.indexes) {
      const [user, index] = splitIndex(name);
      const config = await ctx.devpi.getIndex(user, index);
      if (config === undefined) throw new Error(`The index ${name} does not exist.`);
      if (config.type !== 'stage') throw new Error(`${name} is a ${config.type} index; only stage indexes hold releases to clean up.`);
      if (!config.volatile) nonVolatile.push(name);
      const projects = (config.projects ?? []).filter(wanted).sort((a, b) => a.localeCompare(b));
      projectsScanned += projects.length;
      const perProject = await mapLimit(projects, PROJECTS_IN_FLIGHT, async (project) => {
        const versions: Record<string, VersionData> = (await ctx.devpi.getProject(user, index, project, { ignoreBases: true })) ?? {};
        const releases = Object.entries(versions).map(([version, data]) => ({ version, files: ownFiles(data, name) }));
        releasesScanned += releases.length;
        const uploadedAt = new Map(releases.map((r) => [r.version, r.files.map((f) => f.uploadedAt).filter((t): t is string => t !== null).sort().at(-1) ?? null]));
        const going = new Set(selectReleases(releases.map((r) => ({ version: r.version, uploadedAt: uploadedAt.get(r.version) ?? null })), p, ctx.now()));
        return releases.filter((r) => going.has(r.version)).map((r) => ({ project, ...r, uploadedAt: uploadedAt.get(r.version) ?? null }));
      });
      const chosen = perProject.flat();
      // No HEAD here: the lengths the store knows, in one lookup for the whole index; the others
      // are measured after the plan is saved (measure) or just before the release goes (runItem).
      const known = ctx.sizes === undefined ? new Map<string, number>() : await ctx.sizes.known(chosen.flatMap((release) => release.files.flatMap((file) => file.sha256 ?? [])));
      for (const release of chosen) {
        const files = release.files.map((file) => ({ filename: file.filename, sha256: file.sha256, path: file.path, size: (file.sha256 === null ? undefined : known.get(file.sha256)) ?? null }));
        const { bytes, unsized } = sized(files);
        items.push({
          key: `${name}/${release.project}==${release.version}`,
          label: `${name} ${release.project} ${release.version}${release.files.length === 0 ? ' (no files)' : ''}`,
          bytes,
          unsized,
          spec: { index: name, project: release.project, version: release.version, uploadedAt: release.uploadedAt, files },
        });
      }
    }
    const files = items.reduce((n, item) => n + plannedFiles.parse(item.spec['files']).length, 0);
    return {
      items,
      summary: {
        indexes: p.indexes.join(', '),
        projectsScanned,
        releasesScanned,
        releasesToRemove: items.length,
        filesToRemove: files,
        // The lengths known so far; measuring adds the others (filesUnsized counts them down).
        bytesFreed: items.reduce((sum, item) => sum + item.bytes, 0),
        filesUnsized: items.reduce((n, item) => n + (item.unsized ?? 0), 0),
        ...(nonVolatile.length > 0 ? { nonVolatile: nonVolatile.join(', ') } : {}),
      },
      // Non-volatile indexes are emptied only with devpi's ?force, after typing their names.
      confirmText: nonVolatile.length > 0 ? nonVolatile.join(' ') : null,
    };
  },
  async measure(ctx, _p, batch, summary) {
    const wanted = batch.flatMap(({ seq, item }) => {
      const index = String(item.spec['index']);
      return cleanupFiles.parse(item.spec['files']).flatMap((file, i) => (file.size === null && file.path !== undefined ? [{ seq, i, file: { index, path: file.path, sha256: file.sha256 } }] : []));
    });
    const lengths = await fileSizes(ctx, wanted.map((w) => w.file), HEADS_IN_FLIGHT);
    const learned = new Map(wanted.map((w, n) => [`${w.seq}/${w.i}`, lengths[n] ?? 0]));
    const items = batch.map(({ seq, item }) => {
      const files = cleanupFiles.parse(item.spec['files']).map((file, i) => ({ ...file, size: file.size ?? learned.get(`${seq}/${i}`) ?? null }));
      return { seq, ...sized(files), spec: { ...item.spec, files } };
    });
    const before = batch.reduce((sum, { item }) => sum + item.bytes, 0);
    const after = items.reduce((sum, item) => sum + item.bytes, 0);
    return {
      items,
      summary: { ...summary, bytesFreed: Number(summary['bytesFreed'] ?? 0) + after - before, filesUnsized: Math.max(0, Number(summary['filesUnsized'] ?? 0) - learned.size) },
    };
  },
  async runItem(ctx, item) {
    const name = String(item.spec['index']);
    const project = String(item.spec['project']);
    const version = String(item.spec['version']);
    const [user, index] = splitIndex(name);
    const planned = plannedFiles.parse(item.spec['files']);
    const current = (await ctx.devpi.getProject(user, index, project, { ignoreBases: true }))?.[version];
    if (current === undefined) return { state: 'skipped', message: 'already gone from devpi' };
    const now = ownFiles(current, name);
    const same = now.length === planned.length && now.every((file) => planned.some((p) => p.filename === file.filename && (p.sha256 === null || p.sha256 === file.sha256)));
    if (!same) return { state: 'skipped', message: 'files changed since the preview; left as it is' };
    const config = await ctx.devpi.getIndex(user, index, { noProjects: true });
    const force = config !== undefined && !config.volatile;
    // Files still unsized (confirmed before measuring finished) are measured now, so the bytes freed are exact.
    const files = cleanupFiles.parse(item.spec['files']);
    const unsized = now.filter((file) => files.some((p) => p.filename === file.filename && (p.size === null || p.size === undefined)));
    const lengths = new Map((await fileSizes(ctx, unsized, HEADS_IN_FLIGHT)).map((size, i) => [unsized[i]?.filename, size]));
    const measured = files.map((file) => ({ ...file, size: file.size ?? lengths.get(file.filename) ?? 0 }));
    await ctx.change({ action: 'release.remove', target: { index: name, project, version }, changes: planned.map((file) => ({ key: 'file', op: 'drop' as const, before: file.filename })) }, () =>
      ctx.devpi.deleteVersion(user, index, project, version, { force }),
    );
    return unsized.length === 0 ? { state: 'done', message: null } : { state: 'done', message: null, ...sized(measured), spec: { ...item.spec, files: measured } };
  },
  async verify(ctx, _p, items) {
    const failures: Array<{ seq: number; message: string }> = [];
    for await (const { seq, item, state } of items) {
      if (state !== 'done') continue;
      const [user, index] = splitIndex(String(item.spec['index']));
      const versions = await ctx.devpi.getProject(user, index, String(item.spec['project']), { ignoreBases: true });
      if (versions?.[String(item.spec['version'])] !== undefined) {
        failures.push({ seq, message: 'devpi still lists this release after removing it' });
      }
    }
    return failures;
  },
};
