// Mirror indexes: fetch another simple index over HTTP and cache it for mirror_cache_expiry seconds.
import { createHash } from 'node:crypto';
import { splitBasename } from './basename.js';
import { httpDate } from './clock.js';
import type { Sim } from './http.js';
import type { IndexRec, MirrorLink, MirrorState } from './model.js';
import { normalizeName } from './names.js';

const DEFAULT_EXPIRY_S = 1800;
const ACCEPT = 'application/vnd.pypi.simple.v1+json, text/html;q=0.2';

function state(ix: IndexRec): MirrorState {
  ix.mirror ??= { projects: new Map() };
  return ix.mirror;
}

function expiryMs(ix: IndexRec): number {
  const v = ix.config['mirror_cache_expiry'];
  return (typeof v === 'number' ? v : DEFAULT_EXPIRY_S) * 1000;
}

/** The URL actually fetched: mirror_url after the double's upstream overrides, so relative links resolve there. */
function mirrorUrl(sim: Sim, ix: IndexRec): string {
  let url = String(ix.config['mirror_url'] ?? '');
  for (const [prefix, replacement] of Object.entries(sim.options.upstreamOverrides)) {
    if (url.startsWith(prefix)) url = replacement + url.slice(prefix.length);
  }
  return url.endsWith('/') ? url : `${url}/`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseNames(body: string, contentType: string): Map<string, string> {
  const names = new Map<string, string>();
  if (contentType.includes('json')) {
    const data = parseJson(body);
    const projects = typeof data === 'object' && data !== null && 'projects' in data ? data.projects : undefined;
    if (Array.isArray(projects)) {
      for (const p of projects) {
        if (typeof p === 'object' && p !== null && 'name' in p && typeof p.name === 'string') names.set(normalizeName(p.name), p.name);
      }
    }
    return names;
  }
  for (const m of body.matchAll(/<a [^>]*>([^<]+)<\/a>/g)) if (m[1]) names.set(normalizeName(m[1]), m[1]);
  return names;
}

interface RawLink { filename: string; url: string; sha256?: string | undefined; requiresPython?: string | undefined }

function parseLinks(body: string, contentType: string, pageUrl: string): RawLink[] {
  const links: RawLink[] = [];
  if (contentType.includes('json')) {
    const data = parseJson(body);
    const files = typeof data === 'object' && data !== null && 'files' in data ? data.files : undefined;
    if (!Array.isArray(files)) return links;
    for (const f of files) {
      if (typeof f !== 'object' || f === null) continue;
      const filename = 'filename' in f && typeof f.filename === 'string' ? f.filename : undefined;
      const url = 'url' in f && typeof f.url === 'string' ? f.url : undefined;
      if (!filename || !url) continue;
      const hashes = 'hashes' in f && typeof f.hashes === 'object' && f.hashes !== null ? f.hashes : {};
      const sha256 = 'sha256' in hashes && typeof hashes.sha256 === 'string' ? hashes.sha256 : undefined;
      const rp = 'requires-python' in f && typeof f['requires-python'] === 'string' ? f['requires-python'] : undefined;
      links.push({ filename, url: new URL(url, pageUrl).href, sha256, requiresPython: rp });
    }
    return links;
  }
  for (const m of body.matchAll(/<a ([^>]*)>([^<]+)<\/a>/g)) {
    const attrs = m[1] ?? '';
    const href = /href="([^"]*)"/.exec(attrs)?.[1];
    if (!href || !m[2]) continue;
    const [url = '', frag = ''] = href.split('#');
    const rp = /data-requires-python="([^"]*)"/.exec(attrs)?.[1]?.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
    links.push({ filename: m[2], url: new URL(url, pageUrl).href, sha256: /^sha256=([0-9a-f]{64})$/.exec(frag)?.[1], requiresPython: rp });
  }
  return links;
}

/** `mirror_no_project_list`: devpi then never fetches the whole list and asks for each project directly. */
export function noProjectList(ix: IndexRec): boolean {
  return ix.config['mirror_no_project_list'] === true;
}

