import { isMirrorIndex, type DevpiClient, type IndexConfig } from '@devpi-dashboard/devpi-client';
import { stageLike } from '../domain/stage-like.js';
import type { ProjectView, ResolvedIndex } from '@devpi-dashboard/dashboard-api';
import { linksIndex } from './file-facts.js';
import { sortNewestFirst, versionFacts } from './pep440-order.js';

/**
 * devpi says which mirrors it leaves out only in the simple page's info note ("Because this project
 * isn't in the mirror_whitelist, no releases from <strong>root/pypi</strong> are included."), so
 * that note is read. Installer user agents get the page without it; the BFF is not one.
 */
export function blockedMirrors(simpleHtml: string): string[] {
  const note = /<p>\s*<strong>INFO:<\/strong>[^]*?mirror_whitelist[^]*?<\/p>/i.exec(simpleHtml);
  if (!note) return [];
  return [...note[0].matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1] ?? '').filter((n) => n.includes('/'));
}

export interface ProjectInput {
  client: DevpiClient;
  user: string;
  index: string;
  project: string;
  config: IndexConfig;
  resolution: ResolvedIndex[];
  simpleUrl: string;
}

/** The project page: every version across the bases, newest first, with where each comes from. */
export async function projectView(input: ProjectInput): Promise<ProjectView | undefined> {
  const { client, user, index, project, config, resolution } = input;
  const name = `${user}/${index}`;
  const hasMirrorBase = stageLike(config) !== undefined && resolution.some((r) => r.type === 'mirror' && !r.missing);
  const [all, own, simpleHtml] = await Promise.all([
    client.getProject(user, index, project),
    stageLike(config) !== undefined && resolution.length > 1 ? client.getProject(user, index, project, { ignoreBases: true }) : undefined,
    hasMirrorBase ? client.simpleProjectHtml(user, index, project).catch(() => '') : Promise.resolve(''),
  ]);
  if (!all) return undefined;
  const ownVersions = new Set(Object.keys(own ?? (resolution.length > 1 ? {} : all)));
  const versions = sortNewestFirst(Object.keys(all)).map((version) => {
    const data = all[version];
    const links = data?.['+links'] ?? [];
    // Registered-only versions have no files to tell their index; ignore_bases tells instead.
    const from = linksIndex(links) ?? (ownVersions.has(version) ? name : resolution.find((r) => r.name !== name)?.name ?? name);
    return {
      version,
      ...versionFacts(version),
      index: from,
      files: links.filter((l) => l.rel === 'releasefile').length,
      hasDocs: links.some((l) => l.rel === 'doczip'),
    };
  });
  const first = Object.values(all)[0];
  return {
    name: first?.name ?? project,
    index: name,
    isMirror: isMirrorIndex(config),
    versions,
    blockedMirrors: blockedMirrors(simpleHtml),
    simpleUrl: input.simpleUrl,
  };
}
