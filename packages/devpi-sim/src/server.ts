import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenSigner, checkPassword, hashPassword, readCredentials } from './auth.js';
import { SimClock } from './clock.js';
import type { Ctx, Identity, ResolvedOptions, Sim, UpstreamResponse } from './http.js';
import { Reply, abort, reasonFor } from './http.js';
import { SERVER_VERSION } from './html-layout.js';
import { Store } from './model.js';
import type { IndexRec } from './model.js';
import { normalizeName } from './names.js';
import { route } from './router.js';
import { tokenIdentity } from './token-verify.js';

export interface DevpiSimOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** devpi's --restrict-modify: only these principals may create/modify users and indexes. */
  restrictModify?: string[];
  /** devpi's --outside-url; an `X-outside-url` request header still wins. */
  outsideUrl?: string;
  /** `'non-loopback'` (default): upstream fetches to other hosts fail like an unreachable pypi.org; `true`: all fail. */
  offline?: boolean | 'non-loopback';
  /** Rewrite mirror URLs before fetching, e.g. `{'https://pypi.org/simple/': 'http://127.0.0.1:4000/root/up/+simple/'}`. */
  upstreamOverrides?: Record<string, string>;
  /** Artificial delay per request in ms, to give benchmarks devpi-like costs. */
  latencyMs?: number;
  /**
   * Answer anonymous callers the way devpi-admin (acl_read) and devpi-lockdown trim devpi:
   * `GET /+status` is only `{"status": "ok"}` and reads of an index are refused (403).
   */
  trimmed?: boolean;
  /**
   * Run with the devpi-tokens 1.0.1 plugin: `/{user}/+token-create`, `/{user}/+tokens[/{id}]`, macaroon tokens
   * accepted wherever a password is, with their restrictions. Off by default (plain devpi-server + devpi-web).
   */
  tokens?: boolean;
}

