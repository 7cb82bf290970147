import type { NextFunction, Request, Response } from 'express';
import { sessionExpired } from '../errors.js';
import type { SessionManager } from '../session/session-manager.js';

/**
 * A browser whose cookie we just rejected (expired, idle, logged out elsewhere) gets one clear
 * 401 session_expired from every API route, so the SPA can send the user to log in and back.
 * The session routes decide for themselves (logging in must still work), and public settings
 * are served regardless.
 */
export function requireLiveSession(sessions: SessionManager, exempt: (req: Request) => boolean) {
  return function checkLiveSession(req: Request, res: Response, next: NextFunction): void {
    if (req.sessionRejected === undefined || exempt(req)) return next();
    sessions.clear(res);
    next(sessionExpired());
  };
}
