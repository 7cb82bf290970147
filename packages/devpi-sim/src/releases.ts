// Storing release files and metadata in a stage (model.py: set_versiondata, store_releasefile, store_doczip).
import { whenTuple } from './clock.js';
import type { FileLink, IndexRec, JsonObject, LogEntry, ProjectRec, Store, VersionRec } from './model.js';
import { METADATA_KEYS } from './metadata.js';
import { normalizeName } from './names.js';

export function getVersion(ix: IndexRec, project: string, version: string): VersionRec | undefined {
  return ix.projects.get(project)?.versions.get(version);
}

/** Register or replace version metadata; missing keys get devpi's empty defaults. */
export function setVersionData(store: Store, ix: IndexRec, metadata: JsonObject): VersionRec {
  const name = String(metadata['name'] ?? '');
  const version = String(metadata['version'] ?? '');
  const project = normalizeName(name);
  let proj: ProjectRec | undefined = ix.projects.get(project);
  if (!proj) {
    proj = { name: project, versions: new Map() };
    ix.projects.set(project, proj);
  }
  const full: JsonObject = {};
  for (const key of METADATA_KEYS) full[key] = metadata[key] ?? (key === 'name' || key === 'version' ? '' : defaultFor(key));
  for (const [k, v] of Object.entries(metadata)) if (!(k in full)) full[k] = v;
  const existing = proj.versions.get(version);
  if (existing) {
    if (JSON.stringify(existing.metadata) !== JSON.stringify(full)) {
      existing.metadata = full;
      store.commit();
    }
    return existing;
  }
  const rec: VersionRec = { metadata: full, links: [] };
  proj.versions.set(version, rec);
  store.commit();
  return rec;
}

function defaultFor(key: string): JsonObject[string] {
  return ['platform', 'classifiers', 'supported_platform', 'provides', 'requires', 'obsoletes', 'project_urls', 'provides_dist',
    'obsoletes_dist', 'requires_dist', 'requires_external', 'provides_extras', 'dynamic', 'license_file'].includes(key) ? [] : '';
}

export function logEntry(store: Store, what: string, who: string | null, extra: Partial<LogEntry>): LogEntry {
  return { what, who, when: whenTuple(store.clock.nowMs()), ...extra };
}

export type StoreResult = { link: FileLink } | { conflict: FileLink };

/** Store a file under a version; a non-volatile index refuses to replace a file of the same name. */
export function storeFile(
  store: Store, ix: IndexRec, rec: VersionRec, project: string, version: string,
  rel: FileLink['rel'], basename: string, content: Buffer, log: LogEntry[],
): StoreResult {
  const existing = rec.links.find((l) => l.rel === rel && (rel === 'doczip' || l.basename === basename));
  if (existing && ix.config['volatile'] !== true) return { conflict: existing };
  if (existing) {
    rec.links.splice(rec.links.indexOf(existing), 1);
    store.files.delete(existing.relpath);
  }
  const stored = store.storeFile(ix, project, version, basename, content);
  const link: FileLink = { rel, basename, sha256: stored.sha256, relpath: stored.relpath, log, lastModified: stored.lastModified };
  rec.links.push(link);
  store.commit();
  return { link };
}
