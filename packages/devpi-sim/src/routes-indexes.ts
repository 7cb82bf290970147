// Index endpoints (views.py: index_create, index_get, index_modify, index_delete).
import type { Ctx, Reply } from './http.js';
import { apireturn, forbidden, getJson, isObject } from './http.js';
import { InvalidIndexType, InvalidIndexconfig, applyIndexOps, createIndexConfig, modifyIndexConfig } from './ixconfig.js';
import { forgetMirror, mirrorNames } from './mirror.js';
import type { IndexRec, JsonObject } from './model.js';
import { indexName, isMirror } from './model.js';
import { invalidNameMessage, pyRepr } from './names.js';
import { hasRootPermission, hasStagePermission } from './perms.js';
import { listProjectsPerstage } from './stage-ops.js';
import { apiconfig } from './routes-users.js';

export function stageNotFound(user: string, index: string): string {
  return `The stage ${user}/${index} could not be found.`;
}

export function indexApi(ctx: Ctx, ix: IndexRec): Reply {
  const extra: JsonObject = { index: `${ctx.base}/${indexName(ix)}`, simpleindex: `${ctx.base}/${indexName(ix)}/+simple/` };
  if (!isMirror(ix)) extra['pypisubmit'] = `${ctx.base}/${indexName(ix)}/`;
  return apiconfig(ctx, extra);
}

export async function createIndex(ctx: Ctx, username: string, index: string): Promise<Reply> {
  const store = ctx.sim.store;
  const user = store.users.get(username);
  if (!user) return apireturn(404, { message: `no user ${pyRepr(username)}` });
  if (user.indexes.has(index)) return apireturn(409, { message: `index ${pyRepr(`${username}/${index}`)} exists` });
  if (!hasRootPermission(ctx, 'index_create', username)) return apireturn(403, { message: `no permission to create index ${username}/${index}` });
  const body = getJson(ctx);
  const invalid = invalidNameMessage('indexname', index);
  if (invalid) return apireturn(400, { message: invalid });
  let config: JsonObject;
  try {
    config = createIndexConfig(username, isObject(body) ? body : {}, store);
  } catch (e) {
    if (e instanceof InvalidIndexconfig) return apireturn(400, { message: e.messages.join(', ') });
    if (e instanceof InvalidIndexType) return apireturn(400, { message: e.message });
    throw e;
  }
  const ix: IndexRec = { user: username, name: index, config, projects: new Map() };
  user.indexes.set(index, ix);
  store.commit();
  // devpi-web indexes a new mirror's projects right away, which fetches the upstream name list once
  if (isMirror(ix)) await mirrorNames(ctx.sim, ix);
  return apireturn(200, { type: 'indexconfig', result: config });
}

export async function getIndex(ctx: Ctx, ix: IndexRec): Promise<Reply> {
  const result: JsonObject = { ...ix.config };
  if (!ctx.query.has('no_projects')) result['projects'] = await listProjectsPerstage(ctx.sim, ix);
  return apireturn(200, { type: 'indexconfig', result });
}

export function modifyIndex(ctx: Ctx, ix: IndexRec | undefined): Reply {
  if (!ix || !hasStagePermission(ctx, ix, 'index_modify')) return forbidden(ctx);
  const json = getJson(ctx);
  let body: JsonObject;
  let drop = new Set<string>();
  const fromOps = Array.isArray(json);
  if (fromOps) {
    const applied = applyIndexOps(ix.config, json.map(String));
    if (applied.error) return apireturn(400, { message: applied.error });
    body = applied.body;
    drop = applied.drop;
  } else {
    body = isObject(json) ? json : {};
    const inner = body['result'];
    if (body['type'] === 'indexconfig' && isObject(inner)) body = inner;
  }
  let next: JsonObject;
  try {
    next = modifyIndexConfig(ix.config, body, drop, ctx.sim.store);
  } catch (e) {
    if (e instanceof InvalidIndexconfig) return apireturn(400, { message: e.messages.join(', ') });
    throw e;
  }
  const same = JSON.stringify(sortKeys(next)) === JSON.stringify(sortKeys(ix.config));
  // devpi compares its stored config (bases is a tuple) with the JSON body (a list), so a dict body never
  // looks like a no-op on a stage; list operations start from the stored config and can.
  const looksSame = same && (fromOps || !('bases' in ix.config));
  if (looksSame && ctx.query.has('error_on_noop')) return apireturn(400, { message: 'The requested modifications resulted in no changes' });
  if (!same) {
    const urlChanged = next['mirror_url'] !== ix.config['mirror_url'];
    ix.config = next;
    if (urlChanged) forgetMirror(ix);
    ctx.sim.store.commit();
  }
  return apireturn(200, { type: 'indexconfig', result: ix.config });
}

function sortKeys(o: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

export function deleteIndex(ctx: Ctx, ix: IndexRec | undefined): Reply {
  if (!ix || !hasStagePermission(ctx, ix, 'index_delete')) return forbidden(ctx);
  if (ix.config['volatile'] !== true) return apireturn(403, { message: `index ${indexName(ix)} non-volatile, cannot delete` });
  const store = ctx.sim.store;
  store.users.get(ix.user)?.indexes.delete(ix.name);
  for (const relpath of [...store.files.keys()]) if (relpath.startsWith(`${indexName(ix)}/`)) store.files.delete(relpath);
  store.commit();
  return apireturn(201, { message: `index ${indexName(ix)} deleted` });
}
