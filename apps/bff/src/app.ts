import type { Agent } from 'node:http';
import express, { type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { DASHBOARD_BASE } from '@devpi-dashboard/dashboard-api';
import type { Config } from './config.js';
import { csrfProtection } from './middleware/csrf.js';
import { drainGuard, type Lifecycle } from './middleware/draining.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { httpLogger } from './middleware/http-logger.js';
import { requireLiveSession } from './middleware/live-session.js';
import { requestId } from './middleware/request-id.js';
import { securityHeaders } from './middleware/security-headers.js';
import { sessionMiddleware } from './middleware/session.js';
import { createDevpiAgent } from './proxy/devpi-agent.js';
import { devpiProxy } from './proxy/devpi-proxy.js';
import { sessionExpired } from './errors.js';
import { historyRecorder } from './history/recorder.js';
import type { HistoryStore } from './history/history-store.js';
import { apiRoutes } from './routes/api-routes.js';
import { healthRouter } from './routes/health.js';
import { staticSpaRouter } from './routes/static-spa.js';
import type { SessionData } from './session/session-cookie.js';
import { SessionManager } from './session/session-manager.js';
import { RootPasswordProbe } from './session/root-password-probe.js';
import { LoginThrottle } from './session/login-throttle.js';
import { SessionRevocations } from './session/session-revocations.js';
import { LOGIN_LIMITS } from './routes/session.js';
import type { Store } from './store/index.js';
import { createVulnScanner } from './supply/vulns/vuln-scan.js';
import { registerSupplyKinds } from './supply/vulns/scan-job.js';
import { JobStore, JobTokenSealer, type JobRegistry, type JobRunner } from './jobs/index.js';
import { defaultRegistry } from './jobs/kinds/index.js';
import { jobsRouter } from './jobs/router.js';
import { lifecycleRouter } from './lifecycle/router.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  /** Keep-alive agent for the proxy; server.ts owns it so shutdown can close its sockets. */
  devpiAgent?: Agent;
  lifecycle?: Lifecycle;
  /** Epoch milliseconds; tests move time with it. */
  now?: () => number;
  /** Where every mutation is recorded before it reaches devpi. */
  history?: HistoryStore;
  /** Names this process in the history (the container's host name by default). */
  replica?: string;
  /** The migrated store (createStore); shared sessions and login limits live there. */
  store: Store;
  /** This replica's job runner (server.ts starts one); routes poke it when there is work. */
  jobRunner?: JobRunner;
  jobRegistry?: JobRegistry;
}

/** Express paths treat `+` as syntax; the dashboard's base path needs it escaped. */
const mountPath = (path: string) => path.replace(/\+/g, '\\+');

