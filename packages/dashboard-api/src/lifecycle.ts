import { z } from 'zod';
import { API_BASE } from './paths.js';

/** The two list keys a bulk permission change may edit. */
export const aclKeys = ['acl_upload', 'acl_toxresult_upload'] as const;
export const aclKeySchema = z.enum(aclKeys);
export type AclKey = z.infer<typeof aclKeySchema>;

/** Add or remove one principal (`alice`, `:ANONYMOUS:`, `:group`) in one ACL of many indexes. */
export const bulkAclInputSchema = z.object({
  key: aclKeySchema,
  op: z.enum(['add', 'remove']),
  principal: z.string().trim().min(1, 'Say who to add or remove.').max(400),
  indexes: z.array(z.string().min(3).max(700)).min(1, 'Choose at least one index.').max(2000),
});
export type BulkAclInput = z.infer<typeof bulkAclInputSchema>;

/**
 * What the change would do to one index: `change` (it will be sent), `unchanged` (the principal is
 * already there, or already absent), `forbidden` (only the owner and root may change an index),
 * `missing` (no such index) or `not_stage` (a mirror has no upload ACL).
 */
export const bulkAclStates = ['change', 'unchanged', 'forbidden', 'missing', 'not_stage'] as const;
export const bulkAclPreviewItemSchema = z.object({
  index: z.string(),
  state: z.enum(bulkAclStates),
  /** The ACL as devpi holds it now; null when the index has none to read. */
  current: z.array(z.string()).nullable(),
  /** The devpi list operation this index gets (`acl_upload+=bob`); null unless `change`. */
  operation: z.string().nullable(),
  reason: z.string(),
});
export type BulkAclPreviewItem = z.infer<typeof bulkAclPreviewItemSchema>;

export const bulkAclPreviewSchema = z.object({
  input: bulkAclInputSchema,
  items: z.array(bulkAclPreviewItemSchema),
});
export type BulkAclPreview = z.infer<typeof bulkAclPreviewSchema>;

/** One row of a users CSV, as the form and the job read it. */
export const userRowSchema = z.object({
  name: z.string(),
  email: z.string(),
  title: z.string(),
  description: z.string(),
});
export type UserRow = z.infer<typeof userRowSchema>;

/** `create`: will be made. `exists`: skipped (a re-run skips users made before). `invalid`: why not. */
export const userRowStates = ['create', 'exists', 'invalid'] as const;
export const userRowPreviewSchema = z.object({
  line: z.number().int().min(1),
  row: userRowSchema,
  state: z.enum(userRowStates),
  reason: z.string().nullable(),
  /** Another user (existing or in the file) equal apart from letter case: devpi makes both. */
  caseTwin: z.string().nullable(),
});
export type UserRowPreview = z.infer<typeof userRowPreviewSchema>;

export const usersCsvInputSchema = z.object({ csv: z.string().min(1, 'The file is empty.').max(2_000_000, 'The file is larger than 2 MB.') });

export const usersCsvPreviewSchema = z.object({
  rows: z.array(userRowPreviewSchema),
  /** Problems with the file itself (a header that is missing a column, a broken quote). */
  fileErrors: z.array(z.string()),
});
export type UsersCsvPreview = z.infer<typeof usersCsvPreviewSchema>;

/** Generated passwords of a users-from-CSV job: handed out once, then gone from the store. */
export const generatedPasswordsSchema = z.object({
  passwords: z.array(z.object({ username: z.string(), password: z.string() })),
});
export type GeneratedPasswords = z.infer<typeof generatedPasswordsSchema>;

export const lifecycleApiPaths = {
  bulkAclPreview: `${API_BASE}/lifecycle/bulk-acl/preview`,
  usersCsvPreview: `${API_BASE}/lifecycle/users-csv/preview`,
  /** POST: takes the job's passwords (once). GET: how many are waiting. */
  passwords: (jobId: string) => `${API_BASE}/lifecycle/users-csv/${encodeURIComponent(jobId)}/passwords`,
} as const;

export const passwordsWaitingSchema = z.object({ waiting: z.number().int().min(0) });
