import { isMirrorIndex, parseFileHref, type DevpiClient, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { ResolveAnswer } from '@devpi-dashboard/dashboard-api';
import { sortNewestFirst } from '../packages/pep440-order.js';
import { parseDistFile } from './dist-files.js';
import { devpiSro, mirrorAccess, split } from './mirror-access.js';
import { ASSUMED, pipPick, type Candidate } from './pip-pick.js';

type Step = ResolveAnswer['steps'][number];

const basename = (href: string): string => decodeURIComponent(new URL(href, 'http://devpi.invalid/').pathname.split('/').pop() ?? '');

/** One index's own files of the project: version → file names, or undefined when it has none. */
async function ownFiles(client: DevpiClient, name: string, config: IndexConfig, project: string): Promise<Map<string, string[]> | undefined> {
  const [user, index] = split(name);
  const out = new Map<string, string[]>();
  if (isMirrorIndex(config)) {
    const page = await client.simpleProject(user, index, project);
    if (page === undefined) return undefined;
    for (const f of page.files) {
      const v = parseDistFile(f.filename, project).version ?? '?';
      out.set(v, [...(out.get(v) ?? []), f.filename]);
    }
    return out;
  }
  const versions = await client.getProject(user, index, project, { ignoreBases: true });
  if (versions === undefined) return undefined;
  for (const [v, data] of Object.entries(versions)) out.set(v, (data['+links'] ?? []).filter((l) => l.rel === 'releasefile').map((l) => basename(l.href)));
  return out;
}

export interface ResolveInput {
  client: DevpiClient;
  configs: ReadonlyMap<string, IndexConfig>;
  index: string;
  project: string;
  requirement: string;
  specifier: string;
  pre: boolean;
  /** Where pip reaches devpi (through the load balancer), for the download URL. */
  publicUrl: string;
}

/**
 * "Resolve project P on index I": every index in devpi's resolution order with what it holds,
 * what devpi's whitelist check skips and which files an earlier index shadows; then the simple
 * page pip reads from I and what pip would pick from it.
 */
export async function resolveProject(input: ResolveInput): Promise<ResolveAnswer> {
  const { client, configs, index, project } = input;
  const sro = devpiSro(index, configs);
  const held = new Map<string, Map<string, string[]> | undefined | Error>();
  await Promise.all(
    sro.map(async (name) => {
      const config = configs.get(name);
      if (config === undefined) return;
      held.set(name, await ownFiles(client, name, config, project).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    }),
  );
  const holds = (name: string): boolean => {
    const h = held.get(name);
    return h !== undefined && !(h instanceof Error);
  };
  const access = mirrorAccess(index, configs, project, holds, sro);
  const firstServer = new Map<string, string>();
  const steps: Step[] = sro.map((name) => {
    const config = configs.get(name);
    const type = config?.type ?? 'unknown';
    const h = held.get(name);
    if (h instanceof Error) return { index: name, type, state: 'unreadable', versions: [], note: `devpi did not answer for ${name}: ${h.message}` };
    if (h === undefined) return { index: name, type, state: 'absent', versions: [], note: `${name} has no ${project}.` };
    const versions = sortNewestFirst([...h.keys()]).map((version) => ({ version, files: (h.get(version) ?? []).map((filename) => ({ filename, shadowedBy: null as string | null })) }));
    if (access.blocked.includes(name)) {
      return { index: name, type, state: 'blocked', versions, note: `${project} is private on ${access.privateOn.join(', ')} and not in the whitelist: devpi leaves ${name}'s releases out.` };
    }
    let served = 0;
    for (const v of versions) {
      for (const f of v.files) {
        const by = firstServer.get(f.filename);
        if (by === undefined) {
          firstServer.set(f.filename, name);
          served += 1;
        } else f.shadowedBy = by;
      }
    }
    const total = versions.reduce((n, v) => n + v.files.length, 0);
    if (total > 0 && served === 0) return { index: name, type, state: 'shadowed', versions, note: `Every file of ${name} has the same name as one an earlier index serves.` };
    const shadowNote = served < total ? ` ${total - served} file(s) are shadowed by an earlier index with the same file name.` : '';
    return { index: name, type, state: 'serves', versions, note: `Serves ${served} file(s) of ${versions.length} version(s).${shadowNote}` };
  });

  // What pip reads: devpi's own simple page for the project on this index.
  const [user, name] = split(index);
  const page = await client.simpleProject(user, name, project);
  const pageUrl = `${input.publicUrl.replace(/\/+$/, '')}/${encodeURIComponent(user)}/${encodeURIComponent(name)}/+simple/${encodeURIComponent(project)}/`;
  const candidates: Candidate[] = (page?.files ?? []).map((f) => {
    const url = new URL(f.url, pageUrl).toString();
    const loc = parseFileHref(url);
    const dist = parseDistFile(f.filename, project);
    return {
      filename: f.filename,
      version: dist.version ?? '',
      dist,
      yanked: f.yanked !== undefined && f.yanked !== false,
      requiresPython: f['requires-python'] ?? null,
      servedBy: firstServer.get(f.filename) ?? (loc ? `${loc.user}/${loc.index}` : index),
      url,
    };
  });
  const { files, pick, reason } = pipPick(candidates, input.specifier, input.pre);
  const message = page === undefined
    ? `devpi has no ${project} on ${index}: pip finds nothing.`
    : pick === undefined
      ? `pip finds no release of ${project} for "${input.requirement}" on ${index}: ${reason}.`
      : `pip installs ${pick.filename} (${project} ${pick.version}) from ${pick.servedBy}: ${reason}.`;
  return {
    index,
    project,
    requirement: input.requirement,
    specifier: input.specifier,
    pre: input.pre,
    assumes: ASSUMED,
    steps,
    files,
    pick: pick === undefined ? null : { version: pick.version, filename: pick.filename, url: pick.url, servedBy: pick.servedBy, reason },
    message,
  };
}
