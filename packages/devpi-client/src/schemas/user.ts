import { z } from 'zod';
import { IndexConfig } from './index-config.js';

/** `GET /<user>` result and the per-user entries of the root listing. */
export const UserConfig = z
  .object({
    username: z.string(),
    created: z.string().optional(),
    modified: z.string().optional(),
    email: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    custom_data: z.unknown().optional(),
    indexes: z.record(z.string(), IndexConfig).optional(),
  })
  .loose();
export type UserConfig = z.infer<typeof UserConfig>;

/** `GET /` result: every user with their indexes, keyed by user name. */
export const RootListing = z.record(z.string(), UserConfig);
export type RootListing = z.infer<typeof RootListing>;

/** Body of `PUT /<user>`. devpi answers 400 to keys it does not know. */
export interface CreateUserInput {
  password: string;
  email?: string;
  title?: string;
  description?: string;
  custom_data?: unknown;
}

/**
 * Body of `PATCH /<user>`: a merge. An empty string removes the key. A body with only `password`
 * needs the weaker `user_modify_password` permission.
 */
export interface ModifyUserInput {
  password?: string;
  email?: string;
  title?: string;
  description?: string;
  custom_data?: unknown;
}
