// POST to an index: twine/setuptools uploads (submit), devpi push (JSON) and pip's XML-RPC search.
import { createHash } from 'node:crypto';
import type { Ctx, Reply } from './http.js';
import { abort, abortSubmit, apireturn, getJson, html, internalServerError, isObject, uploadChallenge } from './http.js';
import type { IndexRec, JsonValue } from './model.js';
import { indexName, isMirror } from './model.js';
import { metadataFromForm } from './metadata.js';
import { field, parseMultipart } from './multipart.js';
import type { Form } from './multipart.js';
import { isValidArchiveName, normalizeName, pyRepr } from './names.js';
import { hasStagePermission } from './perms.js';
import { getVersion, logEntry, setVersionData, storeFile } from './releases.js';
import { pushExternal } from './push-external.js';
import { stageNotFound } from './routes-indexes.js';

export async function postToIndex(ctx: Ctx, user: string, index: string, ix: IndexRec | undefined): Promise<Reply> {
  const contentType = String(ctx.headers['content-type'] ?? '');
  let form: Form | undefined;
  if (contentType.startsWith('multipart/form-data')) form = await parseMultipart(contentType, ctx.body).catch(() => undefined);
  if (form && field(form, ':action')) {
    ctx.postedName = field(form, 'name') ?? '';
    return submit(ctx, user, index, ix, form);
  }
  if (!ix) return abort(ctx, 404, stageNotFound(user, index));
  return push(ctx, ix);
}

function submit(ctx: Ctx, user: string, index: string, ix: IndexRec | undefined, form: Form): Reply {
  if (!ix) return abort(ctx, 404, stageNotFound(user, index));
  if (isMirror(ix)) return abortSubmit(ctx, 404, 'cannot submit to mirror index');
  if (!hasStagePermission(ctx, ix, 'upload')) {
    if (!ctx.identity) return uploadChallenge(ctx);
    return abortSubmit(ctx, 403, 'no permission to submit');
  }
  const store = ctx.sim.store;
  const action = field(form, ':action');
  const who = ctx.identity?.user ?? null;
  // devpi's keyfs refuses a key part holding `/` with a ValueError: caught as invalid metadata on
  // register, uncaught (waitress's 500) on a file or doc upload. Nothing is stored either way.
  const slashed = (field(form, 'version') ?? '').includes('/');
  if (action === 'submit') {
    if (slashed) return abortSubmit(ctx, 400, `invalid metadata: ${field(form, 'version') ?? ''}`);
    setVersionData(store, ix, metadataFromForm(form.fields, false));
    return html('');
  }
  if (action !== 'file_upload' && action !== 'doc_upload') return abortSubmit(ctx, 400, `action ${pyRepr(action ?? '')} not supported`);
  const content = form.files.get('content');
  if (!content) return abortSubmit(ctx, 400, 'content file field not found');
  const name = field(form, 'name') ?? '';
  const version = field(form, 'version') ?? '';
  const project = normalizeName(name);
  if (action === 'file_upload') {
    if (version && !content.filename.includes(version)) {
      return abortSubmit(ctx, 400, `filename ${pyRepr(content.filename)} does not contain version ${pyRepr(version)}`);
    }
    if (!isValidArchiveName(content.filename)) return abortSubmit(ctx, 400, `${pyRepr(content.filename)} is not a valid archive name`);
    if (!normalizeName(content.filename).startsWith(project)) {
      return abortSubmit(ctx, 400, `filename ${pyRepr(content.filename)} does not match project name ${pyRepr(name)}`);
    }
  }
  if (slashed || (action === 'file_upload' && content.filename.includes('/'))) return internalServerError();
  const existing = getVersion(ix, project, version);
  const updates = metadataFromForm(form.fields, true);
  const rec = existing && action === 'file_upload'
    ? setVersionData(store, ix, { ...existing.metadata, ...updates })
    : existing ?? (version ? setVersionData(store, ix, metadataFromForm(form.fields, false)) : undefined);
  if (!rec) return abortSubmit(ctx, 400, `missing version for documentation of ${name}`);
  const basename = action === 'doc_upload' ? `${name}-${version}.doc.zip` : content.filename;
  const rel = action === 'doc_upload' ? 'doczip' : 'releasefile';
  const result = storeFile(store, ix, rec, project, version, rel, basename, content.content, [logEntry(store, 'upload', who, { dst: indexName(ix) })]);
  if ('conflict' in result) {
    const sha256 = createHash('sha256').update(content.content).digest('hex');
    if (result.conflict.sha256 === sha256) return abortSubmit(ctx, 200, 'Upload of identical file to non volatile index.');
    return abortSubmit(ctx, 409, `${content.filename} already exists in non-volatile index`);
  }
  return html('');
}

