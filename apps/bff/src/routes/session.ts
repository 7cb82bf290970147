import { Router, type Request, type Response } from 'express';
import { DevpiError } from '@devpi-dashboard/devpi-client';
import { errorCodes, loginRequestSchema, type Session } from '@devpi-dashboard/dashboard-api';
import { HttpError, sessionExpired } from '../errors.js';
import type { SessionData } from '../session/session-cookie.js';
import type { SessionManager } from '../session/session-manager.js';
import type { LoginThrottle } from '../session/login-throttle.js';
import type { RootPasswordProbe } from '../session/root-password-probe.js';
import type { RouteDeps } from '../http/route-deps.js';
import { recordEvent } from '../history/events.js';
import type { HistoryStore } from '../history/history-store.js';
import { parseInput } from '../http/validate.js';

export interface SessionRouteDeps extends RouteDeps {
  sessions: SessionManager;
  rootProbe: RootPasswordProbe;
  loginThrottle: LoginThrottle;
  /** Does devpi still accept this session's token? */
  sessionStillValid: (session: SessionData) => Promise<boolean>;
  history?: HistoryStore | undefined;
  replica?: string;
}

/**
 * Only failed logins count, per client IP and per account: colleagues behind one NAT address who
 * log in successfully never use up each other's budget, while guessing is cut off after a few tries.
 * A success resets the account's counter but not the address's, so one valid account cannot be used
 * to keep spraying others.
 */
export const LOGIN_LIMITS = { perIpFailures: { limit: 20, windowS: 300 }, perAccountFailures: { limit: 5, windowS: 300 } } as const;

const INVALID_CREDENTIALS = 'Wrong user name or password.';

function tooMany(retryAfterS: number): HttpError {
  return new HttpError(429, errorCodes.tooManyAttempts, 'Too many login attempts. Wait a few minutes and try again.', { retryAfterS }, {
    'Retry-After': String(retryAfterS),
  });
}

/** `GET|POST|DELETE /session`: who am I, log in through devpi's /+login, log out. */
export function sessionRouter(deps: SessionRouteDeps): Router {
  const router = Router();

  const probeRoot = (session: SessionData | undefined): Promise<boolean | null> =>
    session?.user === 'root' ? deps.rootProbe.isEmpty().catch(() => null) : Promise.resolve(null);

  const describe = async (session: SessionData | undefined, rootPasswordEmpty = probeRoot(session)): Promise<Session> => ({
    authenticated: session !== undefined,
    user: session?.user ?? null,
    isRoot: session?.user === 'root',
    rootPasswordEmpty: await rootPasswordEmpty,
    expiresAt: session === undefined ? null : new Date(session.exp * 1000).toISOString(),
    idleTimeoutS: deps.sessions.idleS,
  });

  const record = (req: Request, action: 'login.success' | 'login.failure' | 'logout', user: string, outcome: { status: number; message: string }) =>
    recordEvent(deps.history, req, {
      action,
      actor: action === 'login.failure' ? null : user,
      user,
      outcome: { state: action === 'login.failure' ? 'failed' : 'ok', ...outcome },
      replica: deps.replica ?? 'local',
      now: deps.now(),
    });

  router.get('/session', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    if (req.sessionRejected !== undefined) {
      deps.sessions.clear(res);
      throw sessionExpired();
    }
    const session = req.devpiSession;
    // Both ask devpi: together, the answer waits for one round trip instead of two in a row.
    const rootPasswordEmpty = probeRoot(session);
    if (session !== undefined && !(await deps.sessionStillValid(session))) {
      await deps.sessions.revoke(res, session);
      throw sessionExpired();
    }
    res.json(await describe(session, rootPasswordEmpty));
  });

  router.post('/session', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const { user, password } = parseInput(loginRequestSchema, req.body);
    const decision = await deps.loginThrottle.begin(req.ip ?? 'unknown', user);
    if (!decision.allowed) throw tooMany(decision.retryAfterS);
    let login: { token: string; expiration: number };
    try {
      login = await deps.devpi.login(user, password);
    } catch (error) {
      if (error instanceof DevpiError && (error.status === 401 || error.status === 400)) {
        await record(req, 'login.failure', user, { status: 401, message: INVALID_CREDENTIALS });
        // The point stays spent. The same words for an unknown user and a wrong password: nothing to enumerate.
        throw new HttpError(401, errorCodes.invalidCredentials, INVALID_CREDENTIALS);
      }
      await decision.attempt.undecided();
      throw error;
    }
    await decision.attempt.succeeded();
    if (req.devpiSession !== undefined) await deps.sessions.revoke(res, req.devpiSession);
    const session = deps.sessions.issue(res, user, login.token, login.expiration);
    if (user === 'root') deps.rootProbe.remember(password === '');
    req.log.info({ user }, 'logged in');
    await record(req, 'login.success', user, { status: 200, message: 'logged in' });
    res.json(await describe(session));
  });

  router.delete('/session', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const session = req.devpiSession;
    if (session === undefined) {
      deps.sessions.clear(res);
    } else {
      await deps.sessions.revoke(res, session);
      req.log.info({ user: session.user }, 'logged out');
      await record(req, 'logout', session.user, { status: 204, message: 'logged out' });
    }
    res.status(204).end();
  });

  return router;
}
