// devpi-tokens 1.0.1 at request time: a macaroon presented as a password (or Bearer) is verified when a
// request needs an identity (its caveats, then its signature), and its `allowed` caveats deny permissions.
import type { Ctx, Identity } from './http.js';
import { deniedByIdentity, internalServerError } from './http.js';
import { parseMacaroon, signatureMatches } from './macaroon.js';
import type { Macaroon } from './macaroon.js';
import { readCredentials } from './auth.js';
import { normalizeName } from './names.js';
import { macaroonKey, RESTRICTION_KEYS, type TokenRecord } from './tokens.js';

class InvalidMacaroon extends Error {}

function utc(epoch: number): string | undefined {
  const d = new Date(epoch * 1000);
  if (Number.isNaN(d.getTime()) || Math.abs(epoch) > 253402300799) return undefined;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}

function expiredMessage(raw: string, epoch: number): string {
  const when = utc(epoch);
  return when ? `Token expired at ${raw} (${when})` : `Token expired at ${raw}`;
}

function notBeforeMessage(raw: string, epoch: number): string {
  const when = Number.isFinite(epoch) ? utc(epoch) : undefined;
  return when ? `Token not valid before ${raw} (${when})` : `Token not valid before ${raw}`;
}

function parseIntOr(value: string, fallback: number): number {
  const m = /^\s*([+-]?\d+(?:_\d+)*)\s*$/.exec(value);
  return m?.[1] ? Number(m[1].replace(/_/g, '')) : fallback;
}

/** The project the request is about, as the plugin's caveats see the context. */
function contextProject(ctx: Ctx): string | undefined {
  const { user, index, project } = ctx.crumbs;
  if (project !== undefined) return project;
  if (user !== undefined && index !== undefined && ctx.method === 'POST' && ctx.postedName !== undefined) return normalizeName(ctx.postedName);
  return undefined;
}

function checkProjects(ctx: Ctx, names: string[]): boolean {
  const project = contextProject(ctx);
  if (project === undefined) return true;
  if (!new Set(names.map((n) => normalizeName(n.trim()))).has(project)) throw new InvalidMacaroon(`Token denied access to project '${project}'`);
  return true;
}

function checkTimes(now: number, notBefore: number, expires: number): boolean {
  if (now < notBefore) throw new InvalidMacaroon(notBeforeMessage(String(notBefore), notBefore));
  if (now >= expires) throw new InvalidMacaroon(expiredMessage(String(expires), expires));
  return true;
}

/** devpi-tokens' V1Caveat: `key=value`. False for anything it does not know (which then fails the signature). */
function v1Caveat(ctx: Ctx, predicate: string, now: number): boolean {
  const eq = predicate.indexOf('=');
  if (eq < 0) return false;
  const key = predicate.slice(0, eq);
  const value = predicate.slice(eq + 1);
  switch (key) {
    case 'allowed':
      return true;
    case 'expires': {
      if (value === 'never') return true;
      const expires = parseIntOr(value, 0);
      if (now >= expires) throw new InvalidMacaroon(expiredMessage(value, expires));
      return true;
    }
    case 'not_before': {
      const notBefore = parseIntOr(value, Number.MAX_SAFE_INTEGER);
      if (now < notBefore) throw new InvalidMacaroon(notBeforeMessage(value, notBefore === Number.MAX_SAFE_INTEGER ? Number.NaN : notBefore));
      return true;
    }
    case 'indexes': {
      const { user, index } = ctx.crumbs;
      if (user === undefined || index === undefined) return true;
      const name = `${user}/${index}`;
      if (!new Set(value.split(',').map((x) => x.trim())).has(name)) throw new InvalidMacaroon(`Token denied access to index '${name}'`);
      return true;
    }
    case 'projects':
      return checkProjects(ctx, value.split(','));
    default:
      return false;
  }
}

