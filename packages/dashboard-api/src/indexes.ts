import { z } from 'zod';

export const indexWarningCodeSchema = z.enum([
  'anonymous_upload',
  'nobody_can_upload',
  'acl_unknown_user',
  'missing_base',
  'volatile_base_of_non_volatile',
]);

export const indexWarningSchema = z.object({
  code: indexWarningCodeSchema,
  message: z.string(),
});
export type IndexWarning = z.infer<typeof indexWarningSchema>;

/** One index in `GET /+dashboard/api/indexes`. */
export const indexSummarySchema = z.object({
  name: z.string(),
  owner: z.string(),
  index: z.string(),
  type: z.string(),
  volatile: z.boolean(),
  title: z.string().optional(),
  bases: z.array(z.string()),
  aclUpload: z.array(z.string()),
  mirrorUrl: z.string().optional(),
  warnings: z.array(indexWarningSchema),
});
export type IndexSummary = z.infer<typeof indexSummarySchema>;

export const indexGroupSchema = z.object({
  owner: z.string(),
  indexes: z.array(indexSummarySchema),
});

export const indexListSchema = z.object({
  total: z.number().int().min(0),
  owners: z.array(indexGroupSchema),
});
export type IndexList = z.infer<typeof indexListSchema>;
