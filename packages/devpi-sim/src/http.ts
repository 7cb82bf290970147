import { STATUS_CODES } from 'node:http';
import type { TokenSigner } from './auth.js';
import type { SimClock } from './clock.js';
import type { Crumbs } from './html-layout.js';
import type { TokenGrant } from './tokens.js';
import { errorPage, notFoundPage } from './html-layout.js';
import type { JsonValue, Store } from './model.js';

export interface ResolvedOptions {
  restrictModify: string[] | undefined;
  outsideUrl: string | undefined;
  /** `true`: no upstream fetch ever leaves the process; `'non-loopback'`: only loopback upstreams are fetched. */
  offline: boolean | 'non-loopback';
  upstreamOverrides: Record<string, string>;
  latencyMs: number;
  /** Anonymous callers get devpi-admin's / devpi-lockdown's trimmed answers (see trimmed.ts). */
  trimmed: boolean;
  /** The devpi-tokens plugin is installed (its routes, token credentials and denials). */
  tokens: boolean;
  host: string;
  port: number;
}

export interface UpstreamResponse { status: number; body: Buffer; contentType: string }

/** What request handlers may use of the running double. */
export interface Sim {
  store: Store;
  clock: SimClock;
  signer: TokenSigner;
  /** The secret devpi-tokens derives its macaroon keys from; random per start, like devpi without --secretfile. */
  tokenSecret: Buffer;
  options: ResolvedOptions;
  fetchUpstream(url: string, accept: string): Promise<UpstreamResponse>;
}

export interface Identity {
  user: string;
  groups: string[];
  /** Set when the caller authenticated with a devpi-tokens token: the caveats it carries. */
  token?: TokenGrant;
}

export interface Ctx {
  sim: Sim;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  accept: string;
  userAgent: string;
  /** Absolute URL prefix of the server as the client sees it (X-outside-url aware), without a trailing slash. */
  base: string;
  identity: Identity | undefined;
  body: Buffer;
  crumbs: Crumbs;
  /** The `name` field of a form POSTed with an `:action` (the project devpi-tokens' caveats check). */
  postedName?: string;
}

/** A finished response; handlers return or throw one. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: string | Buffer,
    readonly contentType: string | undefined,
    readonly reason?: string,
    readonly headers: Record<string, string> = {},
    /** Sent by the WSGI server, not by devpi: no X-Devpi-* headers. */
    readonly bare = false,
  ) {}
}

export const JSON_TYPE = 'application/json';
export const HTML_TYPE = 'text/html; charset=UTF-8';
export const SIMPLE_JSON_TYPE = 'application/vnd.pypi.simple.v1+json';

export function wantsJson(ctx: Ctx): boolean {
  return ctx.accept.includes('application/json');
}

export function wantsHtml(ctx: Ctx): boolean {
  return ctx.accept === '' || ctx.accept.includes('text/html') || ctx.accept.includes('*/*');
}

export function reasonFor(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown';
}

/** devpi's apireturn(): `{result, type, message}` pretty-printed like Python's json.dumps(indent=2). */
export function apireturn(status: number, parts: { message?: string; result?: JsonValue; type?: string }): Reply {
  const d: Record<string, JsonValue> = {};
  if (parts.result !== undefined) {
    d['result'] = parts.result;
    d['type'] = parts.type ?? '';
  }
  if (parts.message) d['message'] = parts.message;
  return new Reply(status, `${JSON.stringify(d, null, 2)}\n`, JSON_TYPE);
}

export function html(body: string, status = 200): Reply {
  return new Reply(status, body, HTML_TYPE);
}

/** devpi's abort(): JSON for JSON clients, else devpi-web's error page. */
export function abort(ctx: Ctx, status: number, message: string): Reply {
  if (wantsJson(ctx)) return apireturn(status, { message });
  if (status === 404) return html(notFoundPage(ctx.base, ctx.crumbs, message), 404);
  return html(errorPage(ctx.base, ctx.crumbs, `${status} ${reasonFor(status)}`, reasonFor(status), message), status);
}

/** A pyramid HTTPException body in the format the client accepts. */
function pyramidException(ctx: Ctx, status: number, title: string, message: string, headers: Record<string, string> = {}): Reply {
  const reason = status === 200 || title !== reasonFor(status) ? title : undefined;
  if (wantsJson(ctx)) {
    const body = JSON.stringify({ message, code: `${status} ${title}`, title }, null, 2);
    return new Reply(status, body, JSON_TYPE, reason, headers);
  }
  if (ctx.accept.includes('text/html')) {
    return new Reply(status, errorPage(ctx.base, ctx.crumbs, `${status} ${title}`, title, message.trim()), HTML_TYPE, reason, headers);
  }
  return new Reply(status, `${status} ${title}\n\n${message}\n\n`, 'text/plain; charset=UTF-8', reason, headers);
}

