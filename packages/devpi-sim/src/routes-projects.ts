// Projects, versions and files (views.py: project_get, version_get, del_project, del_versiondata, _pkgserv, del_pkg).
import { releaseFileContentType } from './basename.js';
import type { Ctx } from './http.js';
import { Reply, abort, apireturn, forbidden, wantsJson } from './http.js';
import { fetchMirrorFile } from './mirror.js';
import type { IndexRec, JsonObject } from './model.js';
import { indexName, isMirror } from './model.js';
import { normalizedNameRepr, pyRepr } from './names.js';
import { hasStagePermission, mayReadPackages } from './perms.js';
import { hasProject, listVersions, versionData } from './stage-ops.js';

export async function getProject(ctx: Ctx, ix: IndexRec, project: string): Promise<Reply> {
  const perstage = ctx.query.has('ignore_bases');
  const versions = await listVersions(ctx.sim, ix, project, perstage);
  if (!versions.length && !(await hasProject(ctx.sim, ix, project))) return abort(ctx, 404, `no project ${pyRepr(project)}`);
  const result: JsonObject = {};
  for (const version of versions) {
    const data = await versionData(ctx.sim, ix, project, version, perstage, ctx.base);
    if (data) result[version] = data;
  }
  return apireturn(200, { type: 'projectconfig', result });
}

export async function getVersionData(ctx: Ctx, ix: IndexRec, project: string, version: string): Promise<Reply> {
  const data = await versionData(ctx.sim, ix, project, version, false, ctx.base);
  if (!data) return abort(ctx, 404, `The version ${version} of project ${project} does not exist.`);
  return apireturn(200, { type: 'versiondata', result: data });
}

export function deleteProject(ctx: Ctx, ix: IndexRec | undefined, project: string, given: string): Reply {
  if (!ix || !hasStagePermission(ctx, ix, 'del_project')) return forbidden(ctx);
  if (ix.config['volatile'] !== true && !ctx.query.has('force')) {
    return apireturn(403, { message: `project ${normalizedNameRepr(project, given)} is on non-volatile index ${indexName(ix)}` });
  }
  const proj = ix.projects.get(project);
  if (!proj) return apireturn(404, { message: 'project not found' });
  for (const rec of proj.versions.values()) for (const link of rec.links) ctx.sim.store.files.delete(link.relpath);
  ix.projects.delete(project);
  ctx.sim.store.commit();
  return apireturn(200, { message: `project ${project} deleted from stage ${indexName(ix)}` });
}

export function deleteVersion(ctx: Ctx, ix: IndexRec | undefined, project: string, given: string, version: string): Reply {
  if (!ix || !hasStagePermission(ctx, ix, 'del_verdata')) return forbidden(ctx);
  if (ix.config['volatile'] !== true && !ctx.query.has('force')) return abort(ctx, 403, 'cannot delete version on non-volatile index');
  const name = normalizedNameRepr(project, given);
  const rec = ix.projects.get(project)?.versions.get(version);
  if (!rec) return abort(ctx, 404, `version ${pyRepr(version)} of project ${name} not found on stage ${pyRepr(indexName(ix))}`);
  for (const link of rec.links) ctx.sim.store.files.delete(link.relpath);
  ix.projects.get(project)?.versions.delete(version);
  ctx.sim.store.commit();
  return apireturn(200, { message: `project ${name} version ${pyRepr(version)} deleted` });
}

/** `GET /<user>/<index>/+f/<path>`: the bytes, or with Accept JSON the file's metadata. */
export async function getFile(ctx: Ctx, ix: IndexRec, relpath: string): Promise<Reply> {
  const store = ctx.sim.store;
  let file = store.files.get(relpath);
  if (!file && isMirror(ix) && (await fetchMirrorFile(ctx.sim, ix, relpath))) file = store.files.get(relpath);
  if (!file) return abort(ctx, 404, 'no such file');
  if (wantsJson(ctx)) {
    return apireturn(200, {
      type: 'releasefilemeta',
      result: { last_modified: file.lastModified, hash_spec: `sha256=${file.sha256}`, hashes: { sha256: file.sha256 }, project: file.project, version: file.version },
    });
  }
  if (!mayReadPackages(ctx)) return abort(ctx, 403, 'package read forbidden');
  return new Reply(200, file.content, releaseFileContentType(relpath.slice(relpath.lastIndexOf('/') + 1)), undefined, { 'Last-Modified': file.lastModified });
}

export function deleteFile(ctx: Ctx, ix: IndexRec | undefined, relpath: string): Reply {
  if (!ix || !hasStagePermission(ctx, ix, 'del_entry')) return forbidden(ctx);
  if (ix.config['volatile'] !== true && !ctx.query.has('force')) return abort(ctx, 403, 'cannot delete version on non-volatile index');
  const file = ctx.sim.store.files.get(relpath);
  if (!file) return abort(ctx, 404, `package ${pyRepr(relpath)} doesn't exist`);
  const rec = ix.projects.get(file.project)?.versions.get(file.version);
  if (rec) rec.links = rec.links.filter((l) => l.relpath !== relpath);
  ctx.sim.store.files.delete(relpath);
  ctx.sim.store.commit();
  return apireturn(200, { message: `package ${pyRepr(relpath)} deleted` });
}
