import { z } from 'zod';
import { NAME_MAX_LENGTH } from './paging.js';

/** devpi's principals that stand for "every logged-in user" and "everyone". */
export const AUTHENTICATED = ':AUTHENTICATED:';
export const ANONYMOUS = ':ANONYMOUS:';

/**
 * Why a user may or may not upload to an index:
 * listed in acl_upload, allowed via :AUTHENTICATED: or :ANONYMOUS:, the index is a mirror or a
 * plugin type without acl_upload,
 * or not listed (possibly via a `:group` whose members the dashboard cannot see).
 */
export const uploadReasonSchema = z.enum([
  'acl_user',
  'acl_authenticated',
  'acl_anonymous',
  'mirror',
  'plugin',
  'not_listed',
  'group_unknown',
]);
export type UploadReason = z.infer<typeof uploadReasonSchema>;

export const uploadCellSchema = z.object({
  index: z.string(),
  allowed: z.boolean(),
  reason: uploadReasonSchema,
});
export type UploadCell = z.infer<typeof uploadCellSchema>;

export const uploadMatrixQuerySchema = z.object({
  q: z.string().trim().max(NAME_MAX_LENGTH).optional(),
  index: z.string().trim().max(NAME_MAX_LENGTH).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `GET /+dashboard/api/permissions/upload-matrix`: users (paged) x indexes. */
export const uploadMatrixSchema = z.object({
  indexes: z.array(z.object({ name: z.string(), type: z.string() })),
  totalUsers: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  rows: z.array(z.object({ user: z.string(), cells: z.array(uploadCellSchema) })),
});
export type UploadMatrix = z.infer<typeof uploadMatrixSchema>;

export const uploadExplainQuerySchema = z.object({
  /** A user name, or `:ANONYMOUS:` for someone not logged in. */
  user: z.string().trim().min(1).max(NAME_MAX_LENGTH),
  index: z.string().trim().regex(/^[^/]+\/[^/]+$/, 'index must be "user/index"'),
});

/** `GET /+dashboard/api/permissions/upload-explain`: "why can't X upload to Y". */
export const uploadExplanationSchema = z.object({
  user: z.string(),
  index: z.string(),
  userExists: z.boolean(),
  allowed: z.boolean(),
  reason: uploadReasonSchema,
  aclUpload: z.array(z.string()),
  explanation: z.string(),
  remedies: z.array(z.string()),
});
export type UploadExplanation = z.infer<typeof uploadExplanationSchema>;