/** The PyPI-style JSON caveats (pypitoken) the plugin also understands. */
function jsonCaveat(ctx: Ctx, predicate: string, now: number): boolean {
  let data: unknown;
  try {
    data = JSON.parse(predicate);
  } catch {
    return false;
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    if ('version' in d && 'permissions' in d) {
      if (d['version'] !== 1) throw new InvalidMacaroon('invalid version');
      const permissions = d['permissions'];
      if (permissions === null) throw new InvalidMacaroon('invalid permissions');
      if (permissions === 'user') return true;
      if (typeof permissions !== 'object' || Array.isArray(permissions)) throw new InvalidMacaroon('invalid permissions format');
      const projects = (permissions as Record<string, unknown>)['projects'];
      if (projects === undefined || projects === null) throw new InvalidMacaroon('invalid projects in predicate');
      return checkProjects(ctx, Array.isArray(projects) ? projects.map(String) : []);
    }
    const nbf = Number(d['nbf']);
    const exp = Number(d['exp']);
    if ('nbf' in d && 'exp' in d && Number.isFinite(nbf) && Number.isFinite(exp)) return checkTimes(Math.trunc(now), Math.trunc(nbf), Math.trunc(exp));
    return false;
  }
  if (Array.isArray(data) && data.length > 0) {
    if (data[0] === 0 && data.length === 3 && typeof data[1] === 'number' && typeof data[2] === 'number') return checkTimes(Math.trunc(now), data[2], data[1]);
    if (data[0] === 1 && data.length === 2) {
      if (!Array.isArray(data[1])) throw new InvalidMacaroon('invalid projects in predicate');
      return checkProjects(ctx, data[1].map(String));
    }
  }
  return false;
}

const INVALID = 'devpi_tokens.server.InvalidMacaroon';
const BAD_SIGNATURE = 'pymacaroons.exceptions.MacaroonInvalidSignatureException: Signatures do not match';

function verify(ctx: Ctx, m: Macaroon, rec: TokenRecord): void {
  const now = ctx.sim.clock.nowMs() / 1000;
  const met: string[] = [];
  try {
    for (const caveat of m.caveats) if (v1Caveat(ctx, caveat, now) || jsonCaveat(ctx, caveat, now)) met.push(caveat);
  } catch (e) {
    if (e instanceof InvalidMacaroon) throw deniedByIdentity(ctx, `Exception during token verification: ${INVALID}: ${e.message}\n`);
    throw e;
  }
  // an unmet caveat is left out of the chain, so the signature cannot match (pymacaroons' behaviour)
  if (met.length !== m.caveats.length || !signatureMatches(m, macaroonKey(ctx, rec), met)) {
    throw deniedByIdentity(ctx, `Exception during token verification: ${BAD_SIGNATURE}\n`);
  }
}

/**
 * devpi-tokens' devpiserver_get_identity: undefined when the credentials hold no macaroon (devpi then tries them
 * as a password or login token); throws the 403 reply when they hold one that does not verify.
 */
export function tokenIdentity(ctx: Ctx): Identity | undefined {
  const authorization = ctx.headers['authorization'];
  let creds: [string | undefined, string] | undefined = readCredentials(ctx.headers);
  if (typeof authorization === 'string' && /^bearer\s/i.test(authorization)) creds = [undefined, authorization.replace(/^bearer\s+/i, '')];
  if (!creds) return undefined;
  if (creds[1] === '' && creds[0] !== undefined) creds = [creds[1], creds[0]];
  if (creds[0] === '') creds = [undefined, creds[1]];
  const m = parseMacaroon(creds[1]);
  if (!m) return undefined;
  const dash = m.identifier.lastIndexOf('-');
  if (dash < 0) return undefined;
  const tokenUser = m.identifier.slice(0, dash);
  const tokenId = m.identifier.slice(dash + 1);
  if (creds[0] !== undefined && creds[0] !== tokenUser) throw deniedByIdentity(ctx, "Token doesn't match user name");
  const user = ctx.sim.store.users.get(tokenUser);
  if (!user) throw deniedByIdentity(ctx, "User for token doesn't exist");
  const rec = user.tokens?.get(tokenId);
  if (!rec) throw deniedByIdentity(ctx, `The token id ${tokenId} doesn't exist`);
  verify(ctx, m, rec);
  return { user: tokenUser, groups: [], token: { caveats: m.caveats } };
}

/**
 * devpiserver_auth_denials: a token never has `user_*` permissions, and with `allowed` caveats only the
 * permissions in all of them. The caveats are re-read as `key=value` here; a JSON caveat makes 1.0.1 crash (500).
 */
export function tokenDenies(ctx: Ctx, permission: string): boolean {
  const grant = ctx.identity?.token;
  if (!grant) return false;
  let allowed: Set<string> | undefined;
  for (const caveat of grant.caveats) {
    const eq = caveat.indexOf('=');
    const key = caveat.slice(0, eq);
    if (eq < 0 || !RESTRICTION_KEYS.includes(key)) throw internalServerError();
    if (key !== 'allowed') continue;
    const values = caveat.slice(eq + 1).split(',');
    allowed = allowed ? new Set(values.filter((v) => allowed?.has(v))) : new Set(values);
  }
  return permission.startsWith('user_') || (allowed !== undefined && !allowed.has(permission));
}