export interface DevpiSim {
  url: string;
  port: number;
  /** Move the double's clock on (cache expiry, token lifetime) instead of sleeping. */
  advanceClock(seconds: number): void;
  /** Register many projects in a stage at once (one version each, no files), for scale tests. */
  bulkRegister(index: string, names: Iterable<string>, version?: string): void;
  readonly serial: number;
  /**
   * What a restart without --secretfile does: the server secret is new, so login tokens and every
   * devpi-tokens token stop verifying; users, indexes and token records stay.
   */
  restart(): void;
  close(): Promise<void>;
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

function makeFetcher(options: ResolvedOptions): (url: string, accept: string) => Promise<UpstreamResponse> {
  return async (url, accept) => {
    if (options.offline === true || (options.offline === 'non-loopback' && !isLoopback(url))) {
      return { status: 0, body: Buffer.alloc(0), contentType: '' };
    }
    try {
      const res = await fetch(url, { headers: { Accept: accept, 'User-Agent': `devpi-server/${SERVER_VERSION} (devpi-sim)` }, signal: AbortSignal.timeout(30_000) });
      return { status: res.status, body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? '' };
    } catch {
      return { status: 0, body: Buffer.alloc(0), contentType: '' };
    }
  };
}

function identify(ctx: Ctx): Identity | undefined {
  if (ctx.sim.options.tokens) {
    const viaToken = tokenIdentity(ctx);
    if (viaToken) return viaToken;
  }
  return identifyByPassword(ctx.sim, ctx.headers);
}

function identifyByPassword(sim: Sim, headers: IncomingMessage['headers']): Identity | undefined {
  const creds = readCredentials(headers);
  if (!creds) return undefined;
  const [user, secret] = creds;
  const rec = sim.store.users.get(user);
  if (!rec) return undefined;
  const token = sim.signer.verify(secret, sim.clock.nowSeconds());
  if (token) return token.user === user ? { user, groups: token.groups } : undefined;
  return checkPassword(secret, rec.password) ? { user, groups: [] } : undefined;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function write(sim: Sim, res: ServerResponse, reply: Reply, head: boolean): void {
  // encode once: big simple pages are tens of megabytes
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  const devpiHeaders: Record<string, string> = reply.bare ? {} : {
    'X-Devpi-Serial': String(sim.store.serial),
    'X-Devpi-Uuid': sim.store.uuid,
    'X-Devpi-Primary-Uuid': sim.store.uuid,
    'X-Devpi-Master-Uuid': sim.store.uuid,
    'X-Devpi-Api-Version': '2',
    'X-Devpi-Server-Version': SERVER_VERSION,
  };
  const headers: Record<string, string> = {
    ...devpiHeaders,
    'Content-Length': String(body.length),
    ...reply.headers,
  };
  if (reply.contentType) headers['Content-Type'] = reply.contentType;
  res.writeHead(reply.status, reply.reason ?? reasonFor(reply.status), headers);
  res.end(head ? undefined : body);
}

const FOOTER_VERSIONS = `<li>devpi-server-${SERVER_VERSION}</li>\n    <li>devpi-web-`;

/** devpi-web lists every installed plugin in its page footer. */
function withPluginFooter(reply: Reply): Reply {
  if (typeof reply.body !== 'string' || !reply.contentType?.startsWith('text/html') || !reply.body.includes(FOOTER_VERSIONS)) return reply;
  const body = reply.body.replace(FOOTER_VERSIONS, `<li>devpi-server-${SERVER_VERSION}</li>\n    <li>devpi-tokens-1.0.1</li>\n    <li>devpi-web-`);
  return new Reply(reply.status, body, reply.contentType, reply.reason, reply.headers, reply.bare);
}

/** devpi-init: root with an empty password and the root/pypi mirror of pypi.org. */
function initialise(store: Store): void {
  const pypi: IndexRec = {
    user: 'root',
    name: 'pypi',
    config: { type: 'mirror', volatile: false, title: 'PyPI', mirror_url: 'https://pypi.org/simple/', mirror_web_url_fmt: 'https://pypi.org/project/{name}/' },
    projects: new Map(),
  };
  store.users.set('root', { username: 'root', password: hashPassword(''), created: store.now(), fields: {}, indexes: new Map([['pypi', pypi]]) });
}

/** Start an in-memory devpi-server 6.19.1 (+ devpi-web) double on a loopback port. */
export async function startDevpiSim(opts: DevpiSimOptions = {}): Promise<DevpiSim> {
  const clock = new SimClock();
  const store = new Store(clock);
  initialise(store);
  const options: ResolvedOptions = {
    restrictModify: opts.restrictModify,
    outsideUrl: opts.outsideUrl,
    offline: opts.offline ?? 'non-loopback',
    upstreamOverrides: opts.upstreamOverrides ?? {},
    latencyMs: opts.latencyMs ?? 0,
    trimmed: opts.trimmed ?? false,
    tokens: opts.tokens ?? false,
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
  };
  const sim: Sim = { store, clock, signer: new TokenSigner(), tokenSecret: randomBytes(32), options, fetchUpstream: makeFetcher(options) };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // a broken request (aborted body, bad headers) must never take the double down
      console.error('devpi-sim: request failed', e);
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end();
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.latencyMs > 0) await new Promise((r) => setTimeout(r, options.latencyMs));
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const outside = (typeof req.headers['x-outside-url'] === 'string' && req.headers['x-outside-url']) || options.outsideUrl;
    const base = (outside || `http://${req.headers.host ?? `${options.host}:${options.port}`}`).replace(/\/+$/, '');
    // Found out on first use, as devpi does: devpi-tokens verifies a token (and may refuse it) only when a
    // view asks who the caller is, with the URL's user, index and project as context.
    let identity: { value: Identity | undefined } | { refused: unknown } | undefined;
    const ctx: Ctx = {
      sim,
      method: req.method ?? 'GET',
      path: safeDecode(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      accept: req.headers.accept ?? '',
      userAgent: req.headers['user-agent'] ?? '',
      base,
      get identity(): Identity | undefined {
        if (!identity) {
          try {
            identity = { value: identify(ctx) };
          } catch (e) {
            identity = { refused: e };
          }
        }
        if ('refused' in identity) throw identity.refused;
        return identity.value;
      },
      body,
      crumbs: {},
    };
    let reply: Reply;
    try {
      reply = await route(ctx);
    } catch (e) {
      if (e instanceof Reply) reply = e;
      else {
        console.error('devpi-sim: internal error', e);
        reply = abort(ctx, 500, e instanceof Error ? e.message : String(e));
      }
    }
    if (options.tokens) reply = withPluginFooter(reply);
    write(sim, res, reply, ctx.method === 'HEAD');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.port = port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    advanceClock: (seconds) => clock.advance(seconds),
    bulkRegister: (index, names, version = '1.0') => bulkRegister(store, index, names, version),
    get serial() {
      return store.serial;
    },
    restart: () => {
      sim.signer = new TokenSigner();
      sim.tokenSecret = randomBytes(32);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function bulkRegister(store: Store, index: string, names: Iterable<string>, version: string): void {
  const ix = store.getIndexByName(index);
  if (!ix) throw new Error(`no index ${index}`);
  for (const name of names) {
    const project = normalizeName(name);
    ix.projects.set(project, { name: project, versions: new Map([[version, { metadata: { name, version }, links: [] }]]) });
  }
  store.commit();
}
