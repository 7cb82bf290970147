import { z } from 'zod';
import { pageSchema } from './paging.js';

export const ownedIndexSchema = z.object({
  name: z.string(),
  type: z.string(),
  volatile: z.boolean(),
});

/** One row of `GET /+dashboard/api/users`. */
export const userSummarySchema = z.object({
  username: z.string(),
  email: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  created: z.string().optional(),
  indexes: z.array(ownedIndexSchema),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const usersPageSchema = pageSchema(userSummarySchema);
export type UsersPage = z.infer<typeof usersPageSchema>;

/**
 * devpi stores any email text (`root@localhost`, `jörg@example.de`), so the only check is the
 * one a typo most likely breaks: one `@` with something on either side and no spaces.
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/u;
export const EMAIL_PROBLEM = 'An email address needs one @ with text on either side and no spaces, or leave it empty.';
