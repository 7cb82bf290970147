import { z } from 'zod';

function makeEnvelope<const T extends string, S extends z.ZodType>(type: T, result: S) {
  return z.object({ type: z.literal(type), result, message: z.string().optional() });
}

type Envelope<T extends string, S extends z.ZodType> = ReturnType<typeof makeEnvelope<T, S>>;

/** Envelopes made so far, per result schema and type: the client asks for one on every answer. */
const made = new WeakMap<z.ZodType, Map<string, z.ZodType>>();

/**
 * devpi's success envelope `{type, result, message?}`. The literal `type` is checked so that a
 * response of the wrong kind (say, HTML-turned-JSON from a proxy) fails loudly instead of parsing.
 * Each one is built once: zod compiles a schema on its first parse (150-250 µs, against 3-5 µs for
 * a parse with a held schema), which a new object on every request would pay every time.
 */
export function envelope<const T extends string, S extends z.ZodType>(type: T, result: S): Envelope<T, S> {
  let byType = made.get(result);
  if (byType === undefined) made.set(result, (byType = new Map()));
  const held = byType.get(type);
  if (held !== undefined) return held as Envelope<T, S>;
  const fresh = makeEnvelope(type, result);
  byType.set(type, fresh);
  return fresh;
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