/** devpi's abort_submit(): the message is the reason phrase (setuptools and twine show it). */
export function abortSubmit(ctx: Ctx, status: number, message: string): Reply {
  return pyramidException(ctx, status, message, '\n\n\n\n\n'.slice(wantsJson(ctx) ? 0 : 2));
}

/** The 401 challenge devpi sends to anonymous uploaders. */
export function uploadChallenge(ctx: Ctx): Reply {
  const message =
    'This server could not verify that you are authorized to access the document you requested.  Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.\n\n\n\n\n';
  return pyramidException(ctx, 401, 'Unauthorized', message, { 'WWW-Authenticate': 'Basic realm="pypi"' });
}

/** pyramid's answer when a view's permission check fails. */
export function forbidden(ctx: Ctx): Reply {
  return viewForbidden(ctx, 'PyPIView');
}

export function viewForbidden(ctx: Ctx, view: string): Reply {
  return pyramidException(ctx, 403, 'Forbidden', `Access was denied to this resource.\n\n\nUnauthorized: ${view} failed permission check\n\n`);
}

/** An HTTPForbidden raised while finding out who the caller is (devpi-tokens): JSON, or else devpi-web's error page. */
export function deniedByIdentity(ctx: Ctx, reason: string): Reply {
  if (wantsJson(ctx)) {
    const body = JSON.stringify({ message: `Access was denied to this resource.\n\n\n${reason}\n\n`, code: '403 Forbidden', title: 'Forbidden' }, null, 2);
    return new Reply(403, body, JSON_TYPE);
  }
  return html(errorPage(ctx.base, ctx.crumbs, '403 Forbidden', 'Forbidden', reason), 403);
}

/**
 * `/+changelog/<serial>` on a server that is not `--role primary`: devpi's replication view raises
 * `HTTPForbidden("Replication protocol disabled")` before it looks at anything else.
 */
export function replicationDisabled(ctx: Ctx): Reply {
  return pyramidException(ctx, 403, 'Forbidden', 'Access was denied to this resource.\n\n\nReplication protocol disabled\n\n');
}

/**
 * An exception no view handles (devpi's keyfs raises ValueError for a key part holding `/`):
 * waitress answers its own bare 500, without devpi's X-Devpi-* headers.
 */
export function internalServerError(): Reply {
  const body = 'Internal Server Error\r\n\r\nThe server encountered an unexpected internal server error\r\n\r\n(generated by waitress)';
  return new Reply(500, body, 'text/plain; charset=utf-8', undefined, { Connection: 'close' }, true);
}

export function redirect(ctx: Ctx, location: string): Reply {
  const text = `The resource was found at ${location}; you should be redirected automatically.`;
  if (wantsJson(ctx)) {
    return new Reply(302, JSON.stringify({ message: `${text}\n\n`, code: '302 Found', title: 'Found' }, null, 2), JSON_TYPE, undefined, { Location: location });
  }
  const body = `<html>\n <head>\n  <title>302 Found</title>\n </head>\n <body>\n  <h1>302 Found</h1>\n  ${text}\n\n\n </body>\n</html>`;
  return new Reply(302, body, HTML_TYPE, undefined, { Location: location });
}

/** pyramid's 404 when a route matched but no view accepted the request. */
export function noView(ctx: Ctx): Reply {
  return html(notFoundPage(ctx.base, ctx.crumbs, 'The resource could not be found.'), 404);
}

/** pyramid's 404 naming why no view took the request (devpi-web's page whatever the Accept header). */
export function noRouteMessage(ctx: Ctx, message: string): Reply {
  return html(notFoundPage(ctx.base, ctx.crumbs, message), 404);
}

/** pyramid's 404 when no route matched at all: the page names the path. */
export function noRoute(ctx: Ctx): Reply {
  return html(notFoundPage(ctx.base, {}, ctx.path), 404);
}

/** The request body as JSON, or devpi's 400. */
export function getJson(ctx: Ctx): JsonValue {
  try {
    const parsed: JsonValue = JSON.parse(ctx.body.toString('utf8'));
    return parsed;
  } catch {
    throw abort(ctx, 400, 'Bad request: could not decode json');
  }
}

export function isObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
