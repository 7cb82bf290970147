import type { Request } from 'express';

/** The browser wants devpi's current state (it just changed something), not the probed one: `Cache-Control: no-cache`. */
export const wantsFresh = (req: Request): boolean => /no-cache/i.test(req.get('cache-control') ?? '');
