import { z } from 'zod';

/** `GET /<u>/<i>/+f/<path>` with Accept JSON. */
export const ReleaseFileMeta = z
  .object({
    last_modified: z.string().optional(),
    hash_spec: z.string().optional(),
    hashes: z.record(z.string(), z.string()).optional(),
    project: z.string().optional(),
    version: z.string().optional(),
  })
  .loose();
export type ReleaseFileMeta = z.infer<typeof ReleaseFileMeta>;

/** One push step: `[status, action, ...details]`, e.g. `[200, "store_releasefile", "root/acme/+f/..."]`. */
export const ActionLogEntry = z.tuple([z.number(), z.string()]).rest(z.union([z.string(), z.number()]));
export type ActionLogEntry = z.infer<typeof ActionLogEntry>;

/** Result of a push (`type: "actionlog"`). */
export const ActionLog = z.array(ActionLogEntry);
export type ActionLog = z.infer<typeof ActionLog>;
