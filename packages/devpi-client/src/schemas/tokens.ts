import { z } from 'zod';

/**
 * `POST /<user>/+token-create` body (devpi-tokens). Every key is one restriction; devpi always adds
 * `expires` (now + 366 days + 10 s) when it is left out. `never` and more than a year are for root only.
 */
export const TokenCreateInput = z
  .object({
    /** Permission names (`pkg_read`, `upload`, `toxresult_upload`, `index_create`, ...); devpi does not check them. */
    allowed: z.array(z.string().min(1)).optional(),
    /** `user/index` names the token may be used under. */
    indexes: z.array(z.string().min(1)).optional(),
    /** Project names (normalised when devpi checks them). */
    projects: z.array(z.string().min(1)).optional(),
    /** Unix time in seconds, or `never`. */
    expires: z.union([z.number().int(), z.literal('never')]).optional(),
    not_before: z.number().int().optional(),
  })
  .strict();
export type TokenCreateInput = z.infer<typeof TokenCreateInput>;

/** `token-info`: the new token, `devpi-` + a base64url macaroon. devpi shows it this once. */
export const TokenInfo = z.object({ token: z.string().min(1) }).loose();
export type TokenInfo = z.infer<typeof TokenInfo>;

/** `tokens-info`: token id -> its restriction strings (`allowed=upload`, `expires=1796160625`, ...). */
export const TokensInfo = z
  .object({ tokens: z.record(z.string(), z.object({ restrictions: z.array(z.string()).default([]) }).loose()) })
  .loose();
export type TokensInfo = z.infer<typeof TokensInfo>;
