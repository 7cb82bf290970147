import type { NextFunction, Request, Response } from 'express';
import type { SessionData } from '../session/session-cookie.js';
import type { SessionManager, SessionRejection } from '../session/session-manager.js';

declare module 'http' {
  interface IncomingMessage {
    /** The logged-in devpi session, when there is one. */
    devpiSession?: SessionData;
    /** Set when the browser sent a session cookie we no longer accept. */
    sessionRejected?: SessionRejection;
  }
}

/**
 * Reads the session cookie. A rejected cookie (expired, idle, logged out, forged) is only noted
 * here: the route that answers 401 session_expired clears it, so the SPA is told exactly once,
 * even if a public route (config) happens to be asked first.
 */
export function sessionMiddleware(sessions: SessionManager) {
  return async function readSession(req: Request, res: Response, next: NextFunction): Promise<void> {
    const found = await sessions.lookup(req);
    if (found.state === 'active') {
      req.devpiSession = found.session;
      sessions.touch(res, found.session);
    } else if (found.state === 'rejected') {
      req.sessionRejected = found.reason;
    }
    next();
  };
}
