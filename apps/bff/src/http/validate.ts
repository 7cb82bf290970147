import type { z } from 'zod';
import { badRequest } from '../errors.js';

/** Parses query or body input; a failure is a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.') || '(body)', issue.message]));
  throw badRequest('Some fields are missing or invalid.', { fields });
}