/** The mirror's upstream name list, re-fetched once mirror_cache_expiry has passed on the double's clock. */
export async function mirrorNames(sim: Sim, ix: IndexRec): Promise<Map<string, string>> {
  const st = state(ix);
  const now = sim.clock.nowMs();
  if (st.names && st.namesFetchedAt !== undefined && now - st.namesFetchedAt < expiryMs(ix)) return st.names;
  if (noProjectList(ix)) {
    st.names ??= new Map();
    return st.names;
  }
  // concurrent requests share one upstream fetch, as a 600,000-name list takes a while
  st.namesPending ??= fetchNames(sim, ix, st, now).finally(() => {
    st.namesPending = undefined;
  });
  return st.namesPending;
}

async function fetchNames(sim: Sim, ix: IndexRec, st: MirrorState, now: number): Promise<Map<string, string>> {
  const res = await sim.fetchUpstream(mirrorUrl(sim, ix), ACCEPT);
  st.namesFetchedAt = now;
  if (res.status !== 200) {
    st.namesFailed = true;
    st.names ??= new Map();
    return st.names;
  }
  st.namesFailed = false;
  st.names = parseNames(res.body.toString('utf8'), res.contentType);
  st.searchNames ??= [...st.names.keys()];
  return st.names;
}

export function forgetMirror(ix: IndexRec): void {
  ix.mirror = { projects: new Map() };
}

export function clearMirrorProject(ix: IndexRec, project: string): void {
  state(ix).projects.delete(project);
}

/** Release links of one mirrored project, or undefined when upstream does not know it. */
export async function mirrorLinks(sim: Sim, ix: IndexRec, project: string): Promise<MirrorLink[] | undefined> {
  const st = state(ix);
  const noList = noProjectList(ix);
  if (!noList && !(await mirrorNames(sim, ix)).has(project)) return undefined;
  const now = sim.clock.nowMs();
  const cached = st.projects.get(project);
  if (cached && now - cached.fetchedAt < expiryMs(ix)) return cached.links;
  const pageUrl = `${mirrorUrl(sim, ix)}${project}/`;
  const res = await sim.fetchUpstream(pageUrl, ACCEPT);
  if (res.status !== 200) {
    // without a project list the project page is the only way to learn whether upstream has it
    if (noList) return res.status === 404 || res.status === 0 ? cached?.links : cached?.links ?? [];
    return cached?.links ?? [];
  }
  if (noList) {
    st.names ??= new Map();
    if (!st.names.has(project)) st.names.set(project, project);
  }
  const links: MirrorLink[] = [];
  for (const raw of parseLinks(res.body.toString('utf8'), res.contentType, pageUrl)) {
    const parsed = splitBasename(raw.filename);
    const hashPart = raw.sha256 ? `+f/${raw.sha256.slice(0, 3)}/${raw.sha256.slice(3, 16)}` : `+e/${createHash('sha256').update(raw.url).digest('hex').slice(0, 16)}`;
    links.push({
      basename: raw.filename,
      url: raw.url,
      sha256: raw.sha256,
      requiresPython: raw.requiresPython,
      version: parsed?.version ?? '',
      relpath: `${ix.user}/${ix.name}/${hashPart}/${raw.filename}`,
    });
  }
  const changed = JSON.stringify(cached?.links) !== JSON.stringify(links);
  st.projects.set(project, { links, fetchedAt: now });
  if (changed) sim.store.commit();
  return links;
}

/** Fetch and keep a mirrored file the first time it is asked for, checking its sha256. */
export async function fetchMirrorFile(sim: Sim, ix: IndexRec, relpath: string): Promise<boolean> {
  for (const { links } of state(ix).projects.values()) {
    const link = links.find((l) => l.relpath === relpath);
    if (!link) continue;
    const res = await sim.fetchUpstream(link.url, '*/*');
    if (res.status !== 200) return false;
    const sha256 = createHash('sha256').update(res.body).digest('hex');
    if (link.sha256 && link.sha256 !== sha256) return false;
    const project = normalizeName(splitBasename(link.basename)?.name ?? '');
    sim.store.files.set(relpath, { content: res.body, sha256, project, version: link.version, lastModified: httpDate(sim.clock.nowMs()) });
    sim.store.commit();
    return true;
  }
  return false;
}