/** Builds the BFF. Never listens: server.ts does, tests drive it with supertest. */
export function createApp(deps: AppDeps): express.Express {
  const { config, logger } = deps;
  const now = deps.now ?? Date.now;
  const lifecycle: Lifecycle = deps.lifecycle ?? { phase: 'serving' };
  const https = config.cookieSecure;
  const outsideHeaders: Record<string, string> = config.publicUrl === undefined ? {} : { 'X-outside-url': config.publicUrl };
  const devpi = new DevpiClient({ baseUrl: config.devpiUrl, headers: outsideHeaders, timeoutMs: config.devpiTimeoutMs });
  const readinessDevpi = new DevpiClient({ baseUrl: config.devpiUrl, timeoutMs: Math.min(2_000, config.devpiTimeoutMs) });
  const revocations = new SessionRevocations(deps.store, () => Math.floor(now() / 1000));
  const sessions = new SessionManager({ secret: config.sessionSecret, maxAgeS: config.sessionMaxAgeS, idleS: config.sessionIdleS, secure: https, now }, revocations);
  const devpiFor = (req: Request) => (req.devpiSession === undefined ? devpi : devpi.withAuth(req.devpiSession.user, req.devpiSession.token));
  const sessionStillValid = async (session: SessionData) => {
    const [status, user] = (await devpi.withAuth(session.user, session.token).api()).authstatus;
    return status === 'ok' && user === session.user;
  };
  // Both answer the proxied request whatever the store says: devpi already decided its part.
  const endSession = async (req: Request, res: Response, session: SessionData) => {
    await sessions.revoke(res, session).catch((error: unknown) => req.log.error({ err: error }, 'could not record the ended session in the store'));
    req.log.info({ user: session.user }, 'devpi no longer accepts the session token');
    const error = sessionExpired();
    res.status(error.status).json(error.toBody());
  };
  const rootProbe = new RootPasswordProbe(devpi, now);
  const renewSession = async (req: Request, res: Response, session: SessionData, token: string, expiration: number) => {
    // only root may change root's password, and only root's own change renews root's session
    if (session.user === 'root') rootProbe.forget();
    await sessions.rotate(res, session, token, expiration).catch((error: unknown) => {
      req.log.error({ err: error }, 'could not record the replaced session in the store; issuing the new one anyway');
      sessions.issue(res, session.user, token, expiration);
    });
    req.log.info({ user: session.user }, 'password changed: session carries on with the new devpi token');
  };
  const { vulns, scanner } = createVulnScanner({ store: deps.store, config, logger, now });
  // A started server (it passes its lifecycle) keeps the package lists warm; tests of the app do not.
  const routeDeps = {
    vulns, scanner,
    config, logger, devpi, devpiFor, now, sessions, sessionStillValid, rootProbe,
    keepWarm: deps.lifecycle !== undefined,
    loginThrottle: new LoginThrottle(deps.store, LOGIN_LIMITS),
    history: deps.history,
    replica: deps.replica ?? 'local',
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxyHops);
  app.set('etag', false);

  app.use(requestId());
  app.use(httpLogger(logger));
  app.use(securityHeaders(https));
  app.use(drainGuard(lifecycle));
  app.use(healthRouter(readinessDevpi, deps.store, lifecycle));

  const api = express.Router();
  api.use(sessionMiddleware(sessions));
  api.use(csrfProtection(config.publicUrl === undefined ? [] : [new URL(config.publicUrl).origin]));
  api.use(requireLiveSession(sessions, (req) => req.path === '/session' || req.path === '/config'));
  // Before any body parser: uploads and downloads stream through untouched.
  api.use(
    '/devpi',
    devpiProxy({
      devpiUrl: config.devpiUrl,
      publicUrl: config.publicUrl,
      timeoutMs: config.devpiTimeoutMs,
      agent: deps.devpiAgent ?? createDevpiAgent(config.devpiUrl),
      sessionStillValid,
      endSession,
      renewSession,
      ...(deps.history === undefined
        ? {}
        : { history: historyRecorder({ store: deps.history, devpiFor, replica: deps.replica ?? 'local', now, logger }) }),
    }),
  );
  api.use(express.json({ limit: '64kb' }));
  api.use(apiRoutes(routeDeps));
  const jobRunner = deps.jobRunner;
  api.use(jobsRouter({ ...routeDeps, jobs: new JobStore(deps.store), registry: deps.jobRegistry ?? registerSupplyKinds(defaultRegistry({ store: deps.store, sessionSecret: config.sessionSecret }), scanner, vulns), sealer: new JobTokenSealer(config.sessionSecret), ...(jobRunner ? { pokeRunner: () => jobRunner.poke() } : {}) }));
  api.use(lifecycleRouter({ ...routeDeps, store: deps.store }));
  api.use(notFoundHandler());
  app.use(`${mountPath(DASHBOARD_BASE)}/api`, api);

  app.use(mountPath(DASHBOARD_BASE), staticSpaRouter(config.staticDir, {
    ssrEntry: config.ssrEntry,
    logger,
    activeSession: async (req, res) => {
      const found = await sessions.lookup(req);
      if (found.state !== 'active') return false;
      sessions.touch(res, found.session);
      return true;
    },
  }));
  app.get('/', (_req, res) => res.redirect(302, `${DASHBOARD_BASE}/`));
  app.use(notFoundHandler());
  app.use(errorHandler());
  return app;
}
