import type { NextFunction, Request, Response } from 'express';
import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { HttpError } from '../errors.js';

/** Shared with server.ts: set once SIGTERM arrives. */
export interface Lifecycle {
  draining: boolean;
}

/**
 * While shutting down, requests that still arrive on kept-alive connections are refused with 503
 * and `Connection: close`, so clients retry on another replica instead of waiting for us.
 */
export function refuseWhileDraining(lifecycle: Lifecycle) {
  return function drainGuard(_req: Request, res: Response, next: NextFunction): void {
    if (!lifecycle.draining) return next();
    res.setHeader('Connection', 'close');
    next(new HttpError(503, errorCodes.shuttingDown, 'This server is restarting. Try again.', undefined, { 'Retry-After': '1' }));
  };
}
