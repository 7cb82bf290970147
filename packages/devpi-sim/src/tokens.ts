// The devpi-tokens 1.0.1 plugin's routes: /{user}/+token-create and /{user}/+tokens[/{id}]. How a token
// presented as a password (or Bearer) is verified, and what it denies, is token-verify.ts.
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { Ctx, Reply } from './http.js';
import { abort, apireturn, internalServerError, isObject, noRouteMessage, viewForbidden } from './http.js';
import type { JsonValue, UserRec } from './model.js';
import { mintMacaroon, serializeMacaroon } from './macaroon.js';
import { pyRepr } from './names.js';
import { hasRootPermission } from './perms.js';

/** 366 days + 10 s: the default lifetime and, for non-admins, the longest one. */
export const ONE_YEAR_SECONDS = 366 * 24 * 60 * 60 + 10;
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RESTRICTION_KEYS = ['allowed', 'expires', 'indexes', 'not_before', 'projects'];
const LIST_KEYS = new Set(['allowed', 'indexes', 'projects']);

export interface TokenRecord {
  /** The per-token secret; the macaroon key is derived from it and the server's secret. */
  key: Buffer;
  restrictions: string[];
}

export interface TokenGrant { caveats: string[] }

function tokensOf(user: UserRec): Map<string, TokenRecord> {
  user.tokens ??= new Map();
  return user.tokens;
}

export function macaroonKey(ctx: Ctx, rec: TokenRecord): Buffer {
  return createHmac('sha256', ctx.sim.tokenSecret).update(rec.key).digest();
}

function newTokenId(existing: Map<string, TokenRecord>): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < 8; i += 1) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)] ?? '';
    if (!existing.has(id)) return id;
  }
}

class Refused extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Python's int() of a JSON value: ints, floats (truncated), bools and decimal strings; else a ValueError message. */
function pyInt(value: JsonValue, invalid: string): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const m = /^\s*([+-]?\d+(?:_\d+)*)\s*$/.exec(value);
    if (m?.[1]) return Number(m[1].replace(/_/g, ''));
    throw new Refused(400, invalid);
  }
  // int(None), int([]) ... raise TypeError, which the plugin does not catch
  throw internalServerError();
}

function pyStrValue(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function mayExtendExpiry(ctx: Ctx): boolean {
  const admins = ctx.sim.options.restrictModify ?? ['root'];
  const user = ctx.identity?.user;
  return user !== undefined && admins.includes(user);
}

/** get_restrictions_from_request: keys in sorted order, the first error wins, `expires` always added. */
function restrictionsFromRequest(ctx: Ctx, nowS: number): string[] {
  let data: Record<string, JsonValue> = {};
  if (ctx.body.length > 0) {
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(ctx.body.toString('utf8')) as JsonValue;
    } catch {
      throw internalServerError();
    }
    if (isObject(parsed)) data = { ...parsed };
    else if (!(Array.isArray(parsed) && parsed.length === 0)) throw internalServerError();
  }
  if (!('expires' in data)) data['expires'] = null;
  const out: string[] = [];
  const defaultExpires = nowS + ONE_YEAR_SECONDS;
  for (const key of Object.keys(data).sort()) {
    const value = data[key] ?? null;
    if (!RESTRICTION_KEYS.includes(key)) throw new Refused(400, `Unknown restriction '${key}'.`);
    if (LIST_KEYS.has(key)) {
      if (!Array.isArray(value)) throw new Refused(400, `The ${key} restriction must be a list`);
      value.forEach((item, i) => {
        if (typeof item !== 'string') throw new Refused(400, `Item at position ${i + 1} is not a string in ${key} list`);
        if (!item) throw new Refused(400, `Empty item at position ${i + 1} in ${key} list`);
      });
      out.push(`${key}=${(value as string[]).slice().sort().join(',')}`);
    } else if (key === 'expires') {
      if (value === 'never') {
        if (!mayExtendExpiry(ctx)) throw new Refused(403, 'Not allowed to create token with no expiration');
        out.push('expires=never');
        continue;
      }
      const expires = value === null ? Math.trunc(defaultExpires) : pyInt(value, `Invalid value '${pyStrValue(value)}' for expiration`);
      if (expires <= nowS) throw new Refused(400, "Can't set expiration before current time");
      if (expires > defaultExpires && !mayExtendExpiry(ctx)) throw new Refused(403, 'Not allowed to set expiration to more than one year');
      out.push(`expires=${expires}`);
    } else {
      out.push(`not_before=${pyInt(value, `Invalid value '${pyStrValue(value)}' for not before`)}`);
    }
  }
  return out;
}

