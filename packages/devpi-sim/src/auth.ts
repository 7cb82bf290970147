import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** devpi's Auth.LOGIN_EXPIRATION: 10 hours, checked when a token is presented. */
export const LOGIN_EXPIRATION_S = 36000;

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

function intToBytes(n: number): Buffer {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

/**
 * Stateless login tokens shaped like itsdangerous.TimedSerializer output:
 * `["user", [], true].<base64 timestamp>.<base64 HMAC>`. The secret is random per process,
 * so tokens die with the server, as devpi's do without --secretfile.
 */
export class TokenSigner {
  private readonly secret: Buffer;

  constructor(secret: Buffer = randomBytes(32)) {
    this.secret = secret;
  }

  private sign(value: string): string {
    return b64url(createHmac('sha1', this.secret).update(value).digest());
  }

  issue(user: string, nowSeconds: number, groups: string[] = []): string {
    // Python's json.dumps separators, so the payload reads exactly like devpi's
    const payload = `[${JSON.stringify(user)}, [${groups.map((g) => JSON.stringify(g)).join(', ')}], true]`;
    const value = `${payload}.${b64url(intToBytes(nowSeconds))}`;
    return `${value}.${this.sign(value)}`;
  }

  /** The user named in a valid, unexpired token, or undefined. */
  verify(token: string, nowSeconds: number): { user: string; groups: string[] } | undefined {
    const sigAt = token.lastIndexOf('.');
    if (sigAt <= 0) return undefined;
    const value = token.slice(0, sigAt);
    const expected = Buffer.from(this.sign(value));
    const given = Buffer.from(token.slice(sigAt + 1));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const tsAt = value.lastIndexOf('.');
    const issued = parseInt(Buffer.from(value.slice(tsAt + 1), 'base64url').toString('hex') || '0', 16);
    if (nowSeconds - issued > LOGIN_EXPIRATION_S) return undefined;
    const parsed: unknown = JSON.parse(value.slice(0, tsAt));
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return undefined;
    const groups = Array.isArray(parsed[1]) ? parsed[1].filter((g): g is string => typeof g === 'string') : [];
    return { user: parsed[0], groups };
  }
}

export interface PasswordHash { salt: string; hash: string }

export function hashPassword(password: string): PasswordHash {
  const salt = randomBytes(16).toString('hex');
  return { salt, hash: scryptSync(password, salt, 32, { N: 1024 }).toString('hex') };
}

export function checkPassword(password: string, stored: PasswordHash): boolean {
  const hash = scryptSync(password, stored.salt, 32, { N: 1024 });
  return timingSafeEqual(hash, Buffer.from(stored.hash, 'hex'));
}

/** `(user, secret)` from X-Devpi-Auth (base64 of `user:token-or-password`) or HTTP Basic, like devpi's credential hooks. */
export function readCredentials(headers: Record<string, string | string[] | undefined>): [string, string] | undefined {
  const devpiAuth = headers['x-devpi-auth'];
  const authorization = headers['authorization'];
  let encoded: string | undefined;
  if (typeof devpiAuth === 'string' && devpiAuth) encoded = devpiAuth;
  else if (typeof authorization === 'string' && /^basic /i.test(authorization)) encoded = authorization.slice(6).trim();
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return [decoded.slice(0, colon), decoded.slice(colon + 1)];
}
