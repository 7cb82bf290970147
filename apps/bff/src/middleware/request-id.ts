import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** An id from nginx is kept when it looks like one; anything else could be used for log injection. */
const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function requestId() {
  return function assignRequestId(req: Request, res: Response, next: NextFunction): void {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}