function userOr404(ctx: Ctx, username: string): UserRec {
  const user = ctx.sim.store.users.get(username);
  if (!user) throw abort(ctx, 404, `no user ${pyRepr(username)}`);
  return user;
}

function createToken(ctx: Ctx, username: string): Reply {
  if (!hasRootPermission(ctx, 'user_modify', username)) return viewForbidden(ctx, 'user_token_create');
  let restrictions: string[];
  try {
    restrictions = restrictionsFromRequest(ctx, ctx.sim.clock.nowMs() / 1000);
  } catch (e) {
    if (e instanceof Refused) return apireturn(e.status, { message: e.message });
    throw e;
  }
  const user = userOr404(ctx, username);
  const tokens = tokensOf(user);
  const id = newTokenId(tokens);
  const rec: TokenRecord = { key: randomBytes(32), restrictions };
  tokens.set(id, rec);
  ctx.sim.store.commit();
  const token = `devpi-${serializeMacaroon(mintMacaroon(macaroonKey(ctx, rec), `${username}-${id}`, restrictions))}`;
  return apireturn(200, { type: 'token-info', result: { token } });
}

function listTokens(ctx: Ctx, username: string): Reply {
  if (!hasRootPermission(ctx, 'user_modify', username)) return viewForbidden(ctx, 'user_tokens_info');
  const user = userOr404(ctx, username);
  const result: Record<string, JsonValue> = {};
  for (const [id, rec] of tokensOf(user)) result[id] = { restrictions: [...rec.restrictions] };
  return apireturn(200, { type: 'tokens-info', result: { tokens: result } });
}

function deleteToken(ctx: Ctx, username: string, id: string): Reply {
  if (!hasRootPermission(ctx, 'user_modify', username)) return viewForbidden(ctx, 'user_token_delete');
  const user = userOr404(ctx, username);
  const tokens = tokensOf(user);
  // pyramid's HTTPNotFound, rendered by devpi-web whatever the Accept header says
  if (!tokens.has(id)) return abort({ ...ctx, accept: 'text/html' }, 404, `No token with id ${id}`);
  tokens.delete(id);
  ctx.sim.store.commit();
  return apireturn(200, { message: `token ${id} deleted` });
}

/** The plugin's routes under `/{user}/`, or undefined when the path is not one of them. */
export function tokenRoute(ctx: Ctx, username: string, second: string, rest: string[]): Reply | undefined {
  const get = ctx.method === 'GET' || ctx.method === 'HEAD';
  if (second === '+token-create' && rest.length === 0) {
    return ctx.method === 'POST' ? createToken(ctx, username) : noRouteMessage(ctx, 'predicate mismatch for view user_token_create (request_method = POST)');
  }
  if (second === '+tokens' && rest.length === 0) {
    return get ? listTokens(ctx, username) : noRouteMessage(ctx, 'predicate mismatch for view user_tokens_info (request_method = GET,HEAD)');
  }
  if (second === '+tokens' && rest.length === 1 && rest[0]) {
    return ctx.method === 'DELETE' ? deleteToken(ctx, username, rest[0]) : noRouteMessage(ctx, 'predicate mismatch for view user_token_delete (request_method = DELETE)');
  }
  return undefined;
}
