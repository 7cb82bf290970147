import type { NextFunction, Request, Response } from 'express';
import { CSRF_HEADER, CSRF_HEADER_VALUE, errorCodes } from '@devpi-dashboard/dashboard-api';
import { HttpError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing API request must carry `X-Devpi-Dashboard: 1` (a custom header a
 * cross-site form cannot set without a CORS preflight we never grant) and come from our own
 * origin: `Origin` equal to ours, or no Origin but `Sec-Fetch-Site: same-origin`.
 * `allowedOrigins` holds PUBLIC_URL's origin when set; the request's own origin always counts.
 */
export function csrfProtection(allowedOrigins: readonly string[]) {
  return function checkCsrf(req: Request, _res: Response, next: NextFunction): void {
    if (SAFE_METHODS.has(req.method)) return next();
    const refuse = (why: string) => next(new HttpError(403, errorCodes.csrf, `Request refused: ${why}.`));
    if (req.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) return refuse(`the ${CSRF_HEADER} header is missing`);
    const fetchSite = req.get('sec-fetch-site');
    if (fetchSite !== undefined && fetchSite !== 'same-origin') return refuse('it did not come from this site');
    const origin = req.get('origin');
    if (origin === undefined) {
      return fetchSite === 'same-origin' ? next() : refuse('it did not say where it came from');
    }
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    if (origin === own || allowedOrigins.includes(origin)) return next();
    return refuse('it came from another site');
  };
}
