// Base inheritance as devpi resolves it (model.py: sro, get_mergeable_stages, get_mirror_whitelist_info).
import type { Sim } from './http.js';
import type { FileLink, IndexRec, JsonObject, JsonValue } from './model.js';
import { indexName, isMirror, stringList } from './model.js';
import { mirrorLinks, mirrorNames, noProjectList } from './mirror.js';
import { basenameSuffix, compareVersions } from './names.js';

/** Stage resolution order: the index, then its bases depth-first, each index once. */
export function sro(sim: Sim, ix: IndexRec): IndexRec[] {
  const out: IndexRec[] = [];
  const seen = new Set<string>();
  const visit = (current: IndexRec): void => {
    const name = indexName(current);
    if (seen.has(name)) return;
    seen.add(name);
    out.push(current);
    for (const base of stringList(current.config['bases'])) {
      const next = sim.store.getIndexByName(base);
      if (next) visit(next);
    }
  };
  visit(ix);
  return out;
}

export async function hasProjectPerstage(sim: Sim, ix: IndexRec, project: string): Promise<boolean> {
  if (isMirror(ix) && noProjectList(ix)) return (await mirrorLinks(sim, ix, project)) !== undefined;
  if (isMirror(ix)) return (await mirrorNames(sim, ix)).has(project);
  return ix.projects.has(project);
}

/** The project names an index holds itself (a mirror: its cached upstream list), sorted. */
export async function listProjectsPerstage(sim: Sim, ix: IndexRec): Promise<string[]> {
  const names = isMirror(ix) ? await mirrorNames(sim, ix) : ix.projects;
  // sorting a 600,000-name mirror on every request would cost more than devpi does; keep the last result
  const cached = sortedCache.get(ix);
  if (cached && cached.source === names && cached.size === names.size && cached.serial === sim.store.serial) return cached.sorted;
  const sorted = [...names.keys()].sort();
  sortedCache.set(ix, { source: names, size: names.size, serial: sim.store.serial, sorted });
  return sorted;
}

const sortedCache = new WeakMap<IndexRec, { source: Map<string, unknown>; size: number; serial: number; sorted: string[] }>();

type Merger = (a: Set<string>, b: Set<string>) => Set<string>;

function merger(ix: IndexRec): Merger {
  if (ix.config['mirror_whitelist_inheritance'] === 'intersection') return (a, b) => new Set([...a].filter((x) => b.has(x)));
  return (a, b) => new Set([...a, ...b]);
}

/** The indexes whose releases of `project` are merged: mirrors are skipped for private projects unless whitelisted. */
export async function mergeableStages(sim: Sim, ix: IndexRec, project: string): Promise<IndexRec[]> {
  const merge = merger(ix);
  let whitelist: Set<string> | undefined;
  let whitelisted = false;
  let privateHit = false;
  const out: IndexRec[] = [];
  for (const stage of sro(sim, ix)) {
    if (isMirror(stage)) {
      if (privateHit && !whitelisted) continue;
    } else {
      const own = new Set(stringList(stage.config['mirror_whitelist']));
      whitelist = whitelist === undefined ? own : merge(whitelist, own);
      if (whitelist.has('*') || whitelist.has(project)) whitelisted = true;
      else if (stage.projects.has(project)) privateHit = true;
    }
    if (await hasProjectPerstage(sim, stage, project)) out.push(stage);
  }
  return out;
}

/** Whether the simple page offers a refresh form, and which mirror the whitelist blocks. */
export async function whitelistInfo(sim: Sim, ix: IndexRec, project: string): Promise<{ hasMirrorBase: boolean; blockedBy: string | null }> {
  const merge = merger(ix);
  let whitelist: Set<string> | undefined;
  let whitelisted = false;
  let privateHit = false;
  for (const stage of sro(sim, ix)) {
    if (isMirror(stage)) {
      if (privateHit && !whitelisted) return { hasMirrorBase: false, blockedBy: indexName(stage) };
      const inIndex = await hasProjectPerstage(sim, stage, project);
      return { hasMirrorBase: inIndex, blockedBy: null };
    }
    privateHit = privateHit || stage.projects.has(project);
    const own = new Set(stringList(stage.config['mirror_whitelist']));
    whitelist = whitelist === undefined ? own : merge(whitelist, own);
    if (whitelist.has('*') || whitelist.has(project)) whitelisted = true;
  }
  return { hasMirrorBase: false, blockedBy: null };
}

export interface SimpleLink {
  key: string;
  relpath: string;
  sha256: string | undefined;
  requiresPython: string | undefined;
  version: string;
  /** Set for mirrors with mirror_use_external_urls: links then point upstream directly. */
  externalUrl?: string | undefined;
}

