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

/** Error codes the SPA reacts to specifically. */
export const errorCodes = {
  sessionExpired: 'session_expired',
  notLoggedIn: 'not_logged_in',
  invalidCredentials: 'invalid_credentials',
  tooManyAttempts: 'too_many_attempts',
  csrf: 'csrf_rejected',
  validation: 'invalid_request',
  notFound: 'not_found',
  devpiUnavailable: 'devpi_unavailable',
  devpiTimeout: 'devpi_timeout',
  pathRefused: 'path_refused',
  methodRefused: 'method_not_allowed',
  indexPatchFormRefused: 'index_patch_must_be_operations',
  shuttingDown: 'shutting_down',
  internal: 'internal_error',
} as const;
