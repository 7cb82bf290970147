import { z } from 'zod';

/**
 * devpi's success envelope `{type, result, message?}`. The literal `type` is checked so that a
 * response of the wrong kind (say, HTML-turned-JSON from a proxy) fails loudly instead of parsing.
 * Build each one once (answers.ts holds them all), not per request.
 */
export function envelope<const T extends string, S extends z.ZodType>(type: T, result: S) {
  return z.object({ type: z.literal(type), result, message: z.string().optional() });
}

/** Bodies that carry only a human message, e.g. `{"message": "user updated"}`. */
export const MessageBody = z.object({ message: z.string() }).loose();
export type MessageBody = z.infer<typeof MessageBody>;

/**
 * Error bodies: API errors have only `message`; pyramid's HTTP exceptions add `code` and `title`
 * (and then `message` may be nothing but newlines, see API.md gotcha 9).
 */
export const ErrorBody = z
  .object({ message: z.string().optional(), code: z.string().optional(), title: z.string().optional() })
  .loose();
export type ErrorBody = z.infer<typeof ErrorBody>;
