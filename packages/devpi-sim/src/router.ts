// URL dispatch mirroring devpi-server's routes plus the devpi-web views.
import type { Ctx } from './http.js';
import { Reply, abort, apireturn, html, noRoute, noView, redirect, replicationDisabled, wantsHtml, wantsJson } from './http.js';
import { docFile } from './docs.js';
import { docFramePage, indexPage, owningStage, projectPage, rootPage, statusPage, userPage, versionPage } from './html-web.js';
import { listVersions } from './stage-ops.js';
import { latestVersion, normalizeName } from './names.js';
import { createIndex, deleteIndex, getIndex, indexApi, modifyIndex, stageNotFound } from './routes-indexes.js';
import { deleteFile, deleteProject, deleteVersion, getFile, getProject, getVersionData } from './routes-projects.js';
import { searchHelpPage, searchPage, xmlrpcSearch } from './routes-search.js';
import { simpleListAll, simpleListProject, simpleRefresh, wantsSimpleJson } from './routes-simple.js';
import { postToxresult } from './routes-toxresult.js';
import { postToIndex } from './routes-upload.js';
import { apiconfig, createUser, deleteUser, getUser, listUsers, login, modifyUser } from './routes-users.js';
import { statusResult } from './status.js';
import { tokenRoute } from './tokens.js';
import { trimmedReply } from './trimmed.js';

const INSTALLER_UA = /^([^ ]* )*(distribute|setuptools|pip|pex|uv)\/.*/;

async function plusRoute(ctx: Ctx, name: string): Promise<Reply> {
  const get = ctx.method === 'GET' || ctx.method === 'HEAD';
  if (name === '+api') return apiconfig(ctx);
  if (name === '+login' && ctx.method === 'POST') return login(ctx);
  if (name === '+status' && get) {
    if (wantsJson(ctx)) return apireturn(200, { type: 'status', result: statusResult(ctx) });
    return html(statusPage(ctx));
  }
  if (name === '+search' && get && !wantsJson(ctx)) return searchPage(ctx);
  if (name === '+searchhelp' && get && !wantsJson(ctx)) return searchHelpPage(ctx);
  return name === '+login' || name === '+status' ? noView(ctx) : noRoute(ctx);
}

function userRoute(ctx: Ctx, user: string): Reply {
  switch (ctx.method) {
    case 'GET':
    case 'HEAD':
      if (wantsJson(ctx)) return getUser(ctx, user);
      if (!ctx.sim.store.users.has(user)) return abort(ctx, 404, `no user '${user}'`);
      return wantsHtml(ctx) ? html(userPage(ctx, user)) : noView(ctx);
    case 'PUT':
      return createUser(ctx, user);
    case 'PATCH':
      return modifyUser(ctx, user);
    case 'DELETE':
      return deleteUser(ctx, user);
    default:
      return noView(ctx);
  }
}

async function indexRoute(ctx: Ctx, user: string, index: string): Promise<Reply> {
  const ix = ctx.sim.store.getIndex(user, index);
  const missing = (): Reply => abort(ctx, 404, stageNotFound(user, index));
  switch (ctx.method) {
    case 'GET':
    case 'HEAD':
      if (!ix) return missing();
      if (wantsSimpleJson(ctx)) return simpleListAll(ctx, ix);
      if (wantsJson(ctx)) return getIndex(ctx, ix);
      return wantsHtml(ctx) ? html(indexPage(ctx, ix)) : noView(ctx);
    case 'PUT':
      return createIndex(ctx, user, index);
    case 'PATCH':
      return modifyIndex(ctx, ix);
    case 'DELETE':
      return deleteIndex(ctx, ix);
    case 'POST':
      if (String(ctx.headers['content-type'] ?? '').startsWith('text/xml')) return ix ? xmlrpcSearch(ctx, ix) : missing();
      return postToIndex(ctx, user, index, ix);
    default:
      return noView(ctx);
  }
}

async function simpleRoute(ctx: Ctx, user: string, index: string, rest: string[]): Promise<Reply> {
  const ix = ctx.sim.store.getIndex(user, index);
  if (!ix) return abort(ctx, 404, stageNotFound(user, index));
  const installer = INSTALLER_UA.test(ctx.userAgent);
  const simpleUrl = `${ctx.base}/${user}/${index}/+simple/`;
  if (rest.length === 0) return installer ? simpleListAll(ctx, ix) : redirect(ctx, simpleUrl);
  const given = rest[0] ?? '';
  if (given === '' && rest.length === 1) return simpleListAll(ctx, ix);
  const project = normalizeName(given);
  ctx.crumbs.project = project;
  if (rest.length === 1) return installer ? simpleListProject(ctx, ix, project) : redirect(ctx, `${simpleUrl}${project}/`);
  if (rest.length === 2 && rest[1] === '') {
    if (given !== project) return redirect(ctx, `${simpleUrl}${project}/`);
    return simpleListProject(ctx, ix, project);
  }
  if (rest.length === 2 && rest[1] === 'refresh' && ctx.method === 'POST') return simpleRefresh(ctx, ix, project);
  return noRoute(ctx);
}

