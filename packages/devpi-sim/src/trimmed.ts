// The double started "trimmed": what an anonymous caller sees on a devpi-server that runs the
// devpi-admin plugin with read restrictions (acl_read) or devpi-lockdown.
import type { Ctx } from './http.js';
import { Reply, JSON_TYPE, forbidden } from './http.js';

/**
 * The answer a trimmed server gives an anonymous request instead of devpi's own, or undefined
 * when the request goes through as usual. Signed-in callers always get devpi's own answers.
 * - `GET /+status` says only that the server is up, in devpi's envelope and not to be cached:
 *   devpi-admin's `_filter_status` (devpi_admin/main.py) replaces the result with
 *   `{"status": "ok"}` (or `"fatal"`) for anonymous callers. No transcript records it.
 * - Reads of an index and everything under it are refused with pyramid's 403 (devpi-lockdown
 *   sends 401 to browsers and 403 to devpi-client; both are refusals, and callers must treat them
 *   alike). `/<user>/<index>/+api`, `/+api` and `/+login` stay open: clients need them to log in.
 */
export function trimmedReply(ctx: Ctx): Reply | undefined {
  if (!ctx.sim.options.trimmed || ctx.identity) return undefined;
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return undefined;
  const segs = ctx.path.split('/').slice(1);
  if (segs.length === 1 && segs[0] === '+status') {
    return new Reply(200, '{"type": "status", "result": {"status": "ok"}}', JSON_TYPE, undefined, { 'Cache-Control': 'private, no-store' });
  }
  const [user = '', index, third] = segs;
  if (user === '' || user.startsWith('+') || index === undefined || index === '' || index.startsWith('+')) return undefined;
  if (third === '+api' && segs.length === 3) return undefined;
  return forbidden(ctx);
}
