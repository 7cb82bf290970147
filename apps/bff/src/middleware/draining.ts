import type { NextFunction, Request, Response } from 'express';
import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { HttpError } from '../errors.js';

/**
 * Shared with server.ts. `draining`: SIGTERM arrived, /readyz fails so load balancers stop
 * sending us new clients, but everything that still arrives is served. `closing`: the listener is
 * closed and only in-flight requests are being finished.
 */
export interface Lifecycle {
  phase: 'serving' | 'draining' | 'closing';
}

/**
 * While draining, answers carry `Connection: close` so kept-alive clients reconnect (to another
 * replica) after their current request. Once the listener is closed, requests that still arrive
 * on kept-alive connections are refused with 503, so clients retry elsewhere instead of waiting.
 */
export function drainGuard(lifecycle: Lifecycle) {
  return function drainGuard(_req: Request, res: Response, next: NextFunction): void {
    if (lifecycle.phase === 'serving') return next();
    res.setHeader('Connection', 'close');
    if (lifecycle.phase === 'draining') return next();
    next(new HttpError(503, errorCodes.shuttingDown, 'This server is restarting. Try again.', undefined, { 'Retry-After': '1' }));
  };
}
