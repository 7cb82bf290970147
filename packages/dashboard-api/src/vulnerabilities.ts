import { z } from 'zod';
import { API_BASE } from './paths.js';

export const severityLevels = ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const;
export const severityLevelSchema = z.enum(severityLevels);
export type SeverityLevel = z.infer<typeof severityLevelSchema>;

/** One OSV entry that concerns one hosted release: the release itself or a requirement it declares. */
export const vulnerabilityFindingSchema = z.object({
  index: z.string(),
  project: z.string(),
  version: z.string(),
  /** `release`: this version is affected. `dependency`: a declared requirement admits affected versions. */
  kind: z.enum(['release', 'dependency']),
  requirement: z.string().nullable(),
  /** The affected package: the project itself or the dependency. */
  package: z.string(),
  id: z.string(),
  aliases: z.array(z.string()),
  summary: z.string().nullable(),
  severity: z.object({ level: severityLevelSchema, vector: z.string().nullable(), score: z.number().nullable() }),
  affected: z.array(z.string()),
  fixed: z.array(z.string()),
  /** For dependencies: the affected versions the specifier admits (listed by the entry or hosted here). */
  admitted: z.array(z.string()),
  link: z.string(),
});
export type VulnerabilityFinding = z.infer<typeof vulnerabilityFindingSchema>;

const optionalText = z.string().trim().min(1).max(1000).optional();

export const vulnerabilityQuerySchema = z.object({
  /** `user/index`. */
  index: optionalText,
  project: optionalText,
  version: optionalText,
  severity: severityLevelSchema.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type VulnerabilityQuery = z.infer<typeof vulnerabilityQuerySchema>;
export type VulnerabilityFilter = Omit<VulnerabilityQuery, 'offset' | 'limit'>;

export const vulnerabilityPageSchema = z.object({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  items: z.array(vulnerabilityFindingSchema),
});
export type VulnerabilityPage = z.infer<typeof vulnerabilityPageSchema>;

/** The OSV database the next scan uses and when each index was last scanned. */
export const vulnerabilityStatusSchema = z.object({
  database: z.object({
    /** Entries imported from a dump; 0 before the first import. */
    entries: z.number().int().min(0),
    importedAt: z.string().nullable(),
    source: z.string().nullable(),
    /** A dump in DATA_DIR newer than the last import; the next scan imports it. */
    pendingDump: z.boolean(),
    /** Whether scans also ask the OSV API (OSV_ONLINE). */
    online: z.boolean(),
    uploadLimitBytes: z.number().int(),
  }),
  lastScanAt: z.string().nullable(),
  indexes: z.array(
    z.object({ index: z.string(), scannedAt: z.string(), database: z.string(), releases: z.number().int(), findings: z.number().int() }),
  ),
});
export type VulnerabilityStatus = z.infer<typeof vulnerabilityStatusSchema>;

export const osvImportResultSchema = z.object({ kept: z.number().int(), skipped: z.number().int(), importedAt: z.string() });
export type OsvImportResult = z.infer<typeof osvImportResultSchema>;

/** One licence as a release declares it, and the releases that declare it. */
export const licenceGroupSchema = z.object({
  /** The licence as shown: the SPDX expression, the License field or a classifier's last part. */
  licence: z.string().nullable(),
  /** Where it was read: `expression` (License-Expression), `license` (License), `classifier`, or `none`. */
  source: z.enum(['expression', 'license', 'classifier', 'none']),
  releases: z.array(z.object({ project: z.string(), version: z.string() })),
});
export type LicenceGroup = z.infer<typeof licenceGroupSchema>;

export const licenceReportSchema = z.object({
  index: z.string(),
  releases: z.number().int(),
  groups: z.array(licenceGroupSchema),
});
export type LicenceReport = z.infer<typeof licenceReportSchema>;

export const vulnerabilityApiPaths = {
  list: `${API_BASE}/vulnerabilities`,
  exportCsv: `${API_BASE}/vulnerabilities/export.csv`,
  status: `${API_BASE}/vulnerabilities/status`,
  /** `PUT` with the zip as the body (application/zip), root only. */
  dump: `${API_BASE}/vulnerabilities/osv-dump`,
} as const;

const seg = (value: string) => encodeURIComponent(value);

export const licenceApiPaths = {
  report: (user: string, index: string) => `${API_BASE}/licences/${seg(user)}/${seg(index)}`,
  exportCsv: (user: string, index: string) => `${API_BASE}/licences/${seg(user)}/${seg(index)}/export.csv`,
} as const;