async function push(ctx: Ctx, ix: IndexRec): Promise<Reply> {
  const data = getJson(ctx);
  const name = isObject(data) ? data['name'] : undefined;
  const version = isObject(data) ? data['version'] : undefined;
  if (!isObject(data) || typeof name !== 'string' || typeof version !== 'string') {
    return apireturn(400, { message: 'no name/version specified in json' });
  }
  const project = normalizeName(name);
  const rec = getVersion(ix, project, version);
  if (!rec) return apireturn(400, { message: `there are no files for ${name} ${version} on stage ${indexName(ix)}` });
  const releasefiles = rec.links.filter((l) => l.rel === 'releasefile').sort((a, b) => (a.basename < b.basename ? -1 : 1));
  if (!releasefiles.length) return apireturn(404, { message: `no release/files found for ${name}-${version}` });
  const targetindex = data['targetindex'];
  if (typeof targetindex !== 'string') {
    const { posturl, username, password } = data;
    if (typeof posturl !== 'string' || typeof username !== 'string' || typeof password !== 'string') {
      return apireturn(400, { message: 'no targetindex or posturl/username/password specified in json' });
    }
    const doczip = data['no_docs'] ? undefined : rec.links.find((l) => l.rel === 'doczip');
    const pushed = await pushExternal(ctx.sim, posturl, username, password, rec.metadata, data['only_docs'] ? [] : releasefiles, doczip);
    return apireturn(pushed.ok ? 200 : 502, { type: 'actionlog', result: pushed.results });
  }
  const parts = targetindex.split('/');
  if (parts.length !== 2) return apireturn(400, { message: 'targetindex not in format user/index' });
  const target = ctx.sim.store.getIndexByName(targetindex);
  if (!target) return abort(ctx, 404, stageNotFound(parts[0] ?? '', parts[1] ?? ''));
  if (!hasStagePermission(ctx, target, 'upload')) {
    const who = ctx.identity ? pyRepr(ctx.identity.user) : 'None';
    return apireturn(401, { message: `user ${who} cannot upload to ${pyRepr(targetindex)}` });
  }
  const store = ctx.sim.store;
  const who = ctx.identity?.user ?? null;
  const targetRec = setVersionData(store, target, { ...rec.metadata });
  const results: JsonValue[] = [[200, 'register', name, version, '->', indexName(target)]];
  const links = data['only_docs'] ? [] : releasefiles;
  for (const link of links) {
    const file = store.files.get(link.relpath);
    if (!file) continue;
    const log = [...link.log.filter((e) => e.what !== 'overwrite'), logEntry(store, 'push', who, { src: indexName(ix), dst: indexName(target) })];
    const res = storeFile(store, target, targetRec, project, version, 'releasefile', link.basename, file.content, log);
    if ('conflict' in res) return apireturn(409, { message: `${link.basename} already exists in non-volatile index` });
    results.push([200, 'store_releasefile', res.link.relpath]);
  }
  const doczip = data['no_docs'] ? undefined : rec.links.find((l) => l.rel === 'doczip');
  const docFile = doczip && store.files.get(doczip.relpath);
  if (doczip && docFile) {
    const log = [...doczip.log, logEntry(store, 'push', who, { src: indexName(ix), dst: indexName(target) })];
    storeFile(store, target, targetRec, project, version, 'doczip', doczip.basename, docFile.content, log);
    results.push([200, 'store_doczip', name, version, '->', indexName(target)]);
  }
  return apireturn(200, { type: 'actionlog', result: results });
}