async function projectRoute(ctx: Ctx, user: string, index: string, rest: string[]): Promise<Reply> {
  const ix = ctx.sim.store.getIndex(user, index);
  const given = rest[0] ?? '';
  const project = normalizeName(given);
  ctx.crumbs.project = project;
  const get = ctx.method === 'GET' || ctx.method === 'HEAD';
  const missing = (): Reply => abort(ctx, 404, stageNotFound(user, index));
  if (get && given !== project) {
    return redirect(ctx, `${ctx.base}/${[user, index, project, ...rest.slice(1)].join('/')}`);
  }
  if (rest.length === 1) {
    if (ctx.method === 'DELETE') return deleteProject(ctx, ix, project, given);
    if (!get) return noView(ctx);
    if (!ix) return missing();
    if (wantsJson(ctx)) return getProject(ctx, ix, project);
    return wantsHtml(ctx) ? html(await projectPage(ctx, ix, project)) : noView(ctx);
  }
  let version = rest[1] ?? '';
  if (rest.length === 2) {
    ctx.crumbs.version = version;
    if (ctx.method === 'DELETE') return deleteVersion(ctx, ix, project, given, version);
    if (!get) return noView(ctx);
    if (!ix) return missing();
    if (wantsJson(ctx)) return getVersionData(ctx, ix, project, version);
    if (!wantsHtml(ctx)) return noView(ctx);
    if (version === 'latest') version = latestVersion(await listVersions(ctx.sim, ix, project, false)) ?? version;
    const owner = await owningStage(ctx, ix, project, version);
    const rec = owner?.projects.get(project)?.versions.get(version);
    if (!rec) return abort(ctx, 404, `The version ${version} of project ${project} does not exist.`);
    return html(await versionPage(ctx, ix, project, version, rec.metadata, rec.links));
  }
  if (get && ix && (rest[2] === '+doc' || rest[2] === '+d')) {
    ctx.crumbs.version = version;
    const path = rest.slice(3).join('/') || 'index.html';
    if (rest[2] === '+d') return html(docFramePage(ctx, ix, project, version, path));
    const file = docFile(ctx.sim, ix, project, version, path);
    if (!file) return abort(ctx, 404, `no documentation for ${project} ${version}`);
    return new Reply(200, file.content, file.contentType);
  }
  return noRoute(ctx);
}

export async function route(ctx: Ctx): Promise<Reply> {
  const trimmed = trimmedReply(ctx);
  if (trimmed) return trimmed;
  const segs = ctx.path.split('/').slice(1);
  const [first = '', second, ...rest] = segs;
  if (segs.length === 1 && first === '') {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return noView(ctx);
    if (wantsJson(ctx)) return listUsers(ctx);
    return wantsHtml(ctx) ? html(rootPage(ctx)) : noView(ctx);
  }
  // pyramid's `/+changelog/{serial}` and `/+changelog/{serial}-` match any method and any segment.
  if (first === '+changelog' && segs.length === 2 && second !== '') return replicationDisabled(ctx);
  if (first.startsWith('+')) return segs.length === 1 ? plusRoute(ctx, first) : noRoute(ctx);
  ctx.crumbs.user = first;
  if (second === undefined) return userRoute(ctx, first);
  if (second === '' && rest.length === 0) {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return redirect(ctx, `${ctx.base}/${first}`);
    return userRoute(ctx, first);
  }
  if (second === '+api' && rest.length === 0) return apiconfig(ctx);
  const plugin = ctx.sim.options.tokens ? tokenRoute(ctx, first, second, rest) : undefined;
  if (plugin) return plugin;
  if (second.startsWith('+')) return noRoute(ctx);
  ctx.crumbs.index = second;
  if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) return indexRoute(ctx, first, second);
  const [third = ''] = rest;
  if (third === '+api' && rest.length === 1) {
    const ix = ctx.sim.store.getIndex(first, second);
    return ix ? indexApi(ctx, ix) : abort(ctx, 404, stageNotFound(first, second));
  }
  if (third === '+simple') return simpleRoute(ctx, first, second, rest.slice(1));
  if (third === '+f' || third === '+e') {
    const ix = ctx.sim.store.getIndex(first, second);
    const relpath = `${first}/${second}/${rest.join('/')}`;
    if (ctx.method === 'DELETE') return deleteFile(ctx, ix, relpath);
    if (ctx.method === 'POST') return postToxresult(ctx, first, second, ix, relpath);
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return noView(ctx);
    return ix ? getFile(ctx, ix, relpath) : abort(ctx, 404, stageNotFound(first, second));
  }
  if (third.startsWith('+')) return noRoute(ctx);
  return projectRoute(ctx, first, second, rest);
}

