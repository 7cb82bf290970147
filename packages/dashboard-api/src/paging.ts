import { z } from 'zod';

/**
 * The longest name a filter or a request may carry. devpi puts no length limit on user, index or
 * project names (300 characters are ordinary in its own tests), and an index is `user/index`, two of
 * them; this leaves room for both and still refuses a query string nobody types.
 */
export const NAME_MAX_LENGTH = 1024;

/** Query string of every paged list: `q` filters, `offset`/`limit` page. */
export const pageQuerySchema = z.object({
  q: z.string().trim().max(NAME_MAX_LENGTH).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A page of `item`s with the total after filtering. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().int().min(0),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1),
    items: z.array(item),
  });
}
