import { z } from 'zod';
import { isValidName, parseFileHref, type VersionData } from '@devpi-dashboard/devpi-client';
import { sizesOf } from '../../storage/file-sizes.js';
import type { JobContext } from '../job-kind.js';

/** `user/index` as the kinds' forms send it. */
export const indexNameSchema = z
  .string()
  .trim()
  .refine((value) => {
    const [user = '', index = '', ...rest] = value.split('/');
    return rest.length === 0 && isValidName(user) && isValidName(index);
  }, 'An index is written user/index.');

export function splitIndex(name: string): [user: string, index: string] {
  const [user = '', index = ''] = name.split('/');
  return [user, index];
}

/** A release's files as a planned item's spec keeps them (cleanup, push kinds); malformed reads as none. */
export const plannedFiles = z.array(z.object({ filename: z.string(), sha256: z.string().nullable() })).catch([]);

/** One stored file of a release, as the kinds plan and check them. */
export interface StoredFile {
  filename: string;
  /** `+f/...` relative to the index the file lives on. */
  path: string;
  /** `user/index` the file is stored on (a version may show files of a base). */
  index: string;
  rel: string;
  sha256: string | null;
  /** When the file was uploaded or pushed to `index`, from devpi's file log (ISO 8601), if logged. */
  uploadedAt: string | null;
}

function whenIso(when: readonly number[]): string {
  const [y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0] = when;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString();
}

/** The release files and doc zips a version lists, with their upload times. */
export function storedFiles(data: VersionData): StoredFile[] {
  const files: StoredFile[] = [];
  for (const link of data['+links'] ?? []) {
    if (link.rel !== 'releasefile' && link.rel !== 'doczip') continue;
    const location = parseFileHref(link.href);
    if (location === undefined) continue;
    const index = `${location.user}/${location.index}`;
    const filename = decodeURIComponent(location.path.split('/').pop() ?? location.path);
    const sha256 = link.hashes?.['sha256'] ?? (link.hash_spec?.startsWith('sha256=') ? link.hash_spec.slice(7) : null);
    const logged = (link.log ?? []).filter((entry) => entry.dst === undefined || entry.dst === index).map((entry) => whenIso(entry.when));
    files.push({ filename, path: location.path, index, rel: link.rel, sha256, uploadedAt: logged.sort().at(-1) ?? null });
  }
  return files;
}

/**
 * File sizes: those the store learned before by sha256, the others from HEAD requests (devpi has
 * no size API), at most `width` at once; 0 where devpi does not say.
 */
export async function fileSizes(ctx: Pick<JobContext, 'devpi' | 'sizes'>, files: ReadonlyArray<Pick<StoredFile, 'index' | 'path' | 'sha256'>>, width = 8): Promise<number[]> {
  const sizes = await sizesOf(files, {
    sha256: (file) => file.sha256,
    head: (file) => {
      const [user, index] = splitIndex(file.index);
      return ctx.devpi.fileSize(user, index, file.path);
    },
    width,
    cache: ctx.sizes,
  });
  return sizes.map((size) => size ?? 0);
}

/** The version's own files on `index` (not those inherited from a base). */
export function ownFiles(data: VersionData | undefined, index: string): StoredFile[] {
  return data === undefined ? [] : storedFiles(data).filter((file) => file.index === index);
}
