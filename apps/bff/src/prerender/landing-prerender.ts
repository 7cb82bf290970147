import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import {
  BOOT_ANSWERS_ID,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  PREFERENCE_COOKIE_PREFIX,
  PRERENDER_META,
  THEME_COOKIE,
  apiPaths,
  scriptSafeJson,
  type BootAnswer,
  type LandingRenderer,
} from '@devpi-dashboard/dashboard-api/constants';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { allowInlineStyles, inlineStyleSources } from '../http/inline-style-csp.js';
import { chooseEncoding } from '../http/precompressed.js';
import { SESSION_COOKIE } from '../session/session-cookie.js';

/** The landing is rendered only when its required answers are in by then; else the plain page follows the head. */
export const PRERENDER_DEADLINE_MS = 1_500;
/** How much longer than the required answers the others are waited for; a later one is asked by the SPA itself. */
export const OPTIONAL_GRACE_MS = 150;

/** The headers of the page's own API requests that its answers may depend on, passed on as they came. */
const FORWARDED = ['cookie', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'user-agent', 'accept-language'];

/** index.html cut at its root element, and the CSP sources of its inline styles. */
interface PageParts {
  head: string;
  plainTail: string;
  tailAfterRoot: string;
  styleSources: string[];
}

/**
 * The signed-in landing page rendered on the server (issue 15): the BFF asks its own API, over
 * loopback with the browser's cookie, for exactly the answers the SPA's first screen asks for, has
 * the SPA's server entry render the screen from them, and sends index.html with that markup in
 * #root and the answers in #boot-answers, which the SPA takes instead of asking again. The figures
 * are on screen before any script has run; the SPA then renders the same screen over it.
 *
 * Without a live session or a server entry, the plain index.html goes out as before. When a required
 * answer (who is signed in, the settings, the index list) is not a 200 for a signed-in user or not
 * in by the deadline, or the render throws, the rest of the plain page follows the head, and the SPA
 * loads as it did before. An optional answer (a figure, the warnings) that fails or comes later than
 * the required ones plus OPTIONAL_GRACE_MS is left out: it renders as loading, and the SPA asks.
 * Nothing is cached: every page holds one user's data.
 */
export class LandingPrerender {
  private renderer: Promise<LandingRenderer | undefined> | undefined;
  private cut: PageParts | undefined;

  constructor(
    private readonly options: {
      indexHtml: string;
      ssrEntry: string;
      logger: Logger;
      /** Whether the request carries a live session, sliding its idle window (the Set-Cookie goes on `res`). */
      activeSession: (req: Request, res: Response) => Promise<boolean>;
      deadlineMs?: number;
    },
  ) {
    // Loaded at start, not by the first visitor (importing it takes a few hundred milliseconds).
    void this.load();
  }

