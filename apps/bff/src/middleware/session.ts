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
 * Reads the session cookie. A rejected cookie (expired, idle, logged out, forged) is cleared at
 * once; routes then answer 401 session_expired so the SPA sends the user to log in again.
 */
export function sessionMiddleware(sessions: SessionManager) {
  return function readSession(req: Request, res: Response, next: NextFunction): void {
    const found = sessions.lookup(req);
    if (found.state === 'active') {
      req.devpiSession = found.session;
      sessions.touch(res, found.session);
    } else if (found.state === 'rejected') {
      req.sessionRejected = found.reason;
      sessions.clear(res);
    }
    next();
  };
}
