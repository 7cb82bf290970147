import { compare, valid } from '@renovatebot/pep440';
import { normalizeProjectName, type DevpiClient, type VersionData } from '@devpi-dashboard/devpi-client';
import { stageLike } from '../domain/stage-like.js';

/** A release a stage index hosts itself (not inherited), with the metadata the supply checks read. */
export interface HostedVersion {
  index: string;
  project: string;
  version: string;
  data: VersionData;
}

/** How many project reads are in flight at once: a scan must not crowd out people using devpi. */
const PARALLEL_READS = 4;

/** Every stage index (and plugin index that behaves as one) in devpi's root listing, as `user/index`. */
export async function stageIndexes(devpi: DevpiClient): Promise<string[]> {
  const root = await devpi.listRoot();
  const out: string[] = [];
  for (const [user, config] of Object.entries(root)) {
    for (const [index, indexConfig] of Object.entries(config.indexes ?? {})) {
      if (stageLike(indexConfig) !== undefined) out.push(`${user}/${index}`);
    }
  }
  return out.sort();
}

export function splitIndex(name: string): [user: string, index: string] {
  const at = name.indexOf('/');
  if (at <= 0 || at === name.length - 1) throw new Error(`not a user/index name: ${name}`);
  return [name.slice(0, at), name.slice(at + 1)];
}

/**
 * The releases one stage hosts, read project by project with `ignore_bases` so inherited
 * (mirror) releases are left to their own index. Undefined when the index is gone or no stage.
 */
export async function hostedVersions(devpi: DevpiClient, name: string): Promise<HostedVersion[] | undefined> {
  const [user, index] = splitIndex(name);
  const config = await devpi.getIndex(user, index);
  if (config === undefined || stageLike(config) === undefined) return undefined;
  const projects = [...(config.projects ?? [])];
  const out: HostedVersion[] = [];
  const worker = async () => {
    for (let project = projects.shift(); project !== undefined; project = projects.shift()) {
      const versions = await devpi.getProject(user, index, project, { ignoreBases: true });
      for (const [version, data] of Object.entries(versions ?? {})) out.push({ index: name, project: data.name || project, version, data });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  const key = (release: HostedVersion) => normalizeProjectName(release.project);
  const newestLast = (a: string, b: string) => (valid(a) !== null && valid(b) !== null ? compare(a, b) : a.localeCompare(b));
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : newestLast(a.version, b.version)));
}
