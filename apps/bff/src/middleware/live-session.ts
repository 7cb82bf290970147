import type { NextFunction, Request, Response } from 'express';
import { sessionExpired } from '../errors.js';

/**
 * A browser whose cookie we just rejected (expired, idle, logged out elsewhere) gets one clear
 * 401 session_expired from every API route, so the SPA can send the user to log in and back.
 * The session routes decide for themselves: logging in must still work.
 */
export function requireLiveSession(exempt: (req: Request) => boolean) {
  return function checkLiveSession(req: Request, _res: Response, next: NextFunction): void {
    if (req.sessionRejected !== undefined && !exempt(req)) return next(sessionExpired());
    next();
  };
}
