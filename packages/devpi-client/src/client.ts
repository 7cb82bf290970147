import { z } from 'zod';
import type { DevpiClientOptions, LoginResult, ModifyUserResult, PushInput, UploadResult } from './client-types.js';
import { DevpiError, isSpecificReason } from './errors.js';
import { DevpiHttp, HTML_TYPE, JSON_TYPE, PEP691_TYPE, readBody, serialOf } from './http.js';
import type { IndexOp } from './index-ops.js';
import { filePath, flag, projectPath, simplePath, stagePath, userPath, versionPath } from './paths.js';
import { Answer } from './schemas/answers.js';
import { MessageBody } from './schemas/envelope.js';
import type { ActionLog, ReleaseFileMeta } from './schemas/files.js';
import type { IndexConfig, IndexConfigInput } from './schemas/index-config.js';
import type { ProjectConfig, VersionData } from './schemas/project.js';
import type { ApiConfig, StatusAnswer } from './schemas/server.js';
import { Pep691Index, Pep691Project } from './schemas/simple.js';
import type { TokenCreateInput, TokensInfo } from './schemas/tokens.js';
import type { CreateUserInput, ModifyUserInput, RootListing, UserConfig } from './schemas/user.js';
import { docUploadForm, fileUploadForm, registerForm, type DocUploadInput, type RegisterInput, type UploadInput } from './upload-form.js';
import { currentLocationHref, resolveBaseUrl, segment } from './url.js';

export type { DevpiClientOptions, LoginResult, ModifyUserResult, PushInput, UploadResult } from './client-types.js';

const UserChanged = z.union([Answer.userpassword, MessageBody]);

/**
 * The typed devpi-server client: the one way any code in this repo talks to devpi. Every
 * response is parsed with zod; failures are thrown as {@link DevpiError}.
 */
export class DevpiClient {
  readonly baseUrl: string;
  private readonly options: DevpiClientOptions;
  private readonly http: DevpiHttp;

