import { isMirrorIndex, parseFileHref, type DevpiClient, type ProjectConfig } from '@devpi-dashboard/devpi-client';
import { mapLimit } from '../domain/map-limit.js';
import { splitName } from '../domain/index-name.js';
import { sizesOf, type FileSizeStore } from './file-sizes.js';

export interface ReleaseSize {
  project: string;
  version: string;
  files: number;
  bytes: number;
  /** Files devpi listed but whose length it did not say. */
  unknownFiles: number;
}

export interface IndexScan {
  index: string;
  type: string;
  releases: ReleaseSize[];
}

/** What one scan of an index came to: its sizes, or why there are none. */
export type ScanResult = { kind: 'scanned'; scan: IndexScan } | { kind: 'gone' } | { kind: 'mirror' };

export interface FileRef {
  project: string;
  version: string;
  user: string;
  index: string;
  path: string;
  /** devpi's sha256 of the file, when the link gives one. */
  sha256: string | null;
}

/**
 * Every file a stage holds itself, by release: release files, doc zips and tox results whose link
 * points into this index. Versions with no files (registered metadata only) count as releases of
 * zero bytes, so a project emptied by removals still shows.
 */
export function storedFiles(name: string, project: string, config: ProjectConfig): { releases: string[]; files: FileRef[] } {
  const files: FileRef[] = [];
  for (const [version, data] of Object.entries(config)) {
    for (const link of data['+links'] ?? []) {
      const location = parseFileHref(link.href);
      if (location === undefined || `${location.user}/${location.index}` !== name) continue;
      const sha256 = link.hashes?.['sha256'] ?? (link.hash_spec?.startsWith('sha256=') ? link.hash_spec.slice(7) : null);
      files.push({ project: data.name ?? project, version, ...location, sha256 });
    }
  }
  return { releases: Object.keys(config), files };
}

/** Sums file lengths by release; a file without a length is counted apart, never guessed. */
export function sumByRelease(project: string, releases: string[], files: FileRef[], sizes: (number | undefined)[]): ReleaseSize[] {
  const byVersion = new Map<string, ReleaseSize>(releases.map((version) => [version, { project, version, files: 0, bytes: 0, unknownFiles: 0 }]));
  files.forEach((file, i) => {
    const release = byVersion.get(file.version);
    if (release === undefined) return;
    release.project = file.project;
    release.files += 1;
    const size = sizes[i];
    if (size === undefined) release.unknownFiles += 1;
    else release.bytes += size;
  });
  return [...byVersion.values()];
}

export interface ScanOptions {
  /** Requests to devpi at once, so pip keeps its answers while a scan runs. */
  concurrency: number;
  /** Told the bytes of each file once its project is measured (for a job's progress). */
  onFile?: (bytes: number) => void;
  /** Lengths already learned by sha256: only the other files are asked of devpi (and then learned). */
  sizes?: FileSizeStore | undefined;
}

/**
 * Reads one index's own projects, versions and files and asks devpi for each file's length with a
 * HEAD (devpi has no size API; nothing is downloaded), unless `sizes` knows it by sha256. Mirrors are not scanned: their files are
 * upstream's, and a HEAD on one devpi has not cached would fetch it.
 */
export async function scanIndex(client: DevpiClient, name: string, options: ScanOptions): Promise<ScanResult> {
  const [user, index] = splitName(name);
  const config = await client.getIndex(user, index);
  if (config === undefined) return { kind: 'gone' };
  if (isMirrorIndex(config)) return { kind: 'mirror' };
  const projects = config.projects ?? [];
  const perProject = await mapLimit(projects, 1, async (project) => {
    const found = await client.getProject(user, index, project, { ignoreBases: true });
    if (found === undefined) return [];
    const { releases, files } = storedFiles(name, project, found);
    const sizes = await sizesOf(files, { sha256: (file) => file.sha256, head: (file) => client.fileSize(file.user, file.index, file.path), width: options.concurrency, cache: options.sizes });
    for (const size of sizes) if (size !== undefined) options.onFile?.(size);
    return sumByRelease(project, releases, files, sizes);
  });
  return { kind: 'scanned', scan: { index: name, type: config.type, releases: perProject.flat() } };
}
