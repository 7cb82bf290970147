// /+login, /+api and the user endpoints (views.py: login, user_create, user_patch, user_delete).
import { LOGIN_EXPIRATION_S, checkPassword, hashPassword } from './auth.js';
import type { Ctx } from './http.js';
import type { Reply } from './http.js';
import { abort, apireturn, forbidden, getJson, isObject } from './http.js';
import type { JsonObject, UserRec } from './model.js';
import { invalidNameMessage, pyRepr } from './names.js';
import { hasRootPermission, mayChangePassword } from './perms.js';

const USER_KEYS = ['email', 'title', 'description', 'custom_data'];

/** A fresh login token for `user` if `password` is right (devpi's new_proxy_auth). */
export function newProxyAuth(ctx: Ctx, user: string, password: string): JsonObject | undefined {
  const rec = ctx.sim.store.users.get(user);
  if (!rec || !checkPassword(password, rec.password)) return undefined;
  return { password: ctx.sim.signer.issue(user, ctx.sim.clock.nowSeconds()), expiration: LOGIN_EXPIRATION_S };
}

export function login(ctx: Ctx): Reply {
  const body = getJson(ctx);
  const user = isObject(body) ? body['user'] : undefined;
  const password = isObject(body) ? body['password'] : undefined;
  if (typeof user !== 'string' || typeof password !== 'string') return abort(ctx, 400, 'Bad request: no user/password specified');
  const proxyauth = newProxyAuth(ctx, user, password);
  if (!proxyauth) return apireturn(401, { message: `user ${pyRepr(user)} could not be authenticated` });
  return apireturn(200, { message: 'login successful', type: 'proxyauth', result: proxyauth });
}

export function apiconfig(ctx: Ctx, extra: JsonObject = {}): Reply {
  const authstatus = ctx.identity ? ['ok', ctx.identity.user, ctx.identity.groups] : ['noauth', '', []];
  const result: JsonObject = {
    login: `${ctx.base}/+login`,
    authstatus,
    features: ['push-no-docs', 'push-only-docs', 'push-register-project', 'server-keyvalue-parsing'],
    ...extra,
  };
  return apireturn(200, { type: 'apiconfig', result });
}

/** devpi prints the Python object in this message; keep the shape so clients that show it look the same. */
function userRepr(): string {
  const addr = Math.floor(0x7f0000000000 + Math.random() * 0xffffffffff).toString(16);
  return `<devpi_server.model.User object at 0x${addr}>`;
}

export function listUsers(ctx: Ctx): Reply {
  const result: JsonObject = {};
  for (const user of [...ctx.sim.store.users.values()].sort((a, b) => a.username.localeCompare(b.username))) {
    result[user.username] = ctx.sim.store.userConfig(user);
  }
  return apireturn(200, { type: 'list:userconfig', result });
}

export function getUser(ctx: Ctx, username: string): Reply {
  const user = ctx.sim.store.users.get(username);
  if (!user) return apireturn(404, { message: `no user ${pyRepr(username)}` });
  return apireturn(200, { type: 'userconfig', result: ctx.sim.store.userConfig(user) });
}

export function createUser(ctx: Ctx, username: string): Reply {
  if (!hasRootPermission(ctx, 'user_create', username)) return forbidden(ctx);
  const store = ctx.sim.store;
  if (store.users.has(username)) return apireturn(409, { message: 'user already exists' });
  const body = getJson(ctx);
  if (!isObject(body) || !('password' in body)) return apireturn(400, { message: 'password needs to be set' });
  const invalid = invalidNameMessage('username', username);
  if (invalid) return apireturn(400, { message: invalid });
  const unknown = Object.keys(body).filter((k) => k !== 'password' && k !== 'pwhash' && !USER_KEYS.includes(k));
  if (unknown.length) return apireturn(400, { message: `Unknown keys in user config: ${unknown.join(', ')}` });
  const fields: JsonObject = {};
  for (const key of USER_KEYS) {
    const value = body[key];
    if (value !== undefined && value !== null && value !== '') fields[key] = value;
  }
  const rec: UserRec = { username, password: hashPassword(String(body['password'])), created: store.now(), fields, indexes: new Map() };
  store.users.set(username, rec);
  store.commit();
  return apireturn(201, { type: 'userconfig', result: store.userConfig(rec) });
}

export function modifyUser(ctx: Ctx, username: string): Reply {
  const store = ctx.sim.store;
  const body = getJson(ctx);
  const kv: JsonObject = isObject(body) ? body : {};
  // views.py user_patch reads self.context.user (404 "no user") before it checks permissions.
  const user = store.users.get(username);
  if (!user) return abort(ctx, 404, `no user ${pyRepr(username)}`);
  const passwordOnly = Object.keys(kv).length === 1 && 'password' in kv;
  const allowed = passwordOnly ? mayChangePassword(ctx, username) : hasRootPermission(ctx, 'user_modify', username);
  if (!allowed) {
    const what = passwordOnly ? 'change password for' : 'modify';
    return apireturn(403, { message: `no permission to ${what} user ${userRepr()}` });
  }
  let changed = false;
  for (const key of USER_KEYS) {
    if (!(key in kv)) continue;
    const value = kv[key];
    if (value === '' || value === false || value === null || value === undefined) {
      if (key in user.fields) {
        delete user.fields[key];
        changed = true;
      }
    } else if (JSON.stringify(user.fields[key]) !== JSON.stringify(value)) {
      user.fields[key] = value;
      changed = true;
    }
  }
  const password = kv['password'];
  if (typeof password === 'string') {
    user.password = hashPassword(password);
    changed = true;
  }
  if (changed) {
    user.modified = store.now();
    store.commit();
  }
  if (typeof password === 'string') {
    return apireturn(200, { message: 'user updated, new proxy auth', type: 'userpassword', result: newProxyAuth(ctx, username, password) ?? null });
  }
  return apireturn(200, { message: 'user updated' });
}

export function deleteUser(ctx: Ctx, username: string): Reply {
  if (!hasRootPermission(ctx, 'user_delete', username)) return forbidden(ctx);
  const store = ctx.sim.store;
  const user = store.users.get(username);
  if (!user) return abort(ctx, 404, `no user ${pyRepr(username)}`);
  for (const [name, ix] of user.indexes) {
    if (ix.config['volatile'] !== true) return apireturn(403, { message: `user ${pyRepr(username)} has non-volatile index: ${name}` });
  }
  for (const ix of user.indexes.values()) {
    for (const relpath of [...store.files.keys()]) if (relpath.startsWith(`${ix.user}/${ix.name}/`)) store.files.delete(relpath);
  }
  store.users.delete(username);
  store.commit();
  return apireturn(200, { message: `user ${pyRepr(username)} deleted` });
}