  constructor(options: DevpiClientOptions) {
    this.options = options;
    this.baseUrl = resolveBaseUrl(options.baseUrl, currentLocationHref());
    const fetchImpl = options.fetch ?? globalThis.fetch;
    this.http = new DevpiHttp({
      base: this.baseUrl,
      // Called unbound: browsers reject window.fetch invoked with another `this`.
      fetch: (input, init) => fetchImpl(input, init),
      auth: options.auth,
      headers: options.headers ?? {},
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
  }

  /** A client with the same settings acting as `user` with a login token. */
  withAuth(user: string, token: string): DevpiClient {
    return new DevpiClient({ ...this.options, auth: { user, token } });
  }

  /** A client with the same settings whose requests `signal` cancels. */
  withSignal(signal: AbortSignal | undefined): DevpiClient {
    return new DevpiClient({ ...this.options, signal });
  }

  /** A client with the same settings and no credentials. */
  anonymous(): DevpiClient {
    return new DevpiClient({ ...this.options, auth: undefined });
  }

  /** Absolute (or base-relative) URL of a devpi path, for links and streaming downloads. */
  url(path: string): string {
    return this.http.url(path);
  }

  async login(user: string, password: string): Promise<LoginResult> {
    const ex = await this.http.send({ method: 'POST', path: '/+login', accept: JSON_TYPE, json: { user, password } });
    const { result } = await this.http.parse(ex, Answer.proxyauth);
    return { token: result.password, expiration: result.expiration };
  }

  /** `/+api`, or the per-index `/<u>/<i>/+api`. Shows who devpi thinks is asking (`authstatus`). */
  async api(user?: string, index?: string): Promise<ApiConfig> {
    const path = user !== undefined && index !== undefined ? `${stagePath(user, index)}/+api` : '/+api';
    const ex = await this.http.send({ method: 'GET', path, accept: JSON_TYPE });
    return (await this.http.parse(ex, Answer.apiconfig)).result;
  }

  /**
   * devpi's current serial, from the `X-Devpi-Serial` header of `GET /+api`: every devpi answer
   * carries it, and `/+api` is the one read devpi-lockdown and read-restricting plugins leave open
   * (clients need it to log in), where `/+status` may be withheld (WithheldStatus in schemas/server.ts).
   */
  async serial(): Promise<number> {
    const ex = await this.http.send({ method: 'GET', path: '/+api', accept: JSON_TYPE });
    await readBody(ex.response);
    return serialOf(ex);
  }

  /** devpi's status; health only (WithheldStatus) where devpi-admin withholds the rest from this caller. */
  async status(): Promise<StatusAnswer> {
    const ex = await this.http.send({ method: 'GET', path: '/+status', accept: JSON_TYPE });
    return (await this.http.parse(ex, Answer.status)).result;
  }

  /** `GET /`: every user with their indexes. */
  async listRoot(): Promise<RootListing> {
    const ex = await this.http.send({ method: 'GET', path: '/', accept: JSON_TYPE });
    return (await this.http.parse(ex, Answer['list:userconfig'])).result;
  }

  async getUser(user: string): Promise<UserConfig | undefined> {
    const ex = await this.http.send({ method: 'GET', path: userPath(user), accept: JSON_TYPE, allow404: true });
    return ex === undefined ? undefined : (await this.http.parse(ex, Answer.userconfig)).result;
  }

  async createUser(user: string, input: CreateUserInput): Promise<UserConfig> {
    const ex = await this.http.send({ method: 'PUT', path: userPath(user), accept: JSON_TYPE, json: input });
    return (await this.http.parse(ex, Answer.userconfig)).result;
  }

  /** Merge-PATCH of a user; an empty string removes a key. */
  async modifyUser(user: string, patch: ModifyUserInput): Promise<ModifyUserResult> {
    const ex = await this.http.send({ method: 'PATCH', path: userPath(user), accept: JSON_TYPE, json: patch });
    const body = await this.http.parse(ex, UserChanged);
    const changed = Answer.userpassword.safeParse(body);
    if (!changed.success) return { message: body.message ?? '' };
    const { result, message } = changed.data;
    return { message: message ?? '', auth: { token: result.password, expiration: result.expiration } };
  }

  /** Deletes the user and their volatile indexes; devpi refuses (403) while they own a non-volatile one. */
  async deleteUser(user: string): Promise<string> {
    return this.message({ method: 'DELETE', path: userPath(user), accept: JSON_TYPE });
  }

  /**
   * devpi-tokens: mints a token for `user` with these restrictions. Needs `user_modify` on the user (the
   * user or root) and a password or login token: a token can never create tokens. devpi shows it once.
   */
  async createToken(user: string, restrictions: TokenCreateInput = {}): Promise<string> {
    // no restriction: no body, as devpi-client sends it
    const json = Object.keys(restrictions).length > 0 ? restrictions : undefined;
    const ex = await this.http.send({ method: 'POST', path: `${userPath(user)}/+token-create`, accept: JSON_TYPE, json });
    return (await this.http.parse(ex, Answer['token-info'])).result.token;
  }

  /**
   * devpi-tokens: the user's tokens (id -> restriction strings), or `{ plugin: false }` when devpi runs
   * without the plugin (its route is missing: devpi-web's HTML 404, where a missing user is a JSON 404).
   */
  async listTokens(user: string): Promise<{ plugin: true; tokens: TokensInfo['tokens'] } | { plugin: false }> {
    try {
      const ex = await this.http.send({ method: 'GET', path: `${userPath(user)}/+tokens`, accept: JSON_TYPE });
      return { plugin: true, tokens: (await this.http.parse(ex, Answer['tokens-info'])).result.tokens };
    } catch (error) {
      if (error instanceof DevpiError && error.kind === 'http' && error.status === 404 && typeof error.body === 'string') return { plugin: false };
      throw error;
    }
  }

  /** devpi-tokens: revokes one token (and every token derived from it). An unknown id is devpi-web's HTML 404. */
  async deleteToken(user: string, id: string): Promise<string> {
    return this.message({ method: 'DELETE', path: `${userPath(user)}/+tokens/${segment(id)}`, accept: JSON_TYPE });
  }

  /** The index config; with projects (that stage's own) unless `noProjects`. */
  async getIndex(user: string, index: string, options: { noProjects?: boolean } = {}): Promise<IndexConfig | undefined> {
    const ex = await this.http.send({
      method: 'GET', path: stagePath(user, index), query: { no_projects: flag(options.noProjects) }, accept: JSON_TYPE, allow404: true,
    });
    return ex === undefined ? undefined : (await this.http.parse(ex, Answer.indexconfig)).result;
  }

  async createIndex(user: string, index: string, config: IndexConfigInput = {}): Promise<IndexConfig> {
    const ex = await this.http.send({ method: 'PUT', path: stagePath(user, index), accept: JSON_TYPE, json: config });
    return (await this.http.parse(ex, Answer.indexconfig)).result;
  }

  /**
   * Modifies an index with a list of operations (see `op`). Only this form is offered: a dict
   * PATCH would need the full config and could drop keys that plugins own.
   */
  async patchIndex(user: string, index: string, ops: readonly IndexOp[], options: { errorOnNoop?: boolean } = {}): Promise<IndexConfig> {
    const ex = await this.http.send({
      method: 'PATCH', path: stagePath(user, index), query: { error_on_noop: flag(options.errorOnNoop) }, accept: JSON_TYPE, json: ops,
    });
    return (await this.http.parse(ex, Answer.indexconfig)).result;
  }

  /** devpi answers 201. A non-volatile index must be made volatile first. */
  async deleteIndex(user: string, index: string): Promise<string> {
    return this.message({ method: 'DELETE', path: stagePath(user, index), accept: JSON_TYPE });
  }

  /** Versions of a project across the base chain, or only this stage's with `ignoreBases`. */
  async getProject(user: string, index: string, project: string, options: { ignoreBases?: boolean } = {}): Promise<ProjectConfig | undefined> {
    const ex = await this.http.send({
      method: 'GET', path: projectPath(user, index, project), query: { ignore_bases: flag(options.ignoreBases) }, accept: JSON_TYPE, allow404: true,
    });
    return ex === undefined ? undefined : (await this.http.parse(ex, Answer.projectconfig)).result;
  }

  async getVersion(user: string, index: string, project: string, version: string): Promise<VersionData | undefined> {
    const path = versionPath(user, index, project, version);
    const ex = await this.http.send({ method: 'GET', path, accept: JSON_TYPE, allow404: true });
    return ex === undefined ? undefined : (await this.http.parse(ex, Answer.versiondata)).result;
  }

  async deleteProject(user: string, index: string, project: string, options: { force?: boolean } = {}): Promise<string> {
    return this.message({ method: 'DELETE', path: projectPath(user, index, project), query: { force: flag(options.force) }, accept: JSON_TYPE });
  }

  async deleteVersion(user: string, index: string, project: string, version: string, options: { force?: boolean } = {}): Promise<string> {
    const path = versionPath(user, index, project, version);
    return this.message({ method: 'DELETE', path, query: { force: flag(options.force) }, accept: JSON_TYPE });
  }

  /** `path` is the `+f/...` path below the index (see `parseFileHref`). */
  async deleteFile(user: string, index: string, path: string, options: { force?: boolean } = {}): Promise<string> {
    return this.message({ method: 'DELETE', path: filePath(user, index, path), query: { force: flag(options.force) }, accept: JSON_TYPE });
  }

  async getFileMeta(user: string, index: string, path: string): Promise<ReleaseFileMeta> {
    const ex = await this.http.send({ method: 'GET', path: filePath(user, index, path), accept: JSON_TYPE });
    return (await this.http.parse(ex, Answer.releasefilemeta)).result;
  }

  /** Size in bytes of a stored file from a HEAD request (nothing is downloaded); undefined when unknown. */
  async fileSize(user: string, index: string, path: string): Promise<number | undefined> {
    const ex = await this.http.send({ method: 'HEAD', path: filePath(user, index, path), accept: '*/*', allow404: true });
    const length = ex?.response.headers.get('content-length');
    return length === null || length === undefined || !/^\d+$/.test(length) ? undefined : Number(length);
  }

  async downloadFile(user: string, index: string, path: string): Promise<Uint8Array> {
    const ex = await this.http.send({ method: 'GET', path: filePath(user, index, path), accept: '*/*' });
    return new Uint8Array(await ex.response.arrayBuffer());
  }

  /** PEP 691 project list, inherited projects included. */
  async simpleIndex(user: string, index: string): Promise<Pep691Index> {
    const ex = await this.http.send({ method: 'GET', path: simplePath(user, index), accept: PEP691_TYPE });
    return this.http.parse(ex, Pep691Index);
  }

  async simpleIndexHtml(user: string, index: string): Promise<string> {
    return this.text({ method: 'GET', path: simplePath(user, index), accept: HTML_TYPE });
  }

  /** PEP 691 project page; undefined when devpi (or the mirror's upstream) does not know it. */
  async simpleProject(user: string, index: string, project: string): Promise<Pep691Project | undefined> {
    const path = simplePath(user, index, project);
    const ex = await this.http.send({ method: 'GET', path, accept: PEP691_TYPE, allow404: true });
    return ex === undefined ? undefined : this.http.parse(ex, Pep691Project);
  }

  async simpleProjectHtml(user: string, index: string, project: string): Promise<string> {
    return this.text({ method: 'GET', path: simplePath(user, index, project), accept: HTML_TYPE });
  }

  /** Clears a mirror's cache for one project; devpi answers with a redirect to the simple page. */
  async refreshMirrorProject(user: string, index: string, project: string): Promise<void> {
    const path = `${simplePath(user, index, project)}refresh`;
    const ex = await this.http.send({ method: 'POST', path, accept: HTML_TYPE, okStatuses: [301, 302, 303] });
    await ex.response.arrayBuffer();
  }

  /** devpi-web's full-text search page (`/+search?query=`); HTML only, and 404 without devpi-web. */
  async searchHtml(query: string, page?: number): Promise<string> {
    const search = { query, page: page === undefined ? undefined : String(page) };
    return this.text({ method: 'GET', path: '/+search', query: search, accept: HTML_TYPE });
  }

  /** Uploads a release file the way twine does. Needs a principal in the index's `acl_upload`. */
  async upload(user: string, index: string, input: UploadInput): Promise<UploadResult> {
    return this.postForm(user, index, await fileUploadForm(input));
  }

  /** Uploads a documentation zip for a version. */
  async uploadDoc(user: string, index: string, input: DocUploadInput): Promise<UploadResult> {
    return this.postForm(user, index, docUploadForm(input));
  }

  /** Registers a version's metadata without a file (`:action=submit`). */
  async register(user: string, index: string, input: RegisterInput): Promise<UploadResult> {
    return this.postForm(user, index, registerForm(input));
  }

  /** Copies a release (files and docs) to another index on the same server. */
  async push(user: string, index: string, input: PushInput): Promise<ActionLog> {
    const json: Record<string, unknown> = { name: input.name, version: input.version, targetindex: input.targetindex };
    if (input.noDocs === true) json['no_docs'] = true;
    if (input.onlyDocs === true) json['only_docs'] = true;
    const ex = await this.http.send({ method: 'POST', path: stagePath(user, index), accept: JSON_TYPE, json });
    return (await this.http.parse(ex, Answer.actionlog)).result;
  }

  private async postForm(user: string, index: string, form: FormData): Promise<UploadResult> {
    const ex = await this.http.send({ method: 'POST', path: `${stagePath(user, index)}/`, accept: JSON_TYPE, form });
    await readBody(ex.response);
    const reason = ex.response.statusText;
    return isSpecificReason(reason) ? { message: reason } : {};
  }

  private async message(spec: Parameters<DevpiHttp['send']>[0]): Promise<string> {
    const ex = await this.http.send({ ...spec, allow404: false });
    return (await this.http.parse(ex, MessageBody)).message;
  }

  private async text(spec: Parameters<DevpiHttp['send']>[0]): Promise<string> {
    const ex = await this.http.send({ ...spec, allow404: false });
    return ex.response.text();
  }
}