  /**
   * Sends the landing page and returns true, or sends nothing and returns false (no live session,
   * no server entry). The head of the page (with the stylesheet inline) goes out at once, so that the
   * browser fetches the scripts while the answers are asked for; the rendered screen follows. When
   * it cannot be rendered, the rest of the plain page follows instead, and the SPA loads as usual.
   */
  async send(req: Request, res: Response): Promise<boolean> {
    const cookies = parseCookies(req.headers.cookie ?? '');
    if (!cookies[SESSION_COOKIE]) return false;
    const renderer = await this.load();
    if (renderer === undefined) return false;
    // Checked (and its idle window slid) before anything is sent: a stale cookie gets the plain page.
    if (!(await this.options.activeSession(req, res))) return false;
    const page = this.parts();
    if (page === undefined) return false;
    const started = performance.now();
    allowInlineStyles(res, page.styleSources);
    const out = this.open(req, res);
    out.write(headOf(page.head, cookies[THEME_COOKIE]));
    out.flush();
    let rendered = '';
    const leftovers = new AbortController();
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(this.options.deadlineMs ?? PRERENDER_DEADLINE_MS), leftovers.signal]);
      const asked = new Map(renderer.landingUrls.map((url) => [url, this.ask(req, url, signal)]));
      // Those not awaited below (after a required one failed, or too late) end aborted, unobserved.
      for (const answer of asked.values()) answer.catch(() => undefined);
      const required = await Promise.all(renderer.requiredUrls.map((url) => asked.get(url) ?? this.ask(req, url, signal)));
      const session = required.find((answer) => answer.url === apiPaths.session);
      if (required.every((answer) => answer.status === 200) && isSignedIn(session?.body)) {
        const answersMs = Math.round(performance.now() - started);
        const grace = sleep(OPTIONAL_GRACE_MS, undefined, { ref: false });
        const optional = await Promise.all(
          [...asked].filter(([url]) => !renderer.requiredUrls.includes(url)).map(([, answer]) => Promise.race([answer.catch(() => undefined), grace])),
        );
        const answers = [...required, ...optional.filter((answer) => answer?.status === 200)].flatMap((answer) => (answer === undefined ? [] : [answer]));
        answers.sort((a, b) => renderer.landingUrls.indexOf(a.url) - renderer.landingUrls.indexOf(b.url));
        const rendering = performance.now();
        rendered = `${await renderer.renderLanding(answers, preferences(cookies))}</div><script type="application/json" id="${BOOT_ANSWERS_ID}">${scriptSafeJson(answers)}</script>`;
        this.options.logger.debug({ answersMs, renderMs: Math.round(performance.now() - rendering), left: renderer.landingUrls.length - answers.length }, 'landing rendered on the server');
      } else {
        this.options.logger.info({ statuses: required.map((answer) => `${answer.url} ${answer.status}`) }, 'landing not rendered on the server: a required answer was not a 200 for a signed-in user');
      }
    } catch (error) {
      this.options.logger.warn({ err: error, ms: Math.round(performance.now() - started) }, 'landing not rendered on the server; the plain page is sent');
    } finally {
      // Answers that came too late are not waited for: the SPA asks for them itself.
      leftovers.abort();
    }
    out.end(rendered === '' ? page.plainTail : rendered + page.tailAfterRoot);
    return true;
  }

  private load(): Promise<LandingRenderer | undefined> {
    this.renderer ??= (async () => {
      if (!existsSync(this.options.ssrEntry)) {
        this.options.logger.info({ ssrEntry: this.options.ssrEntry }, 'no server entry of the SPA: the landing page is rendered in the browser only');
        return undefined;
      }
      let module: Partial<LandingRenderer>;
      try {
        module = (await import(pathToFileURL(this.options.ssrEntry).href)) as Partial<LandingRenderer>;
      } catch (error) {
        this.options.logger.error({ err: error, ssrEntry: this.options.ssrEntry }, 'the SPA server entry does not load: the landing page is rendered in the browser only');
        return undefined;
      }
      if (!Array.isArray(module.landingUrls) || !Array.isArray(module.requiredUrls) || typeof module.renderLanding !== 'function') {
        this.options.logger.error({ ssrEntry: this.options.ssrEntry }, 'the SPA server entry does not export landingUrls, requiredUrls and renderLanding');
        return undefined;
      }
      return { landingUrls: module.landingUrls, requiredUrls: module.requiredUrls, renderLanding: module.renderLanding };
    })();
    return this.renderer;
  }

  /** One of the page's answers, from this very BFF (the socket the page's request came in on). */
  private async ask(req: Request, url: string, signal: AbortSignal): Promise<BootAnswer> {
    const host = req.socket.localAddress?.includes(':') ? `[${req.socket.localAddress}]` : req.socket.localAddress;
    const headers = new Headers({ Accept: 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' });
    for (const name of FORWARDED) {
      const value = req.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const response = await fetch(`http://${host}:${req.socket.localPort}${url}`, { headers, signal, redirect: 'manual' });
    const body: unknown = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
    return { url, status: response.status, body };
  }

  /** index.html cut at its root element: what goes before the screen, and what follows either way. */
  private parts(): PageParts | undefined {
    if (this.cut) return this.cut;
    let template: string;
    try {
      template = readFileSync(this.options.indexHtml, 'utf8');
    } catch (error) {
      this.options.logger.error({ err: error }, 'index.html is not readable');
      return undefined;
    }
    const root = '<div id="root"></div>';
    const at = template.indexOf(root);
    if (at < 0) {
      this.options.logger.error({ indexHtml: this.options.indexHtml }, `index.html has no ${root}: the landing page is rendered in the browser only`);
      return undefined;
    }
    const head = template.slice(0, at + root.length - '</div>'.length);
    this.cut = { head, plainTail: template.slice(head.length), tailAfterRoot: template.slice(at + root.length), styleSources: inlineStyleSources(template) };
    return this.cut;
  }

  /** The response as a stream: gzip when the browser takes it (`npm start` has no nginx in front; nginx passes it through). */
  private open(req: Request, res: Response): { write: (text: string) => void; flush: () => void; end: (text: string) => void } {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    // One user's data: never stored, and a shared cache keys it by the cookie too.
    res.setHeader('Cache-Control', 'private, no-store');
    res.vary('Cookie');
    res.vary('Accept-Encoding');
    // The head is sent before the rest is ready: nginx must pass it on at once, not buffer the page.
    res.setHeader('X-Accel-Buffering', 'no');
    if (chooseEncoding(req.get('Accept-Encoding'), ['gzip']) !== 'gzip') {
      return { write: (text) => res.write(text), flush: () => undefined, end: (text) => res.end(text) };
    }
    res.setHeader('Content-Encoding', 'gzip');
    const gzip = createGzip({ level: 6 });
    gzip.pipe(res);
    return { write: (text) => gzip.write(text), flush: () => gzip.flush(), end: (text) => gzip.end(text) };
  }
}

/**
 * The head as sent ahead of the screen: marked as a page being rendered (the SPA's entry then
 * waits for the rest), with the theme the user chose (the SPA mirrors it in a cookie) on <html>.
 */
function headOf(head: string, theme: string | undefined): string {
  const marked = head.replace('</head>', () => `  <meta name="${PRERENDER_META}" content="landing">\n  </head>`);
  if (theme !== 'light' && theme !== 'dark') return marked;
  return marked.replace(/<html(\s|>)/, (_match, next: string) => `<html data-theme="${theme}"${next}`);
}

/** The SPA's preference cookies (theme, folded banner), for the render to show the page as the user left it. */
function preferences(cookies: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(cookies).flatMap(([name, value]) => (name.startsWith(PREFERENCE_COOKIE_PREFIX) && value !== undefined ? [[name, value]] : [])));
}

const isSignedIn = (body: unknown): boolean => typeof body === 'object' && body !== null && 'authenticated' in body && body.authenticated === true;
