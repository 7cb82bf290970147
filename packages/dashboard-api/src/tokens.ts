import { z } from 'zod';
import { API_BASE } from './paths.js';

/** `tokens/<user>` (GET list, POST create) and `tokens/<user>/<id>` (DELETE revoke). */
export const tokensApiPaths = {
  forUser: (user: string) => `${API_BASE}/tokens/${encodeURIComponent(user)}`,
  token: (user: string, id: string) => `${API_BASE}/tokens/${encodeURIComponent(user)}/${encodeURIComponent(id)}`,
} as const;

/**
 * The permissions a token can be limited to (devpi-server 6.19's names). devpi-tokens itself accepts
 * any name; these are the ones that mean something. `user_*` permissions are never given to a token.
 */
export const tokenPermissions = ['pkg_read', 'upload', 'toxresult_upload', 'index_create', 'index_modify', 'index_delete', 'del_entry', 'del_project', 'del_verdata'] as const;
export type TokenPermission = (typeof tokenPermissions)[number];

/** devpi-tokens' default and, for everyone but root, longest lifetime: 366 days + 10 s. */
export const TOKEN_MAX_LIFETIME_S = 366 * 24 * 60 * 60 + 10;

const listItem = z.string().trim().min(1, 'must not be empty').max(400).refine((value) => !value.includes(','), 'must not contain a comma');

/** `POST tokens/<user>`: the restrictions of the token to mint. Empty lists mean "no restriction of this kind". */
export const tokenCreateRequestSchema = z.object({
  allowed: z.array(z.enum(tokenPermissions)).max(tokenPermissions.length).optional(),
  indexes: z.array(listItem.regex(/^[^/]+\/[^/]+$/, 'must be user/index')).max(200).optional(),
  projects: z.array(listItem).max(200).optional(),
  /** Unix seconds, or `never` (root only, devpi decides). Left out: devpi's default, one year. */
  expires: z.union([z.number().int().positive(), z.literal('never')]).optional(),
});
export type TokenCreateRequest = z.infer<typeof tokenCreateRequestSchema>;

/** One token as listed: its id and restrictions; the token itself is never listed (devpi does not keep it). */
export const tokenSummarySchema = z.object({
  id: z.string(),
  /** devpi's restriction strings as stored (`allowed=upload`, `expires=1796160625`, ...). */
  restrictions: z.array(z.string()),
  allowed: z.array(z.string()).nullable(),
  indexes: z.array(z.string()).nullable(),
  projects: z.array(z.string()).nullable(),
  /** ISO time, `never`, or null when devpi stored none (it always does). */
  expires: z.union([z.iso.datetime(), z.literal('never')]).nullable(),
  notBefore: z.iso.datetime().nullable(),
  expired: z.boolean(),
  /** Restrictions of a kind the dashboard does not know. */
  other: z.array(z.string()),
});
export type TokenSummary = z.infer<typeof tokenSummarySchema>;

/** `GET tokens/<user>`: `plugin: false` when devpi runs without devpi-tokens. */
export const tokenListSchema = z.discriminatedUnion('plugin', [
  z.object({ plugin: z.literal(true), user: z.string(), tokens: z.array(tokenSummarySchema) }),
  z.object({ plugin: z.literal(false), user: z.string() }),
]);
export type TokenList = z.infer<typeof tokenListSchema>;

/** `POST tokens/<user>` answer: the token, shown once, with what devpi stored about it. */
export const tokenCreatedSchema = z.object({ token: z.string(), summary: tokenSummarySchema });
export type TokenCreated = z.infer<typeof tokenCreatedSchema>;
