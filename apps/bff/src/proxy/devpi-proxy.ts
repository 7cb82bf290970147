import { ServerResponse, type Agent, type ClientRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { pipeline } from 'node:stream';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { base64Utf8 } from '@devpi-dashboard/devpi-client';
import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { devpiTimeout, devpiUnavailable, HttpError, type HttpError as HttpErrorType } from '../errors.js';
import type { HistoryRecorder } from '../history/recorder.js';
import type { SessionData } from '../session/session-cookie.js';
import { rewriteForwardHeaders } from './forward-headers.js';
import { indexPatchGuard, takeBufferedBody } from './index-patch-guard.js';
import { ALLOWED_METHODS, refusePath } from './path-guard.js';
import { writeProxiedHead } from './response.js';
import { isLoginPath, isTokenPath, scrubPasswordAnswer, userPatchTarget } from './token-scrub.js';

export interface DevpiProxyOptions {
  devpiUrl: string;
  publicUrl: string | undefined;
  timeoutMs: number;
  agent: Agent;
  /** Does devpi still accept this session's token? Asked only when devpi answers 401/403. */
  sessionStillValid: (session: SessionData) => Promise<boolean>;
  /** Ends a session devpi no longer accepts and answers 401 session_expired. */
  endSession: (req: Request, res: Response, session: SessionData) => Promise<void>;
  /** Users changed their own password: carry on with the fresh token devpi handed out. */
  renewSession: (req: Request, res: Response, session: SessionData, token: string, expiration: number) => Promise<void>;
  /** Records every mutation: intent before devpi sees it, outcome once devpi answered. */
  history?: HistoryRecorder;
}

/** Connection failures after which one retry of an idempotent read is safe. */
const RETRYABLE = new Set(['ECONNRESET', 'EPIPE']);

function sendError(res: ServerResponse, error: HttpErrorType): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(error.toBody()));
}

function errorCode(error: Error): string | undefined {
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' ? code : undefined;
}

function rejectBadTargets(req: Request, res: Response, next: NextFunction): void {
  if (!(ALLOWED_METHODS as readonly string[]).includes(req.method)) {
    res.setHeader('Allow', ALLOWED_METHODS.join(', '));
    return next(new HttpError(405, errorCodes.methodRefused, `${req.method} is not forwarded to devpi.`));
  }
  const why = refusePath(req.url);
  if (why !== undefined) return next(new HttpError(400, errorCodes.pathRefused, `This path is not forwarded to devpi: ${why}.`));
  // /+login answers with a devpi token; logging in goes through /+dashboard/api/session only.
  if (isLoginPath(req.url)) return next(new HttpError(403, errorCodes.loginThroughSession, 'Log in through the dashboard, not through the devpi proxy.'));
  // a minted token must be shown once and recorded without itself: only the Tokens API does both
  if (isTokenPath(req.url)) return next(new HttpError(403, errorCodes.tokensThroughDashboard, 'Create, list and revoke devpi tokens on the Tokens screen, not through the devpi proxy.'));
  next();
}

/**
 * The streaming proxy to devpi, created once. Bodies stream both ways with backpressure (no body
 * parser runs before it), over one keep-alive agent, with the session's credentials added and
 * everything the client said about credentials, origins or forwarding removed.
 */
