import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

/** devpi paths that mint a token in their answer and so never go through the proxy. */
export function isLoginPath(target: string): boolean {
  const path = target.split('?')[0] ?? '';
  return /^\/\+login\/?$/i.test(path);
}

/** devpi-tokens' routes (`/<user>/+token-create`, `/<user>/+tokens[/<id>]`): their answers mint tokens. */
export function isTokenPath(target: string): boolean {
  const path = target.split('?')[0] ?? '';
  return /^\/[^/]+\/\+(token-create|tokens)(\/.*)?$/i.test(path);
}

/** The user whose record `PATCH /<user>` changes, or undefined for any other request. */
export function userPatchTarget(method: string, target: string): string | undefined {
  if (method !== 'PATCH') return undefined;
  const match = /^\/([^/+?][^/?]*)\/?(?:\?.*)?$/.exec(target);
  if (match?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** devpi's answer to a password change: a fresh token for the changed user. */
const PasswordChanged = z.object({
  type: z.literal('userpassword'),
  result: z.object({ password: z.string(), expiration: z.number() }),
  message: z.string().optional(),
});

/** A user PATCH answer is a line of JSON; anything bigger is not one and is not buffered. */
const LIMIT_BYTES = 64 * 1024;

export type ScrubbedAnswer =
  | { kind: 'unchanged'; body: Buffer }
  | { kind: 'password_changed'; body: Buffer; token: string; expiration: number };

/**
 * Reads a (small) user PATCH answer. A password change answer carries a new devpi token, which
 * must not reach the browser: it is replaced by devpi's plain `{"message": ...}` form, and the
 * token handed to the caller (to refresh the session when users change their own password).
 */
export async function scrubPasswordAnswer(proxyRes: IncomingMessage): Promise<ScrubbedAnswer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of proxyRes) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > LIMIT_BYTES) return 'too_large';
    chunks.push(buffer);
  }
  const body = Buffer.concat(chunks);
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { kind: 'unchanged', body };
  }
  const changed = PasswordChanged.safeParse(json);
  if (!changed.success) return { kind: 'unchanged', body };
  const message = changed.data.message ?? 'user updated';
  return { kind: 'password_changed', body: Buffer.from(JSON.stringify({ message })), token: changed.data.result.password, expiration: changed.data.result.expiration };
}
