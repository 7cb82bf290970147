// `POST /<user>/<index>/+f/<path>` with JSON: attach a tox result to a release file (views.py post_toxresult).
import type { Ctx, Reply } from './http.js';
import { abort, apireturn, forbidden, getJson } from './http.js';
import type { IndexRec } from './model.js';
import { indexName } from './model.js';
import { hasStagePermission } from './perms.js';
import { logEntry, storeFile } from './releases.js';
import { stageNotFound } from './routes-indexes.js';

export function postToxresult(ctx: Ctx, user: string, index: string, ix: IndexRec | undefined, relpath: string): Reply {
  if (!ix) return abort(ctx, 404, stageNotFound(user, index));
  if (!hasStagePermission(ctx, ix, 'toxresult_upload')) return forbidden(ctx);
  const store = ctx.sim.store;
  const file = store.files.get(relpath);
  const rec = file && ix.projects.get(file.project)?.versions.get(file.version);
  const link = rec?.links.find((l) => l.relpath === relpath && l.rel === 'releasefile');
  if (!file || !rec || !link) return apireturn(404, { message: `no release file found at ${relpath}` });
  const data = getJson(ctx);
  const count = rec.links.filter((l) => l.rel === 'toxresult' && l.forRelpath === relpath).length;
  const log = [logEntry(store, 'upload', ctx.identity?.user ?? null, { dst: indexName(ix) })];
  const content = Buffer.from(JSON.stringify(data));
  const result = storeFile(store, ix, rec, file.project, file.version, 'toxresult', `${link.basename}.toxresult-${count}`, content, log);
  if ('conflict' in result) return apireturn(409, { message: 'toxresult already exists' });
  result.link.forRelpath = relpath;
  return apireturn(200, { type: 'toxresultpath', result: result.link.relpath });
}
