import { z } from 'zod';
import { API_BASE } from './paths.js';

/** Files and bytes of one index as its last storage scan found them. */
export const storageIndexSchema = z.object({
  index: z.string(),
  type: z.string(),
  projects: z.number().int().min(0),
  releases: z.number().int().min(0),
  files: z.number().int().min(0),
  bytes: z.number().int().min(0),
  /** Files devpi listed but gave no length for (HEAD without Content-Length); not in `bytes`. */
  unknownFiles: z.number().int().min(0),
  /** ISO 8601, UTC. */
  scannedAt: z.string(),
  scannedBy: z.string().nullable(),
});
export type StorageIndex = z.infer<typeof storageIndexSchema>;

export const storageProjectSchema = z.object({
  index: z.string(),
  project: z.string(),
  releases: z.number().int().min(0),
  files: z.number().int().min(0),
  bytes: z.number().int().min(0),
});
export type StorageProject = z.infer<typeof storageProjectSchema>;

export const storageReleaseSchema = z.object({
  index: z.string(),
  project: z.string(),
  version: z.string(),
  files: z.number().int().min(0),
  bytes: z.number().int().min(0),
});
export type StorageRelease = z.infer<typeof storageReleaseSchema>;

/** The Storage screen: every scanned index, and the largest projects and releases across them. */
export const storageSummarySchema = z.object({
  indexes: z.array(storageIndexSchema),
  totals: z.object({ files: z.number().int(), bytes: z.number().int(), unknownFiles: z.number().int() }),
  largestProjects: z.array(storageProjectSchema),
  largestReleases: z.array(storageReleaseSchema),
});
export type StorageSummary = z.infer<typeof storageSummarySchema>;

/** One index's size with its projects, largest first; `index` is null before its first scan. */
export const storageIndexDetailSchema = z.object({
  index: storageIndexSchema.nullable(),
  projects: z.array(storageProjectSchema),
});
export type StorageIndexDetail = z.infer<typeof storageIndexDetailSchema>;

export const storageApiPaths = {
  summary: `${API_BASE}/storage`,
  /** `${storageApiPaths.index}/<user>/<index>` */
  index: `${API_BASE}/storage/index`,
} as const;