export function devpiProxy(options: DevpiProxyOptions): express.Router {
  const timedOut = new WeakSet<IncomingMessage>();
  const retried = new WeakSet<IncomingMessage>();
  const devpiOrigins = [options.publicUrl, options.devpiUrl].filter((origin): origin is string => origin !== undefined);

  const onProxyReq = (proxyReq: ClientRequest, req: IncomingMessage): void => {
    const body = takeBufferedBody(req);
    if (body !== undefined) proxyReq.write(body);
    options.history?.onProxyReq(req);
    // Idle timeout on devpi's socket: no answer (or a stalled stream) for timeoutMs gives a 504.
    proxyReq.setTimeout(options.timeoutMs, () => {
      timedOut.add(req);
      proxyReq.destroy(Object.assign(new Error('devpi did not answer in time'), { code: 'ETIMEDOUT' }));
    });
  };

  const onProxyRes = async (proxyRes: IncomingMessage, req: Request, res: Response): Promise<void> => {
    const session = req.devpiSession;
    if (session !== undefined && (proxyRes.statusCode === 401 || proxyRes.statusCode === 403)) {
      // devpi treats a dead token as anonymous, so a 403 may really mean "logged out".
      proxyRes.pause();
      const valid = await options.sessionStillValid(session).catch(() => true);
      if (!valid) {
        proxyRes.resume();
        await options.endSession(req, res, session);
        return;
      }
    }
    if (res.destroyed) {
      proxyRes.destroy();
      return;
    }
    options.history?.onDevpiResponse(req, proxyRes);
    const patchedUser = proxyRes.statusCode === 200 ? userPatchTarget(req.method, req.url) : undefined;
    if (patchedUser !== undefined) return answerUserPatch(proxyRes, req, res, patchedUser);
    writeProxiedHead(proxyRes, res, devpiOrigins);
    // pipeline, not pipe: devpi's answer cut short (its head already passed on) ends the browser's
    // connection too, instead of leaving it waiting for bytes that never come; a browser that goes
    // away stops devpi's stream.
    pipeline(proxyRes, res, (error) => {
      if (error && !res.writableFinished) req.log.warn({ code: errorCode(error) }, 'devpi answer cut short; the connection to the browser is closed');
    });
  };

  /** A user PATCH answer may carry a new token (password change); it is read and scrubbed. */
  const answerUserPatch = async (proxyRes: IncomingMessage, req: Request, res: Response, user: string): Promise<void> => {
    const answer = await scrubPasswordAnswer(proxyRes);
    if (answer === 'too_large') {
      proxyRes.destroy();
      return sendError(res, new HttpError(502, errorCodes.devpiBadResponse, 'devpi answered something unexpected.'));
    }
    const session = req.devpiSession;
    if (answer.kind === 'password_changed' && session !== undefined && session.user === user) {
      await options.renewSession(req, res, session, answer.token, answer.expiration);
    }
    writeProxiedHead(proxyRes, res, devpiOrigins);
    res.setHeader('content-length', String(answer.body.length));
    res.end(answer.body);
  };

  const onError = (error: Error, req: Request, res: Response | Socket): void => {
    if (!(res instanceof ServerResponse)) return;
    const code = errorCode(error);
    if (timedOut.has(req)) {
      req.log.warn({ code }, 'devpi timed out');
      return sendError(res, devpiTimeout());
    }
    const idempotent = req.method === 'GET' || req.method === 'HEAD';
    if (idempotent && code !== undefined && RETRYABLE.has(code) && !retried.has(req) && !res.headersSent) {
      // A pooled socket devpi closed just as we reused it: one retry of a read is harmless.
      retried.add(req);
      req.log.info({ code }, 'retrying devpi read after a connection reset');
      void proxy(req, res);
      return;
    }
    req.log.warn({ code }, 'devpi unreachable');
    sendError(res, devpiUnavailable());
  };

  const proxy = createProxyMiddleware<Request, Response>({
    target: options.devpiUrl,
    // The browser's Host reaches devpi so that, without PUBLIC_URL, its links name the load balancer.
    changeOrigin: false,
    xfwd: false,
    ws: false,
    agent: options.agent,
    selfHandleResponse: true,
    on: {
      proxyReq: onProxyReq,
      proxyRes: (proxyRes, req, res) => void onProxyRes(proxyRes, req, res),
      error: onError,
    },
  });

  const router = express.Router();
  router.use(rejectBadTargets);
  router.use(indexPatchGuard());
  if (options.history !== undefined) router.use(options.history.recordMutation);
  router.use(function addDevpiCredentials(req: Request, _res: Response, next: NextFunction) {
    const session = req.devpiSession;
    rewriteForwardHeaders(req.headers, {
      devpiAuth: session === undefined ? undefined : base64Utf8(`${session.user}:${session.token}`),
      outsideUrl: options.publicUrl,
    });
    next();
  });
  router.use(proxy);
  return router;
}