export async function simpleLinksPerstage(sim: Sim, ix: IndexRec, project: string): Promise<SimpleLink[]> {
  if (isMirror(ix)) {
    const links = (await mirrorLinks(sim, ix, project)) ?? [];
    const external = ix.config['mirror_use_external_urls'] === true;
    return links.map((l) => ({
      key: l.basename, relpath: l.relpath, sha256: l.sha256, requiresPython: l.requiresPython, version: l.version,
      externalUrl: external ? l.url : undefined,
    }));
  }
  const out: SimpleLink[] = [];
  for (const [version, rec] of ix.projects.get(project)?.versions ?? []) {
    const rp = rec.metadata['requires_python'];
    for (const link of rec.links) {
      if (link.rel !== 'releasefile') continue;
      out.push({ key: link.basename, relpath: link.relpath, sha256: link.sha256, requiresPython: typeof rp === 'string' && rp ? rp : undefined, version });
    }
  }
  return out;
}

/** All links of `project` through the bases; installers get them unsorted, people newest first. */
export async function simpleLinks(sim: Sim, ix: IndexRec, project: string, sorted: boolean): Promise<SimpleLink[]> {
  const seen = new Set<string>();
  const all: SimpleLink[] = [];
  for (const stage of await mergeableStages(sim, ix, project)) {
    for (const link of await simpleLinksPerstage(sim, stage, project)) {
      if (seen.has(link.key)) continue;
      seen.add(link.key);
      all.push(link);
    }
  }
  if (sorted) {
    all.sort((a, b) => {
      const byVersion = compareVersions(b.version, a.version);
      if (byVersion !== 0) return byVersion;
      const sa = basenameSuffix(a.key, a.version);
      const sb = basenameSuffix(b.key, b.version);
      return sa < sb ? 1 : sa > sb ? -1 : 0;
    });
  }
  return all;
}

export async function listVersionsPerstage(sim: Sim, ix: IndexRec, project: string): Promise<string[]> {
  if (isMirror(ix)) return [...new Set(((await mirrorLinks(sim, ix, project)) ?? []).map((l) => l.version))];
  return [...(ix.projects.get(project)?.versions.keys() ?? [])];
}

export async function listVersions(sim: Sim, ix: IndexRec, project: string, perstage: boolean): Promise<string[]> {
  const stages = perstage ? [ix] : await mergeableStages(sim, ix, project);
  const versions = new Set<string>();
  for (const stage of stages) for (const v of await listVersionsPerstage(sim, stage, project)) versions.add(v);
  return [...versions];
}

function viewLinks(base: string, links: FileLink[]): JsonValue[] {
  return links.map((l) => {
    const view: JsonObject = { rel: l.rel, hash_spec: `sha256=${l.sha256}`, hashes: { sha256: l.sha256 }, href: `${base}/${l.relpath}` };
    if (l.forRelpath) view['for_href'] = `${base}/${l.forRelpath}`;
    view['log'] = l.log.map((e) => ({ ...e }));
    return view;
  });
}

/** One index's version data as devpi's JSON API shows it (with absolute `+links`). */
export async function versionDataPerstage(sim: Sim, ix: IndexRec, project: string, version: string, base: string): Promise<JsonObject | undefined> {
  if (isMirror(ix)) {
    const links = ((await mirrorLinks(sim, ix, project)) ?? []).filter((l) => l.version === version);
    if (!links.length) return undefined;
    const data: JsonObject = { name: project, version };
    const rp = links.find((l) => l.requiresPython)?.requiresPython;
    if (rp) data['requires_python'] = rp;
    data['+links'] = links.map((l): JsonObject => {
      const hashes: JsonObject = l.sha256 ? { sha256: l.sha256 } : {};
      return { rel: 'releasefile', hash_spec: l.sha256 ? `sha256=${l.sha256}` : '', hashes, href: `${base}/${l.relpath}` };
    });
    return data;
  }
  const rec = ix.projects.get(project)?.versions.get(version);
  if (!rec) return undefined;
  const data: JsonObject = { ...rec.metadata };
  if (rec.links.length) data['+links'] = viewLinks(base, rec.links);
  return data;
}

/** Version data merged through the bases: the first index wins, the others go under `+shadowing`. */
export async function versionData(sim: Sim, ix: IndexRec, project: string, version: string, perstage: boolean, base: string): Promise<JsonObject | undefined> {
  const stages = perstage ? [ix] : await mergeableStages(sim, ix, project);
  let result: JsonObject | undefined;
  const shadowing: JsonValue[] = [];
  for (const stage of stages) {
    const data = await versionDataPerstage(sim, stage, project, version, base);
    if (!data) continue;
    if (!result) result = data;
    else shadowing.push(data);
  }
  if (result && shadowing.length) result['+shadowing'] = shadowing;
  return result;
}

export async function hasProject(sim: Sim, ix: IndexRec, project: string): Promise<boolean> {
  for (const stage of sro(sim, ix)) if (await hasProjectPerstage(sim, stage, project)) return true;
  return false;
}
