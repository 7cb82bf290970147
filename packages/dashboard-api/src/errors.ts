import { z } from 'zod';

/** The one error body the BFF sends (proxied devpi errors pass through unchanged). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    message: z.string(),
    status: z.number().int().min(400).max(599),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
